// Metrics against hand-computed values (binary gains; log2 discounts; each relevant id counted once).
import { describe, expect, it } from 'vitest'
import { percentile, scoreQuery, summarize } from './metrics.ts'

const ten = ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9']

describe('scoreQuery', () => {
  it.each([
    // relevant, hits, first rank, R@1, R@10, MRR@10, nDCG@10
    ['hit first', ['nli-p0001'], ['nli-p0001', 'kn-1'], 1, 1, 1, 1, 1],
    // nDCG = (1 / log2 3) / 1 = 0.63093
    ['hit second', ['nli-p0001'], ['kn-1', 'nli-p0001', 'kn-2'], 2, 0, 1, 0.5, 0.63093],
    // DCG = 1 + 1/log2 4 = 1.5; IDCG = 1 + 1/log2 3 = 1.63093; nDCG = 0.91972
    ['two relevant, ranks 1 and 3', ['a', 'b'], ['a', 'x', 'b'], 1, 0.5, 1, 1, 0.91972],
    // DCG = 1/log2 3 = 0.63093; IDCG = 1.63093; nDCG = 0.38685; R@10 = 1/2
    ['one of two relevant, rank 2', ['a', 'b'], ['x', 'a'], 2, 0, 0.5, 0.5, 0.38685],
    ['repeated relevant id counts once', ['a'], ['a', 'a'], 1, 1, 1, 1, 1],
    ['relevant at rank 11 is outside @10', ['a'], [...ten, 'a'], null, 0, 0, 0, 0],
  ])('%s', (_name, relevant, hits, rank, r1, r10, mrr, ndcg) => {
    const s = scoreQuery(new Set(relevant), hits)
    expect(s.firstRelevantRank).toBe(rank)
    expect(s['R@1']).toBeCloseTo(r1, 5)
    expect(s['R@10']).toBeCloseTo(r10, 5)
    expect(s['MRR@10']).toBeCloseTo(mrr, 5)
    expect(s['nDCG@10']).toBeCloseTo(ndcg, 5)
    expect(s.zeroHit).toBe(false)
  })

  it('an empty list is a zero-hit query scoring 0', () => {
    expect(scoreQuery(new Set(['a']), [])).toEqual({ firstRelevantRank: null, 'R@1': 0, 'R@10': 0, 'MRR@10': 0, 'nDCG@10': 0, zeroHit: true })
  })
})

describe('summarize', () => {
  it('averages over queries and turns zero hits into a share', () => {
    const s = summarize([scoreQuery(new Set(['a']), ['a']), scoreQuery(new Set(['b']), ['x', 'b']), scoreQuery(new Set(['c']), [])])
    expect(s.queries).toBe(3)
    expect(s['R@1']).toBeCloseTo(1 / 3, 5)
    expect(s['R@10']).toBeCloseTo(2 / 3, 5)
    expect(s['MRR@10']).toBeCloseTo(1.5 / 3, 5) // (1 + 1/2 + 0) / 3
    expect(s['nDCG@10']).toBeCloseTo((1 + 0.63093) / 3, 5)
    expect(s.zeroHit).toBeCloseTo(1 / 3, 5)
  })
})

describe('percentile', () => {
  it.each([
    [[4, 1, 3, 2], 0.5, 2.5],
    [[1, 2, 3, 4], 0.95, 3.85], // position 3 × 0.95 = 2.85 → 3 + 0.85
    [[7], 0.95, 7],
  ])('%j at %d → %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 5)
  })
  it('is null without values', () => expect(percentile([], 0.5)).toBeNull())
})
