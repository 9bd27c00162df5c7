// Data modules bundled by wrangler ([[rules]] type "Data" in wrangler.toml).
declare module '*.pack' {
  const bytes: ArrayBuffer
  export default bytes
}
