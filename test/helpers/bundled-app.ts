// The app over the bundled corpus, for HTTP tests through app.request(): one setup for every test file.
import { beforeAll } from 'vitest'
import { createApp } from '../../src/api/app.ts'
import { loadOrBuildIndex } from '../../src/runtime/node-index.ts'

/** The seed article's id. */
export const SEED = '000_df47cecabbcbfc25'

export type App = ReturnType<typeof createApp>

/** Loads (or first builds) index/ before the file's tests; returns a getter for the app. */
export function useBundledApp(): () => App {
  let app: App | undefined
  beforeAll(async () => {
    const index = await loadOrBuildIndex(() => {})
    app = createApp({ getIndex: () => index })
  }, 120_000)
  return () => app!
}
