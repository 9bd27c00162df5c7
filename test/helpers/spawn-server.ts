// Test-side name of the server spawner, which `npm run load` shares (src/cli/spawn-server.ts).
export { freePort, startServer, type RunningServer } from '../../src/cli/spawn-server.ts'
