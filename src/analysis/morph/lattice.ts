// The MeCab lattice: dictionary and unknown-word lookup at every position a morpheme can start, then
// Viterbi over connection costs. Nodes live in a reusable typed-array pool. No fs, no node:* imports.
import { charTypes, defaultCategory, groups, invokes, unknownLength } from './char-def.ts'
import type { MecabLexicon } from './dictionary.ts'
import type { MorphDictionary } from './morph-dictionary.ts'

/** MeCab's `max-grouping-size`: a run longer than this many chars after its first is not one unknown word. */
const MAX_GROUPING_SIZE = 24
const BOS = 0
const NONE = -1
/** Buffers grown past these sizes by one long text are dropped after it (4.5 MB of nodes, 1 MB of units). */
const RETAINED_NODES = 1 << 17
const RETAINED_UNITS = 1 << 16
/** The per-position memo stamps restart before they could overflow an Int32. */
const STAMP_LIMIT = 1 << 30

/**
 * One reusable lattice. `run` finds the best path over `text[from, to)` exactly as MeCab 0.996 does
 * (same candidates, same visiting order, strict `<`, so equal-cost ties break the same way), plus
 * mecab-ko's left-space penalty when enabled. Not re-entrant: read the path before the next run.
 *
 * Positions inside a run are UTF-16 offsets relative to `from`; the dictionary trie is walked over
 * the UTF-8 bytes of the text, encoded once per run (lone surrogates as U+FFFD, like TextEncoder).
 * Astral chars get the CharInfo of U+0000, as MeCab's UTF-8 decoder returns 0 for 4-byte sequences.
 */
export class Lattice {
  /** The best path after `run`: token refs (sys token ≥ 0, unk token k as −k−1) and absolute offsets. */
  pathToken = new Int32Array(64)
  pathStart = new Int32Array(64)
  pathEnd = new Int32Array(64)

  private readonly dict: MorphDictionary
  private readonly penalty: Int32Array | null
  private readonly spaceTypes: number
  private readonly nulTypes: number

  // Per text unit (relative index): CharInfo, char length in units, byte offset; per byte: unit or −1.
  private charInfo = new Uint32Array(0)
  private charUnits = new Uint8Array(0)
  private unitByte = new Int32Array(0)
  private bytes = new Uint8Array(0)
  private byteUnit = new Int32Array(0)
  private byteCount = 0
  /** Encoded units: the text, then a space and the follower if any. */
  private units = 0
  /** Nodes may end up to here; one ending past it (a word across the space) sets `crossed`. */
  private limit = 0
  private crossed = false
  private precededBySpace = false
  /** Per follower word: the least cost past the text by right-context id (see completionOf). */
  private readonly completions = new Map<string, Float64Array>()
  /** Head of the list of nodes ending at each position (linked by nodeNext), most recent first. */
  private endHead = new Int32Array(0)

  // The node pool.
  private capacity = 0
  private nodeCount = 0
  private nodeToken = new Int32Array(0)
  private nodeLc = new Uint16Array(0)
  private nodeRc = new Uint16Array(0)
  private nodeStart = new Int32Array(0)
  private nodeEnd = new Int32Array(0)
  private nodePrev = new Int32Array(0)
  private nodeNext = new Int32Array(0)
  /** Word cost (+ penalty) until connected, then the best cost from BOS through the node. */
  private nodeCost = new Float64Array(0)

  // The nodes ending at the current position, gathered once (order = MeCab's end-list order).
  private leftRc = new Int32Array(64)
  private leftCost = new Float64Array(64)
  private leftNode = new Int32Array(64)
  // Best left node per right node lcAttr at the current position: every right node with the same
  // lcAttr would scan the same left nodes with the same matrix row and pick the same one.
  private readonly bestStamp: Int32Array
  private readonly bestCost: Float64Array
  private readonly bestNode: Int32Array
  private stamp = 0
  // Trie hits at one position.
  private readonly hitValues = new Int32Array(512)
  private readonly hitEnds = new Int32Array(512)

