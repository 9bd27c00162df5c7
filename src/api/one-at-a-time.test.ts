import { describe, expect, it } from 'vitest'
import { oneAtATime } from './one-at-a-time.ts'

describe('oneAtATime', () => {
  it('runs the tasks of one key in queue order, each after the previous settled, failures included', async () => {
    const queue = oneAtATime()
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const first = queue('기사-1', async () => {
      log.push('POST start')
      await gate
      log.push('POST end')
      throw new Error('disk full')
    })
    const second = queue('기사-1', async () => log.push('PUT'))
    const other = queue('기사-2', async () => log.push('other key'))
    await other
    expect(log).toEqual(['POST start', 'other key']) // another key does not wait
    release()
    await expect(first).rejects.toThrow('disk full')
    await second
    expect(log).toEqual(['POST start', 'other key', 'POST end', 'PUT'])
  })
})
