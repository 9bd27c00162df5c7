// Data modules bundled by wrangler ([[rules]] type "Data" in wrangler.toml).
declare module '*.pack' {
  const bytes: ArrayBuffer
  export default bytes
}

// Text modules bundled by wrangler ([[rules]] type "Text" in wrangler.toml).
declare module '*/synonyms.txt' {
  const text: string
  export default text
}
