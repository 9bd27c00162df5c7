// Data modules bundled by wrangler ([[rules]] type "Data" in wrangler.toml).
declare module '*.json.gz' {
  const bytes: ArrayBuffer
  export default bytes
}
