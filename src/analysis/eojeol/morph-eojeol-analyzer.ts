// Build-time eojeol analysis from morphemes (MeCab-ko), trusted where a dictionary beats rules:
// conjugated verbs and 하다/되다 forms (합의했다 → 합의, 열렸다 → 열리), particles after nouns, and the
// parts of dictionary compounds (정보통신기술 → 정보, 통신, 기술). Where the dictionary splits an unknown
// name into pieces (민스크의 → 민스/NNG 크/VA 의/EC) it returns null and the particle rules decide.
// Must not import runtime code; the morphological analyzer (and its dictionary) is handed in.
import type { MorphAnalyzer } from '../morph/morph-analyzer.ts'
import type { Morpheme } from '../morph/morpheme.ts'
import type { EojeolAnalysis, EojeolAnalyzer } from '../filters/stems.ts'

const NOMINAL = new Set(['NNG', 'NNP', 'NNB', 'NNBC', 'NR', 'NP', 'XR', 'SL', 'SH', 'SN', 'UNKNOWN'])
/** Glued to the noun before it: 정보/NNG 화/XSN → 정보화. */
const NOUN_SUFFIX = 'XSN'
/** Glued to the noun after it: 비/XPN 정규직 → 비정규직; 새/MM 해 stays one word too. */
const NOUN_PREFIX = new Set(['XPN', 'MM'])
/** What may follow a noun and still leave it the stem: particles, 하다/되다/스럽다 suffixes, copula, endings. */
const AFTER_NOUN = /^(J|E|XSV|XSA|VCP|VCN)/
const PREDICATE = new Set(['VV', 'VA', 'VX'])
const ADVERB = 'MAG'
/** An eojeol of only these is a stop word, as in Nori's default stop tags: 한 종류 (MM), 그리고 (MAJ). */
const STOP = new Set(['MM', 'MAJ', 'IC'])

/**
 * Analysed alone, an eojeol sits before end-of-sentence, where MeCab-ko's costs favour a noun over a
 * noun + particle; in running text a word follows. One fixed follower keeps every eojeol's analysis the
 * same wherever it occurs (the query-time lexicon repeats it). Chosen on the dev sets (docs/tuning.md).
 * The analyzer prices the follower's path once per dictionary, not per eojeol (lattice.ts).
 */
const FOLLOWER = '있다' // 순은 → 순/NNG 은/JX (alone: 순은/NNG, 'pure silver'); 천하의 → 천하/NNG 의/JKG (alone: 천/NR 하의/NNG)

const isNominal = (m: Morpheme) => NOMINAL.has(m.pos) || (m.type === 'Compound' && NOMINAL.has(m.parts[0]?.tag ?? ''))
const isPredicate = (m: Morpheme | undefined) => m !== undefined && PREDICATE.has(m.parts[0]?.tag ?? '')
const isFunctional = (m: Morpheme) => /^(J|E|S)/.test(m.pos)

/**
 * @example
 * const analyze = createMorphEojeolAnalyzer(mecab)
 * analyze('정보통신기술을')   // => { stem: '정보통신기술', parts: ['정보', '통신', '기술'] }
 * analyze('합의했다')        // => { stem: '합의', parts: [] }     (합의/NNG 했/XSV+EP 다/EC)
 * analyze('열렸다')          // => { stem: '열리', parts: [] }     (열렸 = 열리/VV + 었/EP)
 * analyze('한국정보화진흥원') // => { stem: '한국정보화진흥원', parts: ['한국', '정보화', '진흥원'] }
 * analyze('한')              // => { stem: '', parts: [], stop: true } (한/MM, a determiner)
 * analyze('민스크의')         // => null (민스/NNG 크/VA 의/EC: the rules strip 의)
 */
