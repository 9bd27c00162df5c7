// The eojeol lexicon as bytes: a million-sentence archive holds half a million eojeols whose
// build-time analysis the query side must repeat, and as a Map of objects they took ~180 bytes each
// of JS heap. Packed they take ~14 bytes each, are a zero-copy view into the index pack, and a
// lookup decodes at most one block of 16 entries. Must not import runtime code.
//
// Lexicon bytes, version 1 (LEXICON_VERSION; little-endian; the pack keeps them 8-byte aligned):
//
//   offset  size      field
//   0       4         magic "KNLX"
//   4       2         format version (LEXICON_VERSION)
//   6       2         reserved, zero
//   8       4         E: entries
//   12      4         B: blocks (⌈E / 16⌉)
//   16      4         U: UTF-16 units of entry data
//   20      4         checksum of everything after the header
//   24      4·(B+1)   u32 per block: where its first entry starts in the units, then U
//   …       2·U       entries, sorted by eojeol in UTF-16 order, as u16 units:
//                       lengths: shared = UTF-16 prefix with the previous eojeol of the block (0 for
//                         a block's first), suffix = the rest of the eojeol, stem shared = prefix
//                         the stem shares with the eojeol, stem suffix = the rest of the stem; when
//                         shared, suffix and stem shared are < 16 and stem suffix < 8, one unit
//                         0x8000 | stem suffix << 12 | stem shared << 8 | shared << 4 | suffix,
//                         otherwise four units (each < 0x8000)
//                       the eojeol's suffix, then the stem's suffix
//                       parts: (count << 1) | stop; per part either 0x8000 | (offset << 8) | length,
//                         the part at that offset of the stem (offset < 127, length < 256), or
//                         its length (< 0x8000) followed by its units
import type { EojeolLexicon } from '../analysis/eojeol/lexicon.ts'
import type { LearntStemRules, PartsLookup, StemRules } from '../analysis/eojeol/stem-rules.ts'
import type { EojeolAnalysis } from '../analysis/filters/stems.ts'
import { SearchError } from '../errors.ts'
import { checksum } from './segment/checksum.ts'

export const LEXICON_MAGIC = 'KNLX'
export const LEXICON_VERSION = 1
const BLOCK_ENTRIES = 16
const HEADER_BYTES = 24
const COMPACT = 0x8000
const IN_STEM = 0x8000
/** Longest eojeol, stem or part (each length must fit a unit below 0x8000). */
const MAX_LENGTH = 0x7fff

/** Appends the four lengths of an entry: one unit when they are small (nearly always), else four. */
function pushLengths(units: number[], shared: number, suffix: number, stemShared: number, stemSuffix: number): void {
  if (shared < 16 && suffix < 16 && stemShared < 16 && stemSuffix < 8) units.push(COMPACT | (stemSuffix << 12) | (stemShared << 8) | (shared << 4) | suffix)
  else units.push(shared, suffix, stemShared, stemSuffix)
}

function pushUnits(units: number[], text: string, from: number): void {
  for (let i = from; i < text.length; i++) units.push(text.charCodeAt(i))
}

function sharedPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

/**
 * Packs a lexicon (a Map built at index time) into lexicon bytes.
 * @example
 * new PackedLexicon(packLexicon(new Map([['정보통신기술을', { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }]]))).get('정보통신기술을')
 * // => { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }
 */
