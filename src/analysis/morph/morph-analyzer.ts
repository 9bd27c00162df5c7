// MeCab-ko morphological analysis over a loaded mecab-ko-dic: text → Morpheme[] with UTF-16 offsets.
// Exact (one lattice per text, as MeCab) or per-eojeol cached. No fs, no node:* imports.
import { charTypes } from './char-def.ts'
import { parseFeature, type FeatureFields } from './feature.ts'
import { Lattice } from './lattice.ts'
import type { MorphDictionary } from './morph-dictionary.ts'
import type { Morpheme, MorphemePart } from './morpheme.ts'

export type { Morpheme, MorphemePart, MorphemeType } from './morpheme.ts'

/**
 * Text → morphemes. With `followedBy`, the text is read as it reads before a space and that word,
 * which is not returned: `analyze(t, f)` equals `analyze(`${t} ${f}`)` less the morphemes past `t`
 * (in `eojeol-cache` mode nothing crosses a space, so `followedBy` changes nothing there).
 */
export type MorphAnalyzer = (text: string, followedBy?: string) => Morpheme[]

export interface MorphAnalyzerOptions {
  /**
   * mecab-ko's left-space penalty (dicrc `left-space-penalty-factor`): a particle or ending that
   * follows whitespace costs more, as in mecab-ko and Nori. Off gives upstream MeCab 0.996's output.
   * Default true.
   */
  leftSpacePenalty?: boolean
  /**
   * `exact` (default): the whole text is one lattice, byte-for-byte MeCab.
   * `eojeol-cache`: each whitespace-separated chunk is analysed alone and memoised. Faster on
   * repetitive text, but not MeCab: the connection cost across the space is lost, so an eojeol can
   * split differently (알 수 → 알/VV+ETM 수/NNB exactly, 알/NNG 수/NNG cached).
   */
  mode?: 'exact' | 'eojeol-cache'
  /** Eojeols the cache keeps before it starts over. Default 100,000. */
  cacheSize?: number
}

export const DEFAULT_MORPH_ANALYZER_OPTIONS: Required<MorphAnalyzerOptions> = {
  leftSpacePenalty: true,
  mode: 'exact',
  cacheSize: 100_000,
}

/** Decoded features are kept per token up to this many tokens, then the memo starts over. */
const TOKEN_MEMO_LIMIT = 200_000

interface TokenInfo extends FeatureFields {
  feature: string
  /** `[{ form: surface, tag: pos }]` of a plain system token, made on first use. */
  plainParts: readonly MorphemePart[] | null
}

/**
 * @example
 * const analyze = createMorphAnalyzer(dict)
 * analyze('벨라루스를 선택했다.').map((m) => `${m.surface}/${m.tags}`)
 * // => ['벨라루스/NNP', '를/JKO', '선택/NNG', '했/XSV+EP', '다/EF', './SF']
 * analyze('선택했다')[1]!.parts // => [{ form: '하', tag: 'XSV' }, { form: '았', tag: 'EP' }]
 */
export function createMorphAnalyzer(dict: MorphDictionary, options: MorphAnalyzerOptions = {}): MorphAnalyzer {
  const { leftSpacePenalty, mode, cacheSize } = { ...DEFAULT_MORPH_ANALYZER_OPTIONS, ...options }
  if (mode !== 'exact' && mode !== 'eojeol-cache') throw new RangeError(`morph: unknown mode ${String(mode)}`)
  if (!Number.isInteger(cacheSize) || cacheSize < 1) throw new RangeError(`morph: cacheSize ${cacheSize}, expected a positive integer`)
  const lattice = new Lattice(dict, leftSpacePenalty)
  const morphemes = createMorphemeMaker(dict)

  if (mode === 'exact') {
    return (text, followedBy) => {
      const out: Morpheme[] = []
      const count = lattice.run(text, 0, text.length, false, followedBy ?? null)
      for (let i = 0; i < count; i++) out.push(morphemes(text, lattice.pathToken[i]!, lattice.pathStart[i]!, lattice.pathEnd[i]!))
      return out
    }
  }

  // Eojeol cache: path triples (token, start, end) relative to the chunk, keyed by the chunk. A chunk
  // at the very start of the text has no whitespace before it, so it is memoised apart.
  const spaceTypes = charTypes(dict.chars.info[0x20]!)
  const isSpace = (unit: number) => (charTypes(dict.chars.info[unit]!) & spaceTypes) !== 0
  const memos = [new Map<string, Int32Array>(), new Map<string, Int32Array>()] as const
  const pathOf = (text: string, from: number, to: number): Int32Array => {
    const memo = memos[from > 0 ? 1 : 0]
    const key = text.slice(from, to)
    let path = memo.get(key)
    if (path === undefined) {
      const count = lattice.run(text, from, to, from > 0)
      path = new Int32Array(3 * count)
      for (let i = 0; i < count; i++) {
        path[3 * i] = lattice.pathToken[i]!
        path[3 * i + 1] = lattice.pathStart[i]! - from
        path[3 * i + 2] = lattice.pathEnd[i]! - from
      }
      if (memo.size >= cacheSize) memo.clear()
      memo.set(key, path)
    }
    return path
  }
  return (text) => {
    const out: Morpheme[] = []
    const length = text.length
    let from = 0
    while (from < length) {
      while (from < length && isSpace(text.charCodeAt(from))) from++
      if (from === length) break
      let to = from + 1
      while (to < length && !isSpace(text.charCodeAt(to))) to++
      const path = pathOf(text, from, to)
      for (let i = 0; i < path.length; i += 3) out.push(morphemes(text, path[i]!, from + path[i + 1]!, from + path[i + 2]!))
      from = to
    }
    return out
  }
}

/** Builds Morpheme records from path entries, decoding each token's feature once. */
function createMorphemeMaker(dict: MorphDictionary): (text: string, token: number, start: number, end: number) => Morpheme {
  const memo = new Map<number, TokenInfo>()
  const infoOf = (token: number): TokenInfo => {
    let info = memo.get(token)
    if (info === undefined) {
      const feature = token >= 0 ? dict.system.feature(token) : dict.unknown.feature(-token - 1)
      info = { feature, ...parseFeature(feature), plainParts: null }
      if (memo.size >= TOKEN_MEMO_LIMIT) memo.clear()
      memo.set(token, info)
    }
    return info
  }
  return (text, token, start, end) => {
    const surface = text.slice(start, end)
    const info = infoOf(token)
    let parts = info.parts ?? info.plainParts
    if (parts === null) {
      parts = Object.freeze([Object.freeze({ form: surface, tag: info.pos })])
      // A system token always has the same surface, so its one-part expression is made once.
      if (token >= 0) info.plainParts = parts
    }
    const morpheme: Morpheme = {
      surface,
      start,
      end,
      pos: info.pos,
      tags: info.tags,
      type: info.type,
      parts,
      feature: info.feature,
      unknown: token < 0,
    }
    if (info.reading !== null && info.reading !== surface) morpheme.reading = info.reading
    return morpheme
  }
}
