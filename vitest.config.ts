import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Two projects: Node (unit tests beside the code, HTTP/CLI tests in test/*.node.test.ts) and
// workerd (test/*.worker.test.ts run inside the Workers runtime with wrangler.toml).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.node.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'worker', include: ['test/**/*.worker.test.ts'], testTimeout: 30_000 },
      },
    ],
  },
})
