import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortDocs } from './radix-sort.ts'

const sorted = (keys: number[], count = keys.length) => {
  const array = Int32Array.from(keys)
  sortDocs(array, count, new Int32Array(keys.length))
  return Array.from(array)
}

describe('sortDocs', () => {
  it.each([
    [[], []],
    [[0], [0]],
    [[7012, 3, 515], [3, 515, 7012]],
    [[256, 255, 65536, 1, 0], [0, 1, 255, 256, 65536]],
    [[2 ** 31 - 1, 16_777_216, 5], [5, 16_777_216, 2 ** 31 - 1]],
  ])('%j → %j', (keys, expected) => {
    expect(sorted(keys)).toEqual(expected)
  })

  it('sorts only the first `count` keys', () => {
    expect(sorted([9, 4, 1, 0], 2)).toEqual([4, 9, 1, 0])
  })

  it('agrees with a numeric sort on any distinct doc ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 300 }), (keys) => {
        expect(sorted(keys)).toEqual([...keys].sort((a, b) => a - b))
      }),
    )
  })
})
