// The peer CLI end to end, as the peers harness runs it (`npm run --silent peer -- …`) on a fixture of
// Korean docs: stdout holds only protocol JSON lines, every query is answered, the meta line reports
// the build and the segment pack written into the work folder.
import { execFile } from 'node:child_process'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

const FIXTURE = 'test/fixtures/peer'
const QUERY_IDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']

interface Answer {
  id: string
  hits: string[]
  ms: number
}
type Meta = Record<string, unknown>

let lines: string[]
let workdir: string

beforeAll(async () => {
  workdir = mkdtempSync(join(tmpdir(), 'peer-'))
  const args = ['run', '--silent', 'peer', '--', '--corpus', `${FIXTURE}/corpus.jsonl`, '--queries', `${FIXTURE}/queries.jsonl`]
  const { stdout } = await promisify(execFile)('npm', [...args, '--workdir', workdir, '--k', '3', '--warmup', '20', '--warmup-s', '5'], {
    encoding: 'utf8',
  })
  lines = stdout.split('\n').filter((l) => l !== '')
}, 60_000)

describe('npm run peer', () => {
  it('prints nothing on stdout but JSON lines', () => {
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  })

  it('answers every query once, with at most k hits and a latency', () => {
    const answers = lines.map((l) => JSON.parse(l) as Answer | { meta: Meta }).filter((o): o is Answer => 'id' in o)
    expect(answers.map((a) => a.id)).toEqual(QUERY_IDS)
    for (const a of answers) {
      expect(a.hits.length).toBeLessThanOrEqual(3)
      expect(a.ms).toBeGreaterThanOrEqual(0)
    }
    const top = Object.fromEntries(answers.map((a) => [a.id, a.hits[0] ?? null]))
    // 벨라루스 → 벨라루스를; 한벨 → 한․벨; 인상 → 인상하기로; a blank query gets no hits, as /api/search would reject it.
    expect(top).toEqual({ q1: 'd1', q2: 'd2', q3: 'd3', q4: 'd4', q5: 'd5', q6: null })
  })

  it('ends with a meta line that reports the build and the segment pack in the work folder', () => {
    const meta = (JSON.parse(lines.at(-1)!) as { meta: Meta }).meta
    expect(meta.engine).toBe('ours')
    expect(meta.docs).toBe(6)
    expect(meta.queries).toBe(6)
    expect(meta.warmup_queries).toBe(20)
    expect(typeof meta.build_s).toBe('number')
    expect(meta.index_bytes).toBe(statSync(join(workdir, 'search-index.pack')).size)
    expect(meta.peak_rss_bytes as number).toBeGreaterThan(10_000_000)
  })
})
