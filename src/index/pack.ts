// The index file: a small JSON manifest (what was built from what, with which analyzer) followed by
// the archive's segment blobs. One file, so the Worker bundles it as one data module (an
// ArrayBuffer) and every segment is a zero-copy view into it. Must not import runtime code.
//
// Pack bytes, version 1 (little-endian):
//
//   offset  size    field
//   0       4       magic "KNSP"
//   4       2       pack version (PACK_VERSION)
//   6       2       reserved, zero
//   8       4       M: manifest length in bytes
//   12      4       S: segments
//   16      S × 8   per segment: u32 offset (a multiple of 8), u32 length
//   …       M       manifest, UTF-8 JSON (IndexManifest)
//   …               blobs, each starting at a multiple of 8: the segments (segment/format.ts), then
//                   the eojeol lexicon and the stem rules (packed-lexicon.ts)
import { SearchError } from '../errors.ts'
import { ByteWriter } from './segment/bytes.ts'

export const PACK_MAGIC = 'KNSP'
export const PACK_VERSION = 1

/**
 * Packs a manifest and segment blobs into one buffer.
 * @example
 * decodePack(encodePack({ articles: 631 }, [segment])).segments.length // => 1
 */
export function encodePack(manifest: unknown, segments: readonly Uint8Array[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(manifest))
  const out = new ByteWriter(64 + json.length + segments.reduce((sum, s) => sum + s.length + 8, 0))
  for (const ch of PACK_MAGIC) out.u8(ch.charCodeAt(0))
  out.u16(PACK_VERSION)
  out.u16(0)
  out.u32(json.length)
  out.u32(segments.length)
  const tableAt = out.length
  for (let i = 0; i < segments.length; i++) {
    out.u32(0)
    out.u32(0)
  }
  out.bytes(json)
  segments.forEach((segment, i) => {
    out.align(8)
    out.patchU32(tableAt + i * 8, out.length)
    out.patchU32(tableAt + i * 8 + 4, segment.length)
    out.bytes(segment)
  })
  return out.finish()
}

export interface DecodedPack<T> {
  manifest: T
  /** Views into the pack's bytes, one per segment. */
  segments: Uint8Array[]
}

/**
 * @example
 * decodePack<IndexManifest>(readFileSync('index/search-index.pack')).manifest.articles // => 631
 */
export function decodePack<T>(input: ArrayBuffer | Uint8Array): DecodedPack<T> {
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  // Segment views need 8-byte alignment; a buffer that starts misaligned is copied once.
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice()
  // Another kind of file is incompatible; a pack cut short is corrupt.
  const magic = String.fromCharCode(...bytes.subarray(0, 4))
  if (magic !== PACK_MAGIC && !(bytes.length < 4 && PACK_MAGIC.startsWith(magic))) {
    throw new SearchError('INDEX_INCOMPATIBLE', `pack: magic ${JSON.stringify(magic)}, expected ${PACK_MAGIC}`)
  }
  if (bytes.length < 16) throw new SearchError('DATA_CORRUPTION', `pack: ${bytes.length} bytes, shorter than the header`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
  const version = view.getUint16(4, true)
  if (version !== PACK_VERSION) throw new SearchError('INDEX_INCOMPATIBLE', `pack: version ${version}, expected ${PACK_VERSION}`)
  const manifestLength = view.getUint32(8, true)
  const count = view.getUint32(12, true)
  const manifestAt = 16 + count * 8
  if (manifestAt + manifestLength > bytes.length) throw new SearchError('DATA_CORRUPTION', 'pack: manifest runs past the end')
  let manifest: T
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes.subarray(manifestAt, manifestAt + manifestLength))) as T
  } catch (cause) {
    throw new SearchError('DATA_CORRUPTION', 'pack: manifest is not valid JSON', { cause })
  }
  const segments: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(16 + i * 8, true)
    const length = view.getUint32(20 + i * 8, true)
    if (offset % 8 !== 0 || offset < manifestAt + manifestLength || offset + length > bytes.length) {
      throw new SearchError('DATA_CORRUPTION', `pack: segment ${i} at ${offset}+${length} is outside the ${bytes.length} bytes`)
    }
    segments.push(bytes.subarray(offset, offset + length))
  }
  return { manifest, segments }
}
