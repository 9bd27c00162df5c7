// `npm run morph:check [-- --penalty] [--cache] [--mutated N] [files.jsonl…]`: compares our analyzer with upstream
// MeCab 0.996 (`mecab` on PATH, e.g. `apt-get install mecab`; or the binary in $MECAB) over the same
// mecab-ko-dic, sentence by sentence, and prints how many sentences differ. Exit code 1 when the
// default mode differs at all: it must be byte-identical. --mutated N adds N adversarial variants.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mecabKoDicDir, nodeMorphAnalyzer } from '../runtime/morph-node.ts'
import { mutatedSentences, readSentences } from './morph-sentences.ts'

const args = process.argv.slice(2)
const penalty = args.includes('--penalty') // mecab-ko behaviour: expected to differ from upstream
const cache = args.includes('--cache') // per-eojeol cache: expected to differ
const mutatedAt = args.indexOf('--mutated')
const mutated = mutatedAt >= 0 ? Number(args[mutatedAt + 1]) : 0
const files = args.filter((a, i) => !a.startsWith('--') && (mutatedAt < 0 || i !== mutatedAt + 1))
const corpus = readSentences(files.length > 0 ? files : undefined)
const sentences = [...corpus, ...mutatedSentences(corpus, mutated)]
if (sentences.some((s) => /[\r\n]/.test(s))) throw new Error('morph-check: a sentence contains a line break; mecab reads lines')

// $MECAB may be a MeCab built with mecab-ko's connector patch, the reference for --penalty.
const mecab = process.env.MECAB ?? 'mecab'
const reference = runMecab(sentences.join('\n') + '\n').split('EOS\n').slice(0, -1)
if (reference.length !== sentences.length) throw new Error(`morph-check: mecab gave ${reference.length} results for ${sentences.length} sentences`)

const analyze = nodeMorphAnalyzer({ leftSpacePenalty: penalty, mode: cache ? 'eojeol-cache' : 'exact' })
let differing = 0
let lines = 0
const shown: string[] = []
sentences.forEach((sentence, i) => {
  const ours = analyze(sentence)
    .map((m) => `${m.surface}\t${m.feature}\n`)
    .join('')
  lines += ours.split('\n').length
  if (ours === reference[i]) return
  differing++
  if (shown.length < 5) shown.push(`#${i} ${sentence}\n  mecab: ${flat(reference[i]!)}\n  ours:  ${flat(ours)}`)
})
for (const s of shown) console.log(s)
const variant = `${penalty ? 'left-space penalty on' : 'penalty off'}, ${cache ? 'eojeol cache' : 'exact'}`
console.log(`morph-check (${variant}): ${differing} of ${sentences.length} sentences differ from ${mecab} (${lines} lines compared)`)
if (!penalty && !cache && differing > 0) process.exitCode = 1

function flat(block: string): string {
  return block
    .trim()
    .split('\n')
    .map((l) => `${l.split('\t')[0]}/${l.split('\t')[1]?.split(',')[0]}`)
    .join(' ')
}

function runMecab(input: string): string {
  const rc = existsSync('/etc/mecabrc') ? ['-r', '/etc/mecabrc'] : []
  try {
    return execFileSync(mecab, [...rc, '-d', mecabKoDicDir()], { input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`morph-check: ${mecab} not found; apt-get install mecab, or set $MECAB`)
    throw err
  }
}
