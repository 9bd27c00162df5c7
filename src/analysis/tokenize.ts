// Tokenizer: splits normalised text into runs of one script (Hangul / Latin+digits / numbers /
// Han / other letters), one token per run, with offsets into the original text.
import { JOINER, type NormalizedText } from './normalize.ts'
import type { StreamToken } from './token.ts'

type Script = StreamToken['script']

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318C\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/
const SYLLABLE = /[\uAC00-\uD7A3]/
const LATIN = /[a-z\p{Script=Latin}]/u
const DIGIT = /[0-9]/
const HAN = /\p{Script=Han}/u
const OTHER_WORD = /[\p{L}\p{N}]/u
const MARK = /\p{M}/u
/** Hyphens join two Hangul syllables like the middle dot does: `한-벨` → 한벨. */
const HYPHENS = new Set(['-', '\u2010', '\u2011'])

function scriptOf(ch: string): Script | null {
  if (HANGUL.test(ch)) return 'hangul'
  if (DIGIT.test(ch)) return 'number'
  if (LATIN.test(ch)) return 'latin'
  if (HAN.test(ch)) return 'han'
  if (OTHER_WORD.test(ch)) return 'other'
  return null
}

/** Latin letters and digits glue together (`g20`, `covid19`); Hangul after them starts a new run. */
function sameRun(run: Script, next: Script): boolean {
  if (run === next) return true
  return (run === 'latin' || run === 'number') && (next === 'latin' || next === 'number')
}

/**
 * Split normalised text into script runs. Joined Hangul (`한·벨`, `직·간접적`, `한-벨`) becomes one
 * run with the joiner left out of the term, followed by one `part` token per piece.
 * Numbers keep inner separators between digits: `3.5`, `1,000` → 1000.
 * @example
 * tokenize(normalize('SW개발 한․벨')).map(t => t.term) // => ['sw', '개발', '한벨', '한', '벨']
 */
export function tokenize(input: NormalizedText): StreamToken[] {
  const { text, starts, ends } = input
  const tokens: StreamToken[] = []
  let position = 0
  let lastRunEnd = -1 // in normalised text
  let i = 0
  while (i < text.length) {
    const script = scriptOf(text[i]!)
    if (script === null) {
      i++
      continue
    }
    let runScript = script
    const units: number[] = [] // indexes into normalised text that make the term
    const partBreaks: number[] = [] // positions in `units` where a joined part begins
    let j = i
    while (j < text.length) {
      const ch = text[j]!
      const s = scriptOf(ch)
      if (s !== null && sameRun(runScript, s)) {
        if (s === 'latin' && runScript === 'number') runScript = 'latin'
        units.push(j++)
        continue
      }
      if (MARK.test(ch) && units.length > 0) {
        units.push(j++)
        continue
      }
      // 한․벨 / 한-벨: a joiner between two syllables keeps the eojeol whole.
      const next = text[j + 1]
      if (
        runScript === 'hangul' &&
        (ch === JOINER || HYPHENS.has(ch)) &&
        next !== undefined &&
        SYLLABLE.test(next) &&
        SYLLABLE.test(text[j - 1] ?? '')
      ) {
        partBreaks.push(units.length)
        j++
        continue
      }
      // 3.5 / 1,000: a separator between digits stays inside the number (commas dropped).
      if (runScript === 'number' && (ch === '.' || ch === ',') && DIGIT.test(next ?? '') && DIGIT.test(text[j - 1] ?? '')) {
        if (ch === '.') units.push(j)
        j++
        continue
      }
      break
    }
    // Attached: no whitespace since the previous run. (NIA)를 and ICT를 → 를 is attached.
    const attached = lastRunEnd >= 0 && !/\s/.test(text.slice(lastRunEnd, i))
    const token = makeToken(text, starts, ends, units, runScript, position, attached)
    tokens.push(token)
    if (partBreaks.length > 0) {
      const bounds = [0, ...partBreaks, units.length]
      for (let b = 0; b + 1 < bounds.length; b++) {
        const part = makeToken(text, starts, ends, units.slice(bounds[b], bounds[b + 1]), runScript, position, false)
        part.part = true
        tokens.push(part)
      }
    }
    lastRunEnd = j
    position++
    i = j
  }
  return tokens
}

function makeToken(
  text: string,
  starts: number[],
  ends: number[],
  units: number[],
  script: Script,
  position: number,
  attached: boolean,
): StreamToken {
  let term = ''
  for (const u of units) term += text[u]
  const kind = script === 'hangul' ? 'surface' : script === 'han' ? 'hanja' : 'latin'
  return {
    term,
    kind,
    start: starts[units[0]!]!,
    end: ends[units[units.length - 1]!]!,
    position,
    script,
    attached,
    part: false,
    unitStarts: units.map((u) => starts[u]!),
    unitEnds: units.map((u) => ends[u]!),
  }
}
