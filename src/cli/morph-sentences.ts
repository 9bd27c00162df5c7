// The sentences the morphological-analyzer check and benchmark run on: ko-news + klue-nli-dev from
// ../shared/data (eval tooling only; a user's clone does not have them). Paths may be given instead.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** ../shared/data beside the repository (src/cli → repo root → its parent). */
const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url))
export const DEFAULT_SENTENCE_FILES = ['ko-news', 'klue-nli-dev'].map((name) => `${SHARED_DATA}${name}/corpus.jsonl`)

/** The `text` of every JSONL line of each file, in order. */
export function readSentences(files: readonly string[] = DEFAULT_SENTENCE_FILES): string[] {
  const sentences: string[] = []
  for (const file of files) {
    if (!existsSync(file)) throw new Error(`morph: ${file} not found (pass JSONL files with a "text" field)`)
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() !== '') sentences.push((JSON.parse(line) as { text: string }).text)
    }
  }
  return sentences
}

/**
 * Adversarial sentences for the MeCab comparison: corpus sentences with spaces dropped or doubled,
 * runs of one script (past MeCab's 24-char grouping limit), odd whitespace, astral chars, U+FFFF and
 * every character category mixed in. Deterministic for a seed. No line breaks or NULs (mecab reads
 * lines as C strings) and no lone surrogates (mecab would see U+FFFD, so surfaces could not match).
 */
export function mutatedSentences(base: readonly string[], count: number, seed = 1): string[] {
  let state = seed >>> 0 || 1
  const random = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x100000000
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const pieces = [
    () => String.fromCharCode(0xac00 + Math.floor(random() * 11172)), // any Hangul syllable
    () => pick(['ㄱ', 'ㅋㅋ', 'ᄀ', 'ᅡ', 'ㅏ']), // compatibility and conjoining jamo
    () => pick(['ICT', 'abc', 'Z', 'ｆｕｌｌ', 'é']),
    () => pick(['2013', '3.5', '1,000', '０']),
    () => pick(['韓', '美', '國家', '大韓民國', '一']),
    () => pick(['カタカナ', 'ｶﾀｶﾅ', 'ひらがな', 'αβγ', 'Москва']),
    () => pick(['.', ',', '!', '?', '(', ')', "'", '"', '·', '…', '-', '~', '%', '→', '“', '’']),
    () => pick([' ', '  ', '\t', '\u3000', '\u00a0', '\u200b']),
    () => pick(['😀', '😀😀', '𠀀', '\ud83c\udde8\ud83c\uddf3']), // astral: MeCab reads U+0000's category
    () => pick(['\ufffd', '\uffff', '\u0001']),
    () => pick(['a', '가', '1', '.', '😀']).repeat(20 + Math.floor(random() * 10)), // 20–29 char runs
  ]
  const out: string[] = []
  while (out.length < count) {
    let text = pick(base)
    for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
      const at = Math.floor(random() * (text.length + 1))
      const roll = random()
      if (roll < 0.2) text = text.replace(/ /g, '') // 최양희미래창조과학부장관이…
      else if (roll < 0.3) text = text.replace(/ /g, '  ')
      else text = text.slice(0, at) + pick(pieces)() + text.slice(at)
    }
    text = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '') // split pairs
    out.push(text)
  }
  return out
}