export function packLexicon(lexicon: EojeolLexicon): Uint8Array {
  // The default sort compares strings by UTF-16 units, natively (a comparator would be called ~10M times).
  const analyses: ReadonlyMap<string, EojeolAnalysis> = lexicon instanceof Map ? lexicon : new Map(lexicon)
  const entries = [...analyses.keys()].sort().map((eojeol): [string, EojeolAnalysis] => [eojeol, analyses.get(eojeol)!])
  const units: number[] = []
  const blockStarts: number[] = []
  let previous = ''
  entries.forEach(([eojeol, analysis], i) => {
    const stem = analysis.stop ? '' : analysis.stem
    const parts = analysis.stop ? [] : analysis.parts
    if (Math.max(eojeol.length, stem.length, parts.length, ...parts.map((p) => p.length)) > MAX_LENGTH) throw new RangeError(`lexicon: entry ${eojeol.slice(0, 20)}… too long`)
    if (i % BLOCK_ENTRIES === 0) {
      blockStarts.push(units.length)
      previous = ''
    }
    const shared = sharedPrefix(previous, eojeol)
    const stemShared = sharedPrefix(eojeol, stem)
    pushLengths(units, shared, eojeol.length - shared, stemShared, stem.length - stemShared)
    pushUnits(units, eojeol, shared)
    pushUnits(units, stem, stemShared)
    previous = eojeol
    units.push((parts.length << 1) | (analysis.stop ? 1 : 0))
    for (const part of parts) {
      const at = stem.indexOf(part)
      if (at >= 0 && at < 127 && part.length < 256) units.push(IN_STEM | (at << 8) | part.length)
      else {
        units.push(part.length)
        pushUnits(units, part, 0)
      }
    }
  })
  blockStarts.push(units.length)
  const tableBytes = 4 * blockStarts.length
  const bytes = new Uint8Array(HEADER_BYTES + tableBytes + 2 * units.length)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < 4; i++) bytes[i] = LEXICON_MAGIC.charCodeAt(i)
  view.setUint16(4, LEXICON_VERSION, true)
  view.setUint32(8, entries.length, true)
  view.setUint32(12, blockStarts.length - 1, true)
  view.setUint32(16, units.length, true)
  blockStarts.forEach((start, b) => view.setUint32(HEADER_BYTES + 4 * b, start, true))
  const unitsAt = HEADER_BYTES + tableBytes
  units.forEach((unit, i) => view.setUint16(unitsAt + 2 * i, unit, true))
  view.setUint32(20, checksum(bytes.subarray(HEADER_BYTES)), true)
  return bytes
}

/** units[from, to) as a string (a loop: spreading a typed array into String.fromCharCode is ~10× slower for short words). */
function unitsText(units: Uint16Array, from: number, to: number): string {
  let text = ''
  for (let i = from; i < to; i++) text += String.fromCharCode(units[i]!)
  return text
}

function corrupt(message: string): never {
  throw new SearchError('DATA_CORRUPTION', `lexicon: ${message}`)
}

/** A lexicon read straight from its bytes: `get` binary-searches the blocks, then scans one. */
export class PackedLexicon implements EojeolLexicon {
  readonly size: number
  /** The bytes it reads (so an index can be packed again as it is). */
  readonly bytes: Uint8Array
  private readonly blocks: Uint32Array
  private readonly units: Uint16Array
  /** The eojeol being decoded, as code units (reused: a lookup allocates only its answer). */
  private key = new Uint16Array(64)
  private keyLength = 0
  private at = 0
  // The lengths of the entry being decoded (see the format).
  private shared = 0
  private suffix = 0
  private stemShared = 0
  private stemSuffix = 0