  constructor(dict: MorphDictionary, leftSpacePenalty: boolean) {
    this.dict = dict
    this.penalty = leftSpacePenalty ? dict.leftSpacePenalty : null
    this.spaceTypes = charTypes(dict.chars.info[0x20]!)
    this.nulTypes = charTypes(dict.chars.info[0]!)
    this.bestStamp = new Int32Array(dict.matrix.rsize)
    this.bestCost = new Float64Array(dict.matrix.rsize)
    this.bestNode = new Int32Array(dict.matrix.rsize)
    this.allocateUnits(64)
    this.growNodes(4096)
  }

  /**
   * Analyses `text[from, to)` as one sentence.
   * @param precededBySpace whether whitespace precedes `from` in the caller's text, so morphemes at
   *   `from` take the left-space penalty as they would in a whole-text run.
   * @param follower a word read after the text and a space: the path is the one a run over
   *   `${text} ${follower}` takes, less the morphemes past the text.
   * @returns the number of morphemes on the best path
   */
  run(text: string, from: number, to: number, precededBySpace: boolean, follower: string | null = null): number {
    const length = to - from
    const completion = follower === null ? null : this.completionOf(follower)
    this.encode(text, from, length, follower)
    this.start(precededBySpace, 0)
    this.connectFrom(0, length)
    // Past the text the follower's own path is the same whatever precedes it: its cost per right
    // context replaces the rest of the run, unless a dictionary word crosses the space (내셔날␣ is
    // one), the text ends in whitespace, or two ways into the follower tie.
    let best = NONE
    if (completion !== null && !this.crossed && this.endHead[length] !== NONE) best = this.bestEnding(length, completion)
    if (best === NONE) {
      this.connectFrom(length, this.units)
      best = this.bestEnding(this.lastEnd(this.units), null)
    }
    const count = this.path(best, from, length)
    this.release()
    return count
  }

  /**
   * Per right-context id r, the least cost from a morpheme with right context r through a space and
   * `follower` to EOS, as a run over `…${follower}` adds it (the follower takes the left-space
   * penalty). Computed on first use, one short run per r.
   */
  private completionOf(follower: string): Float64Array {
    let costs = this.completions.get(follower)
    if (costs !== undefined) return costs
    costs = new Float64Array(this.dict.matrix.lsize)
    const text = ` ${follower}`
    this.encode(text, 0, text.length, null)
    for (let r = 0; r < costs.length; r++) {
      this.start(false, r)
      this.connectFrom(0, this.units)
      const best = this.bestEnding(this.lastEnd(this.units), null)
      costs[r] = this.nodeCost[best]! + this.dict.matrix.costs[this.nodeRc[best]!]!
    }
    this.completions.set(follower, costs)
    return costs
  }

  /** Empties the lattice to BOS, whose right context is `bosRc`. */
  private start(precededBySpace: boolean, bosRc: number): void {
    this.precededBySpace = precededBySpace
    this.crossed = false
    const endHead = this.endHead
    endHead.fill(NONE, 0, this.units + 1)
    this.nodeCount = 1
    this.nodeToken[BOS] = NONE
    this.nodeRc[BOS] = bosRc
    this.nodeCost[BOS] = 0
    this.nodeStart[BOS] = 0
    this.nodeEnd[BOS] = 0
    this.nodePrev[BOS] = NONE
    this.nodeNext[BOS] = NONE
    endHead[0] = BOS
  }

  /** Adds and connects the nodes starting at positions [from, to) (of the encoded units). */
  private connectFrom(from: number, to: number): void {
    this.limit = to
    const endHead = this.endHead
    for (let pos = from; pos < to; pos++) {
      if (endHead[pos] === NONE) continue
      const first = this.nodeCount
      this.lookup(pos, this.units, pos === 0 && this.precededBySpace)
      if (this.nodeCount > first) this.connect(pos, first)
    }
  }

  /** One huge text (a 1M-char document needs ~10M nodes) must not pin its buffers for good. */
  private release(): void {
    if (this.capacity > RETAINED_NODES) {
      this.nodeCount = 0
      this.capacity = 0
      this.growNodes(RETAINED_NODES)
    }
    if (this.charInfo.length > RETAINED_UNITS) this.allocateUnits(64)
  }

