// Runs tasks that share a key one after another, in the order they were queued; tasks of different
// keys do not wait for each other. The write API queues each article id's changes here, so a
// correction sent while the article's POST is still being saved waits for it. No runtime imports.

/**
 * @example
 * const queue = oneAtATime()
 * queue('k1', saveSlowly); queue('k1', correct) // correct starts once saveSlowly has settled
 */
export function oneAtATime() {
  const tails = new Map<string, Promise<unknown>>()
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    // A task that failed does not stop the ones queued after it.
    const run = (tails.get(key) ?? Promise.resolve()).catch(() => {}).then(task)
    tails.set(key, run)
    try {
      return await run
    } finally {
      if (tails.get(key) === run) tails.delete(key)
    }
  }
}
