// Tells TypeScript what the Worker's main module exports, so `exports.default` from
// 'cloudflare:workers' is typed in worker tests.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../src/runtime/worker.ts')
  }
}