  /**
   * Encodes `text[from, from + length)`, then a space and `follower` if any, to UTF-8 once, with
   * the unit ↔ byte maps and each char's CharInfo.
   */
  private encode(text: string, from: number, length: number, follower: string | null): void {
    const units = follower === null ? length : length + 1 + follower.length
    if (this.charInfo.length < units + 1) this.allocateUnits(2 * units + 64)
    let b = this.encodeUnits(text, from, length, 0, 0)
    if (follower !== null) {
      b = this.encodeUnits(' ', 0, 1, length, b)
      b = this.encodeUnits(follower, 0, follower.length, length + 1, b)
    }
    this.unitByte[units] = b
    this.byteUnit[b] = units
    this.byteCount = b
    this.units = units
  }

  /** Encodes `count` units of `text` from `from` at unit `at` and byte `b`; returns the next byte. */
  private encodeUnits(text: string, from: number, count: number, at: number, b: number): number {
    const { charInfo, charUnits, unitByte, bytes, byteUnit } = this
    const table = this.dict.chars.info
    for (let k = 0; k < count; k++) {
      const i = at + k
      const c = text.charCodeAt(from + k)
      unitByte[i] = b
      byteUnit[b] = i
      charUnits[i] = 1
      if (c < 0x80) {
        bytes[b++] = c
      } else if (c < 0x800) {
        bytes[b++] = 0xc0 | (c >> 6)
        bytes[b++] = 0x80 | (c & 0x3f)
        byteUnit[b - 1] = NONE
      } else if (c >= 0xd800 && c <= 0xdbff && k + 1 < count && isLowSurrogate(text.charCodeAt(from + k + 1))) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(from + k + 1) - 0xdc00)
        bytes[b++] = 0xf0 | (cp >> 18)
        bytes[b++] = 0x80 | ((cp >> 12) & 0x3f)
        bytes[b++] = 0x80 | ((cp >> 6) & 0x3f)
        bytes[b++] = 0x80 | (cp & 0x3f)
        byteUnit[b - 3] = byteUnit[b - 2] = byteUnit[b - 1] = NONE
        charInfo[i] = table[0]! // 😀: MeCab decodes any 4-byte sequence as U+0000
        charUnits[i] = 2
        unitByte[i + 1] = NONE
        charInfo[i + 1] = 0
        charUnits[i + 1] = 1
        k++
        continue
      } else {
        const unit = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c // a lone surrogate is encoded as U+FFFD
        bytes[b++] = 0xe0 | (unit >> 12)
        bytes[b++] = 0x80 | ((unit >> 6) & 0x3f)
        bytes[b++] = 0x80 | (unit & 0x3f)
        byteUnit[b - 2] = byteUnit[b - 1] = NONE
        charInfo[i] = table[unit]!
        continue
      }
      charInfo[i] = table[c]!
    }
    return b
  }

  /**
   * MeCab's Tokenizer::lookup: skip whitespace, add every dictionary entry that starts there, then
   * the unknown-word candidates its char category asks for.
   */
  private lookup(pos: number, length: number, precededBySpace: boolean): void {
    const { charInfo, charUnits } = this
    // Skip whitespace; each char is compared with the categories of the one before (seekToOtherType).
    let types = this.spaceTypes
    let start = pos
    while (start < length) {
      const t = charTypes(charInfo[start]!)
      if ((types & t) === 0) break
      types = t
      start += charUnits[start]!
    }
    // Only whitespace is left: MeCab's candidates here would end past the text, where EOS never looks.
    if (start >= length) return
    const spaced = start > pos || precededBySpace
    const first = this.nodeCount
    const info = charInfo[start]!
    const system = this.dict.system
    const hits = system.prefixSearch(this.bytes, this.unitByte[start]!, this.byteCount, this.hitValues, this.hitEnds)
    for (let h = 0; h < hits; h++) {
      const end = this.byteUnit[this.hitEnds[h]!]!
      if (end === NONE) continue // a key ending inside a char cannot come from a UTF-8 dictionary
      const value = this.hitValues[h]!
      this.addNodes(system, value >>> 8, value & 0xff, 0, start, end, spaced)
    }
    if (this.nodeCount > first && !invokes(info)) return

    const ownTypes = charTypes(info)
    let next = start + charUnits[start]!
    let groupEnd = NONE
    if (groups(info)) {
      // The longest run of chars sharing a category with the char before: ICT, 2013, 😀😀.
      // The scan stops one char past the limit: a longer run is never one word, and its end lies
      // beyond the reach of the 1…length candidates below (length ≤ 15), so MeCab's full scan to the
      // end of the run (quadratic on 10,000 × 'a') changes nothing.
      let runTypes = ownTypes
      let end = next
      let chars = 0
      while (end < length && chars <= MAX_GROUPING_SIZE) {
        const t = charTypes(charInfo[end]!)
        if ((runTypes & t) === 0) break
        runTypes = t
        end += charUnits[end]!
        chars++
      }
      if (chars <= MAX_GROUPING_SIZE) this.addUnknown(info, start, end, spaced)
      groupEnd = end
    }
    // 1…length-char candidates; MeCab stops advancing (but keeps looping) once it meets the group end.
    for (let n = unknownLength(info); n > 0; n--) {
      if (next > length) break
      if (next === groupEnd) continue
      this.addUnknown(info, start, next, spaced)
      const nextTypes = next < length ? charTypes(charInfo[next]!) : this.nulTypes // MeCab reads the NUL
      if ((ownTypes & nextTypes) === 0) break
      next += next < length ? charUnits[next]! : 1
    }
    if (this.nodeCount === first) this.addUnknown(info, start, Math.min(next, length), spaced)
  }

  private addUnknown(info: number, start: number, end: number, spaced: boolean): void {
    const category = defaultCategory(info)
    this.addNodes(this.dict.unknown, this.dict.unknownFirst[category]!, this.dict.unknownCount[category]!, -1, start, end, spaced)
  }

  /**
   * Adds tokens [first, first + count) of `lexicon` spanning [start, end). `sign` −1 stores unknown
   * tokens as −t−1.
   */
  private addNodes(lexicon: MecabLexicon, first: number, count: number, sign: number, start: number, end: number, spaced: boolean): void {
    if (this.nodeCount + count > this.capacity) this.growNodes(Math.max(2 * this.capacity, this.nodeCount + count))
    if (end > this.limit) this.crossed = true
    const { nodeToken, nodeLc, nodeRc, nodeStart, nodeEnd, nodeCost, penalty } = this
    const fields = lexicon.tokenFields
    const costs = lexicon.tokenCosts
    let n = this.nodeCount
    for (let t = first, last = first + count; t < last; t++, n++) {
      const o = 8 * t
      nodeToken[n] = sign < 0 ? -t - 1 : t
      nodeLc[n] = fields[o]!
      nodeRc[n] = fields[o + 1]!
      nodeStart[n] = start
      nodeEnd[n] = end
      nodeCost[n] = spaced && penalty !== null ? costs[o + 3]! + penalty[fields[o + 2]!]! : costs[o + 3]!
    }
    this.nodeCount = n
  }

  /**
   * MeCab's connect: each new node (taken newest first, as MeCab prepends them to its list) gets the
   * cheapest node ending at `pos`, scanned in end-list order with strict `<`, then joins the end list
   * of its own end position.
   */
  private connect(pos: number, first: number): void {
    const endHead = this.endHead
    let lefts = 0
    for (let n = endHead[pos]!; n !== NONE; n = this.nodeNext[n]!) lefts++
    if (this.leftRc.length < lefts) {
      this.leftRc = new Int32Array(2 * lefts)
      this.leftCost = new Float64Array(2 * lefts)
      this.leftNode = new Int32Array(2 * lefts)
    }
    const { leftRc, leftCost, leftNode, nodeLc, nodeRc, nodeCost, nodePrev, nodeNext, nodeEnd } = this
    let k = 0
    for (let n = endHead[pos]!; n !== NONE; n = nodeNext[n]!) {
      leftRc[k] = nodeRc[n]!
      leftCost[k] = nodeCost[n]!
      leftNode[k++] = n
    }
    if (++this.stamp === STAMP_LIMIT) {
      this.bestStamp.fill(0)
      this.stamp = 1
    }
    const stamp = this.stamp
    const { bestStamp, bestCost, bestNode } = this
    const costs = this.dict.matrix.costs
    const lsize = this.dict.matrix.lsize
    for (let r = this.nodeCount - 1; r >= first; r--) {
      const lc = nodeLc[r]!
      if (bestStamp[lc] !== stamp) {
        const row = lc * lsize
        let best = Infinity
        let bestAt = 0
        for (let i = 0; i < lefts; i++) {
          const cost = leftCost[i]! + costs[row + leftRc[i]!]!
          if (cost < best) {
            best = cost
            bestAt = i
          }
        }
        bestStamp[lc] = stamp
        bestCost[lc] = best
        bestNode[lc] = leftNode[bestAt]!
      }
      nodeCost[r] = nodeCost[r]! + bestCost[lc]!
      nodePrev[r] = bestNode[lc]!
      const end = nodeEnd[r]!
      nodeNext[r] = endHead[end]!
      endHead[end] = r
    }
  }

  /** EOS joins the last position any node ends at (trailing whitespace is never part of a node). */
  private lastEnd(length: number): number {
    let last = length
    while (this.endHead[last] === NONE) last--
    return last
  }

  /**
   * The node ending at `last` with the least cost through EOS (matrix row 0: EOS has lcAttr 0), or
   * through `completion`, scanned in end-list order with strict `<` as MeCab. With a completion,
   * NONE when nodes of different right contexts tie: the run past them would pick one further on.
   */
  private bestEnding(last: number, completion: Float64Array | null): number {
    const { endHead, nodeNext, nodeCost, nodeRc } = this
    const eos = completion ?? this.dict.matrix.costs
    let best = Infinity
    let bestNode = BOS
    let tied = false
    for (let n = endHead[last]!; n !== NONE; n = nodeNext[n]!) {
      const cost = nodeCost[n]! + eos[nodeRc[n]!]!
      if (cost < best) {
        best = cost
        bestNode = n
        tied = false
      } else if (cost === best && nodeRc[n] !== nodeRc[bestNode]) tied = true
    }
    return tied && completion !== null ? NONE : bestNode
  }

  /** Copies the path ending at `last` into pathToken/pathStart/pathEnd, less morphemes past `length`. */
  private path(last: number, from: number, length: number): number {
    const { nodePrev, nodeEnd } = this
    let count = 0
    for (let n = last; n !== BOS; n = nodePrev[n]!) if (nodeEnd[n]! <= length) count++
    if (this.pathToken.length < count) {
      this.pathToken = new Int32Array(2 * count)
      this.pathStart = new Int32Array(2 * count)
      this.pathEnd = new Int32Array(2 * count)
    }
    let i = count
    for (let n = last; n !== BOS; n = nodePrev[n]!) {
      if (nodeEnd[n]! > length) continue
      i--
      this.pathToken[i] = this.nodeToken[n]!
      this.pathStart[i] = from + this.nodeStart[n]!
      this.pathEnd[i] = from + nodeEnd[n]!
    }
    return count
  }

  private allocateUnits(size: number): void {
    this.charInfo = new Uint32Array(size)
    this.charUnits = new Uint8Array(size)
    this.unitByte = new Int32Array(size + 1)
    this.endHead = new Int32Array(size + 1)
    this.bytes = new Uint8Array(4 * size)
    this.byteUnit = new Int32Array(4 * size + 1)
  }

  private growNodes(capacity: number): void {
    const grow = <T extends Int32Array | Uint16Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity)
      next.set(old.subarray(0, this.nodeCount) as never)
      return next
    }
    this.nodeToken = grow(this.nodeToken, (n) => new Int32Array(n))
    this.nodeLc = grow(this.nodeLc, (n) => new Uint16Array(n))
    this.nodeRc = grow(this.nodeRc, (n) => new Uint16Array(n))
    this.nodeStart = grow(this.nodeStart, (n) => new Int32Array(n))
    this.nodeEnd = grow(this.nodeEnd, (n) => new Int32Array(n))
    this.nodePrev = grow(this.nodePrev, (n) => new Int32Array(n))
    this.nodeNext = grow(this.nodeNext, (n) => new Int32Array(n))
    this.nodeCost = grow(this.nodeCost, (n) => new Float64Array(n))
    this.capacity = capacity
  }
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff
