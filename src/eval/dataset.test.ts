// Data loading in the harness's shapes, and distractors dropped the way the harness drops them.
import { describe, expect, it } from 'vitest'
import { addDistractors, parseJsonLines, toDocs, toQueries } from './dataset.ts'

describe('toDocs / toQueries', () => {
  it('indexes title + text, unless the prepared corpus gives a body', () => {
    const docs = toDocs(
      parseJsonLines(
        [
          '{"id":"s01","title":"세종대왕","text":"조선의 제4대 국왕이다.","source":"handwritten"}',
          '',
          '{"id":2,"text":"훈민정음을 반포하였다."}',
          '{"id":"p1","title":"t","text":"x","body":"본문 그대로"}',
        ].join('\n'),
        'corpus.jsonl',
      ),
    )
    expect(docs.map((d) => [d.id, d.body, d.source])).toEqual([
      ['s01', '세종대왕\n조선의 제4대 국왕이다.', 'handwritten'],
      ['2', '훈민정음을 반포하였다.', null],
      ['p1', '본문 그대로', null],
    ])
  })

  it('reads relevant ids as strings', () => {
    expect(toQueries(parseJsonLines('{"id":"q1","text":"세종대왕은 누구?","relevant":["s01",7]}', 'q.jsonl'))).toEqual([
      { id: 'q1', text: '세종대왕은 누구?', relevant: ['s01', '7'], source: null },
    ])
  })

  it('names the file and line of broken JSON', () => {
    expect(() => parseJsonLines('{"id":"q1"}\n{"id":', 'queries.jsonl')).toThrow('eval: queries.jsonl:2: invalid JSON')
  })
})

describe('addDistractors', () => {
  const doc = (id: string, text: string) => toDocs([{ id, text }])[0]!
  it('drops a distractor with a known id or the same whitespace-normalised text', () => {
    const { docs, added, dropped } = addDistractors(
      [doc('p1', '서울은 맑다.')],
      [doc('kn-1', ' 서울은\n 맑다. '), doc('p1', '다른 문장.'), doc('kn-2', '부산은 흐리다.'), doc('kn-3', '부산은  흐리다.')],
    )
    expect(docs.map((d) => d.id)).toEqual(['p1', 'kn-2'])
    expect([added, dropped]).toEqual([1, 3])
  })
})