  /**
   * `bytes` must start at an 8-byte-aligned offset of its buffer (the pack guarantees it).
   * @example
   * new PackedLexicon(packLexicon(lexicon)).size // => lexicon.size
   */
  constructor(bytes: Uint8Array, options: { verify?: boolean } = {}) {
    if (bytes.length < HEADER_BYTES || bytes.byteOffset % 4 !== 0) corrupt(`${bytes.length} bytes at offset ${bytes.byteOffset}, not a lexicon`)
    const magic = String.fromCharCode(...bytes.subarray(0, 4))
    if (magic !== LEXICON_MAGIC) throw new SearchError('INDEX_INCOMPATIBLE', `lexicon: magic ${JSON.stringify(magic)}, expected ${LEXICON_MAGIC}`)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
    const version = view.getUint16(4, true)
    if (version !== LEXICON_VERSION) throw new SearchError('INDEX_INCOMPATIBLE', `lexicon: format version ${version}, expected ${LEXICON_VERSION}`)
    const entries = view.getUint32(8, true)
    const blocks = view.getUint32(12, true)
    const units = view.getUint32(16, true)
    const unitsAt = HEADER_BYTES + 4 * (blocks + 1)
    if (blocks !== Math.ceil(entries / BLOCK_ENTRIES) || unitsAt + 2 * units !== bytes.length) {
      corrupt(`header (${entries} entries, ${blocks} blocks, ${units} units) does not fit ${bytes.length} bytes`)
    }
    if ((options.verify ?? true) && checksum(bytes.subarray(HEADER_BYTES)) !== view.getUint32(20, true)) corrupt('checksum mismatch')
    this.size = entries
    this.bytes = bytes
    this.blocks = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, blocks + 1)
    this.units = new Uint16Array(bytes.buffer, bytes.byteOffset + unitsAt, units)
    for (let b = 0; b < blocks; b++) if (this.blocks[b]! > this.blocks[b + 1]!) corrupt(`block ${b} ends before it starts`)
    if (blocks > 0 && (this.blocks[0] !== 0 || this.blocks[blocks] !== units)) corrupt('block table does not cover the entries')
  }

  /**
   * The analysis recorded for `eojeol`, or undefined.
   * @example
   * lexicon.get('벨라루스와의') // => { stem: '벨라루스', parts: [] }
   */
  get(eojeol: string): EojeolAnalysis | undefined {
    // The last block whose first eojeol is ≤ the one looked up.
    let lo = 0
    let hi = this.blocks.length - 2
    let block = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (this.compareFirst(mid, eojeol) <= 0) {
        block = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (block < 0) return undefined
    // The block is scanned without rebuilding its eojeols (as the term dictionary does): `matched`
    // is how much of `eojeol` the current entry holds. An entry sharing less with its predecessor
    // sorts after it (stop); one sharing more sorts before it (next); only an equal share has its
    // suffix compared.
    const { units } = this
    const end = this.blocks[block + 1]!
    this.at = this.blocks[block]!
    let matched = 0
    while (this.at < end) {
      this.lengths()
      const { shared, suffix } = this
      const from = this.at
      if (from + suffix > end) corrupt('entry runs past its block')
      this.at += suffix
      if (shared < matched) return undefined
      if (shared === matched) {
        let j = 0
        while (j < suffix && matched < eojeol.length && units[from + j] === eojeol.charCodeAt(matched)) {
          j++
          matched++
        }
        if (j < suffix && (matched === eojeol.length || units[from + j]! > eojeol.charCodeAt(matched))) return undefined
        if (j === suffix && matched === eojeol.length) return this.readAnalysis(eojeol)
      }
      this.skipAnalysis()
    }
    return undefined
  }

  *[Symbol.iterator](): IterableIterator<[string, EojeolAnalysis]> {
    for (let b = 0; b + 1 < this.blocks.length; b++) {
      // A whole block is decoded before any of it is yielded, so `get` calls in between are safe.
      const block: Array<[string, EojeolAnalysis]> = []
      this.at = this.blocks[b]!
      this.keyLength = 0
      while (this.at < this.blocks[b + 1]!) {
        this.readKey()
        const eojeol = unitsText(this.key, 0, this.keyLength)
        block.push([eojeol, this.readAnalysis(eojeol)])
      }
      yield* block
    }
  }

  private unit(): number {
    if (this.at >= this.units.length) corrupt('entry runs past the end')
    return this.units[this.at++]!
  }

  /** Reads an entry's lengths into `shared`, `suffix`, `stemShared`, `stemSuffix`. */
  private lengths(): void {
    const head = this.unit()
    if (head & COMPACT) {
      this.shared = (head >>> 4) & 15
      this.suffix = head & 15
      this.stemShared = (head >>> 8) & 15
      this.stemSuffix = (head >>> 12) & 7
    } else {
      this.shared = head
      this.suffix = this.unit()
      this.stemShared = this.unit()
      this.stemSuffix = this.unit()
    }
  }

  /** Reads the next eojeol into `key`, front-coded against the one before it (the lengths, then its units). */
  private readKey(): void {
    this.lengths()
    const { shared, suffix } = this
    if (shared > this.keyLength) corrupt(`eojeol shares ${shared} units with a previous one of ${this.keyLength}`)
    if (shared + suffix > this.key.length) {
      const next = new Uint16Array(Math.max(shared + suffix, this.key.length * 2))
      next.set(this.key)
      this.key = next
    }
    for (let i = 0; i < suffix; i++) this.key[shared + i] = this.unit()
    this.keyLength = shared + suffix
  }

  /** The first eojeol of `block` compared with `text` in UTF-16 order, read in place. */
  private compareFirst(block: number, text: string): number {
    const { units } = this
    let at = this.blocks[block]!
    const head = units[at]!
    const suffix = head & COMPACT ? head & 15 : units[at + 1]!
    at += head & COMPACT ? 1 : 4
    if (at + suffix > this.units.length) corrupt('entry runs past the end')
    const n = Math.min(suffix, text.length)
    for (let i = 0; i < n; i++) {
      const d = units[at + i]! - text.charCodeAt(i)
      if (d !== 0) return d
    }
    return suffix - text.length
  }

  private text(length: number): string {
    if (this.at + length > this.units.length) corrupt('entry runs past the end')
    const s = unitsText(this.units, this.at, this.at + length)
    this.at += length
    return s
  }

  /** The analysis of the entry just read, whose eojeol is `eojeol` (its stem may share a prefix). */
  private readAnalysis(eojeol: string): EojeolAnalysis {
    const { stemShared, stemSuffix } = this
    if (stemShared > eojeol.length) corrupt(`stem shares ${stemShared} units with an eojeol of ${eojeol.length}`)
    const stem = eojeol.slice(0, stemShared) + this.text(stemSuffix)
    const flags = this.unit()
    if (flags & 1) return { stem: '', parts: [], stop: true }
    const parts: string[] = []
    for (let p = flags >>> 1; p > 0; p--) {
      const head = this.unit()
      if (head & IN_STEM) {
        const at = (head >>> 8) & 0x7f
        const length = head & 0xff
        if (at + length > stem.length) corrupt(`part at ${at}+${length} of a stem of ${stem.length}`)
        parts.push(stem.slice(at, at + length))
      } else parts.push(this.text(head))
    }
    return { stem, parts }
  }

  private skipAnalysis(): void {
    this.at += this.stemSuffix
    for (let p = this.unit() >>> 1; p > 0; p--) {
      const head = this.unit()
      if (!(head & IN_STEM)) this.at += head
    }
  }
}