export function createMorphEojeolAnalyzer(analyze: MorphAnalyzer): EojeolAnalyzer {
  return (eojeol) => {
    const morphemes = analyze(eojeol, FOLLOWER)
    if (morphemes.length === 0) return null
    if (morphemes.every((m) => STOP.has(m.pos) || isFunctional(m))) {
      return morphemes.some((m) => STOP.has(m.pos)) ? { stem: '', parts: [], stop: true } : null
    }
    // 안추웠던게 → 안/MAG 추웠/VA+EP …: an adverb written solid with its verb gives way to the verb
    const adverbFirst = morphemes[0]!.pos === ADVERB && isPredicate(morphemes[1])
    const predicate = adverbFirst ? morphemes.slice(1) : morphemes
    const first = predicate[0]!
    const root = first.parts[0]
    // 열렸다 → 열리; 아쉽기도 → 아쉽: the root as the dictionary writes it. Nouns run on after an
    // adnominal ending are parts: 잘때 → 자/VV ᆯ/ETM 때/NNG → stem 자, part 때.
    if (root && PREDICATE.has(root.tag)) {
      const after = predicate.slice(1).filter((m) => isNominal(m) && m.type === null).map((m) => m.surface)
      return { stem: root.form, parts: after }
    }
    if (first.pos === ADVERB) return { stem: first.surface, parts: morphemes.length === 1 ? adjectiveOf(first.surface, analyze) : [] }
    const noun = nounPhrase(eojeol, morphemes)
    if (noun && noun.parts.length === 0 && first.pos === 'NNG' && first.type === null && noun.stem === first.surface) {
      const verb = verbOfNoun(first.surface, analyze)
      if (verb) return { stem: noun.stem, parts: [verb] }
    }
    return noun
  }
}

/** Final ㅁ of a syllable (jongseong index 16). */
const hasFinalM = (syllable: number) => syllable >= 0xac00 && syllable <= 0xd7a3 && (syllable - 0xac00) % 28 === 16

/**
 * The verb or adjective root a noun in -(으)ㅁ is made from, so 어려움 meets 어려웠다 and 믿음 meets
 * 믿었다: 믿음 → 믿, 기쁨 → 기쁘, 어려움 → 어려우 → 어렵 (ㅂ-irregular), when MeCab reads the root
 * + 고 as that verb.
 */
function verbOfNoun(noun: string, analyze: (text: string) => Morpheme[]): string | null {
  const last = noun.charCodeAt(noun.length - 1)
  if (noun.length < 2 || !hasFinalM(last)) return null
  const open = noun.slice(0, -1) + String.fromCharCode(last - 16) // 기쁨 → 기쁘
  const candidates = noun.endsWith('음') ? [noun.slice(0, -1)] : [open]
  // 어려우 → 어렵: 우 after a syllable without a final stands for that syllable's ㅂ
  const before = open.charCodeAt(open.length - 2)
  if (open.endsWith('우') && before >= 0xac00 && before <= 0xd7a3 && (before - 0xac00) % 28 === 0) {
    candidates.push(open.slice(0, -2) + String.fromCharCode(before + 17))
  }
  for (const root of candidates) {
    const [m] = analyze(`${root}고`)
    if (m && PREDICATE.has(m.pos) && m.surface === root && m.parts[0]?.form === root) return root
  }
  return null
}

/**
 * The adjective an adverb in -이/-히 is made from, as a part, so 없이 meets 없다 and 깨끗이 meets
 * 깨끗하다: the adverb less 이/히 must read as an adjective root (없다 → 없/VA) or as the root of a
 * 하다 adjective (깨끗하다 → 깨끗/XR).
 */
function adjectiveOf(adverb: string, analyze: (text: string) => Morpheme[]): string[] {
  if (adverb.length < 2 || !/[이히]$/.test(adverb)) return []
  const base = adverb.slice(0, -1)
  const plain = analyze(`${base}다`)[0] // 없이 → 없다 → 없/VA
  if (plain?.parts[0]?.tag === 'VA' && plain.parts[0].form === base) return [base]
  const root = analyze(`${base}하다`)[0] // 깨끗이 → 깨끗하다 → 깨끗/XR
  return root?.surface === base && (root.pos === 'XR' || root.pos === 'NNG') ? [base] : []
}

