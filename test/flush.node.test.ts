// `npm run flush`: articles added to the live tier become one more segment of the archive pack,
// searchable with the same answers; `--no-flush` keeps them in the live tier file.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analysis/analyzers.ts'
import { openIndex } from '../src/index/search-index.ts'
import { appendToJournal, replayJournal } from '../src/runtime/journal.ts'
import { INDEX_FILE, loadIndexFiles, loadOrBuildIndex } from '../src/runtime/node-index.ts'
import { search } from '../src/search/search.ts'

const TSX = 'node_modules/.bin/tsx'
const SEED = '000_df47cecabbcbfc25'
const NEW_ARTICLE = {
  id: 'live-001',
  title: '판교 테크노밸리에 양자컴퓨터 연구소 개소',
  outlet: '테스트일보',
  published_at: '2026-11-25',
  url: null,
  body: '판교 테크노밸리에 양자컴퓨터 연구소가 문을 열었다.\n연구소는 양자컴퓨터 소프트웨어를 개발한다.',
}

let dir: string
const flush = (...args: string[]) =>
  execFileSync(TSX, ['src/cli/flush.ts', '--index', join(dir, 'index.pack'), '--live', join(dir, 'live.json'), '--journal', join(dir, 'journal.jsonl'), ...args], {
    encoding: 'utf8',
  })

beforeAll(async () => {
  await loadOrBuildIndex(() => {})
  dir = mkdtempSync(join(tmpdir(), 'flush-'))
  copyFileSync(INDEX_FILE, join(dir, 'index.pack'))
  writeFileSync(join(dir, 'new.jsonl'), `${JSON.stringify(NEW_ARTICLE)}\n`)
}, 120_000)

const topHit = (index: ReturnType<typeof openIndex>, q: string) => search(index, createAnalyzer(), { q, limit: 1, offset: 0 }).hits[0]

describe('npm run flush', () => {
  it('keeps added articles in the live tier with --no-flush, then writes them as a segment', () => {
    const segments = openIndex(readFileSync(join(dir, 'index.pack'))).segments.length
    expect(flush('--add', join(dir, 'new.jsonl'), '--no-flush')).toMatch(/added 1 articles \(2 sentences\)/)
    expect(existsSync(join(dir, 'live.json'))).toBe(true)
    const withLive = loadIndexFiles(join(dir, 'index.pack'), join(dir, 'live.json'))
    expect(withLive.live.store.articleCount).toBe(1)
    const live = topHit(withLive, '양자컴퓨터')
    expect(live?.article.id).toBe('live-001')

    expect(flush()).toMatch(/wrote a segment of 1 articles, 2 sentences/)
    expect(existsSync(join(dir, 'live.json'))).toBe(false)
    const flushed = openIndex(readFileSync(join(dir, 'index.pack')))
    expect(flushed.segments).toHaveLength(segments + 1)
    const hit = topHit(flushed, '양자컴퓨터')
    expect(hit).toEqual(live)
    expect(hit?.sentences[0]?.html).toContain('<mark>양자컴퓨터</mark>')
  }, 60_000)

  it('folds the write journal into the archive and keeps it (the pack notes how much it holds)', () => {
    const written = { ...NEW_ARTICLE, id: 'live-002', title: '한벨 포럼 재개', body: '한벨 포럼이 민스크에서 다시 열렸다.' }
    appendToJournal({ article: { byline: null, section: null, ...written } }, join(dir, 'journal.jsonl'))
    expect(flush()).toMatch(/1 changes from the write journal[\s\S]*wrote a segment of 1 articles, 1 sentences/)
    expect(openIndex(readFileSync(join(dir, 'index.pack'))).meta.journalBytes).toBe(statSync(join(dir, 'journal.jsonl')).size)
    expect(topHit(openIndex(readFileSync(join(dir, 'index.pack'))), '민스크')?.article.id).toBe('live-002')
  }, 60_000)

  it('applies replacements and deletions: the pack remembers a deleted archive article, a deleted live version is left out', () => {
    const journal = join(dir, 'journal.jsonl')
    const before = openIndex(readFileSync(join(dir, 'index.pack')))
    const seed = before.store.articleById(SEED)!
    appendToJournal({ deleted: SEED }, journal)
    appendToJournal({ article: { ...NEW_ARTICLE, byline: null, section: null, id: 'live-003', title: '첫 판', body: '해오라기 떼가 한강에 나타났다.' } }, journal)
    appendToJournal({ article: { ...NEW_ARTICLE, byline: null, section: null, id: 'live-002', title: '한벨 포럼 연기', body: '한벨 포럼이 내년으로 미뤄졌다.' } }, journal)
    expect(flush()).toMatch(/3 changes from the write journal[\s\S]*wrote a segment of 2 articles, 2 sentences/)
    // live-002 was in the archive (the previous test's flush): its old version is deleted there too.
    const after = openIndex(readFileSync(join(dir, 'index.pack')))
    expect(after.meta.deletedArticles).toHaveLength(2)
    expect(after.meta.articles).toBe(before.meta.articles) // − SEED + live-003, live-002 replaced
    expect(after.store.articleById(SEED)).toBeUndefined()
    expect(after.store.articleById('live-002')?.title).toBe('한벨 포럼 연기')
    expect(search(after, createAnalyzer(), { q: seed.title, limit: 10, offset: 0 }).hits.map((h) => h.article.id)).not.toContain(SEED)
    expect(topHit(after, '미뤄졌다')?.article.id).toBe('live-002')
    expect(topHit(after, '민스크')?.article.id).not.toBe('live-002')

    // Replaced and deleted while still live: the segment holds only what is left.
    appendToJournal({ article: { ...NEW_ARTICLE, byline: null, section: null, id: 'live-004', title: '첫 판', body: '왜가리 떼.' } }, journal)
    appendToJournal({ article: { ...NEW_ARTICLE, byline: null, section: null, id: 'live-004', title: '둘째 판', body: '황새 떼.' } }, journal)
    appendToJournal({ deleted: 'live-003' }, journal)
    expect(flush()).toMatch(/wrote a segment of 1 articles, 1 sentences/)
    const last = openIndex(readFileSync(join(dir, 'index.pack')))
    expect(last.store.articleById('live-003')).toBeUndefined()
    expect(last.store.articleById('live-004')?.title).toBe('둘째 판')
    expect(last.meta.deletedArticles).toHaveLength(3) // live-003 sits in the previous flush's segment
  }, 60_000)

  it('loses no written article when the archive is rebuilt from corpus/ (an upgrade): the whole journal is replayed', async () => {
    const rebuilt = openIndex(readFileSync(INDEX_FILE)) // as built from corpus/: no journal bytes held
    expect(rebuilt.meta.journalBytes).toBeUndefined()
    replayJournal(rebuilt, createAnalyzer(), join(dir, 'journal.jsonl'))
    expect(['live-001', 'live-002', 'live-004'].map((id) => rebuilt.store.articleById(id)?.title)).toEqual([NEW_ARTICLE.title, '한벨 포럼 연기', '둘째 판'])
    expect(rebuilt.store.articleById(SEED)).toBeUndefined()
    expect(rebuilt.store.articleById('live-003')).toBeUndefined()
  })

  it('says so when the live tier is empty', () => {
    expect(flush()).toMatch(/live tier is empty/)
  }, 60_000)
})