/** Rule keys start with this unit (a letter suffix never does); part keys are the stems themselves. */
const RULE_KEY = '\u0001'
/** A rule's replacements are kept as one "stem", joined by this unit. */
const REPLACEMENT_SEPARATOR = '\u0001'

/**
 * The stem rules as one table in the lexicon's layout, read in place like the lexicon: rules under
 * RULE_KEY + their letter suffix (the replacements as the entry's stem), stem → parts under the stem
 * (except parts the lexicon gives the stem itself: see withLexiconParts).
 * At a million sentences the learnt rules hold ~80k suffixes and ~400k stems with parts: as Maps they
 * took ~10 MB of heap, packed ~12 bytes an entry.
 * @example
 * const rules = new PackedStemRules(packStemRules(learnStemRules(lexicon)), 5)
 * rules.rules.get('ㅇㅝㅆㄷㅏ') // => ['ㅂ'] (추웠다 → 춥); rules.partsOf.get('어른들') // => ['어른']
 */
export class PackedStemRules implements StemRules {
  readonly rules: StemRules['rules']
  readonly partsOf: PartsLookup
  readonly bytes: Uint8Array

  constructor(
    bytes: Uint8Array,
    readonly longest: number,
    counts: { rules: number; parts: number },
    options: { verify?: boolean } = {},
  ) {
    const table = new PackedLexicon(bytes, options)
    if (table.size !== counts.rules + counts.parts) corrupt(`stem rules hold ${table.size} entries, expected ${counts.rules} rules and ${counts.parts} stems`)
    this.bytes = bytes
    this.rules = { size: counts.rules, get: (suffix) => table.get(RULE_KEY + suffix)?.stem.split(REPLACEMENT_SEPARATOR) }
    this.partsOf = { size: counts.parts, get: (stem) => table.get(stem)?.parts }
  }
}

/**
 * The parts of `stem` the lexicon already gives it, as its own entry (어른들 → 어른들 [어른]): the
 * packed rules leave those stems out and withLexiconParts() reads them from the lexicon instead.
 */
export function lexiconParts(lexicon: EojeolLexicon, stem: string): readonly string[] | undefined {
  const entry = lexicon.get(stem)
  return entry && !entry.stop && entry.stem === stem && entry.parts.length > 0 ? entry.parts : undefined
}

/** Stem rules whose parts lookup falls back to the lexicon (for rules packed without those stems). */
export function withLexiconParts(stemRules: StemRules, lexicon: EojeolLexicon): StemRules {
  const { partsOf } = stemRules
  return { ...stemRules, partsOf: { size: partsOf.size, get: (stem) => partsOf.get(stem) ?? lexiconParts(lexicon, stem) } }
}

/** Packs learnt stem rules (PackedStemRules reads them back), leaving out parts the lexicon gives. */
export function packStemRules({ rules, partsOf }: LearntStemRules, lexicon: EojeolLexicon): Uint8Array {
  const table = new Map<string, EojeolAnalysis>()
  const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((p, i) => p === b[i])
  for (const [stem, parts] of partsOf) if (!same(lexiconParts(lexicon, stem), parts)) table.set(stem, { stem, parts: [...parts] })
  for (const [suffix, replacements] of rules) table.set(RULE_KEY + suffix, { stem: replacements.join(REPLACEMENT_SEPARATOR), parts: [] })
  return packLexicon(table)
}