function nounPhrase(eojeol: string, morphemes: readonly Morpheme[]): EojeolAnalysis | null {
  // The noun run from the start: prefixes, nouns (compounds), noun suffixes.
  let end = 0
  while (end < morphemes.length) {
    const m = morphemes[end]!
    const glues = NOUN_PREFIX.has(m.pos) ? isNominal(morphemes[end + 1] ?? m) && end + 1 < morphemes.length : false
    if (!(isNominal(m) || glues || (m.pos === NOUN_SUFFIX && end > 0))) break
    end++
  }
  if (end === 0) return null
  const run = morphemes.slice(0, end)
  const tail = morphemes.slice(end)
  const text = (ms: readonly Morpheme[]) => eojeol.slice(ms[0]!.start, ms[ms.length - 1]!.end)
  if (tail.every((m) => AFTER_NOUN.test(m.pos))) return { stem: text(run), parts: compoundParts(run) }
  // 맘에들었어요 → 맘/NNG 에/JKB 들/VV …: a noun and its verb written solid; the verb root is a part
  const verb = tail.find((m) => !m.pos.startsWith('J'))
  if (verb && isPredicate(verb) && tail.slice(0, tail.indexOf(verb)).length > 0) {
    const root = verb.parts[0]!.form
    return { stem: text(run), parts: eojeol.includes(root) ? [...compoundParts(run), root] : compoundParts(run) }
  }
  // 한국정보화진흥원 → 한국/NNP 정보/NNG 화/XSN 진/XSV+EC+JX 흥원/NNP: a compound the dictionary lacks,
  // broken by a mis-tag. When nouns run to the end, the whole is the stem, cut before each noun.
  const content = morphemes.filter((m) => !m.pos.startsWith('J'))
  if (!isNominal(content[content.length - 1]!)) return null
  const last = content[content.length - 1]!
  const stem = eojeol.slice(0, last.end)
  // Cut before each noun, at the end of the noun (or noun suffix) before it, so a mis-tagged piece
  // joins the noun after it: 진/XSV + 흥원/NNP → 진흥원.
  const parts: string[] = []
  let from = 0
  let nounEnd = 0
  for (const m of content) {
    if (isNominal(m) && nounEnd > from) {
      parts.push(eojeol.slice(from, nounEnd))
      from = nounEnd
    }
    if (isNominal(m) || m.pos === NOUN_SUFFIX) nounEnd = m.end
  }
  parts.push(eojeol.slice(from, last.end))
  return { stem, parts: parts.length > 1 && parts.every((p) => p.length >= 2) ? parts : [] }
}

/** One-syllable nouns that make believable compound parts: 층침대 → 층 + 침대, 3분정도 → 분 + 정도. */
const SHORT_PART = new Set(['NNG', 'NNB', 'NNBC'])

/**
 * Parts of a noun run: its nouns when there are several; a one-syllable piece only as a common or
 * bound noun (벨/NNP 라루스/NNP is how the dictionary mangles 벨라루스, not a compound); a dictionary
 * compound contributes its own parts (과학부 → 과학). A noun with a suffix also gives its base:
 * 실종자 → 실종 (so 실종자는 meets 실종되었습니다), 정보화 → 정보.
 */
function compoundParts(run: readonly Morpheme[]): string[] {
  const nouns: string[] = []
  const bases: string[] = []
  for (const m of run) {
    if (m.pos === NOUN_SUFFIX && nouns.length > 0) {
      bases.push(nouns[nouns.length - 1]!)
      nouns[nouns.length - 1] += m.surface
    } else if (NOUN_PREFIX.has(m.pos)) nouns.push(m.surface)
    else if (m.type === 'Compound') nouns.push(...m.parts.map((p) => p.form).filter((form) => form.length >= 2))
    else nouns.push(m.surface)
  }
  const mangled = run.some((m) => m.type === null && m.surface.length < 2 && m.pos !== NOUN_SUFFIX && !SHORT_PART.has(m.pos))
  const parts = nouns.length >= 2 && !mangled ? nouns : []
  return [...new Set([...parts, ...bases.filter((b) => b.length >= 2)])]
}
