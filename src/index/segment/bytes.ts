// Byte-level helpers for the segment format: a growable little-endian writer, LEB128 varints and
// UTF-16 code-unit strings (Hangul is 2 bytes a syllable in UTF-16, 3 in UTF-8). Must not import
// runtime code.

const encoder = new TextEncoder()

/** Appends little-endian numbers, varints and raw bytes to a buffer that grows by doubling. */
export class ByteWriter {
  private buf: Uint8Array
  private view: DataView
  length = 0

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity)
    this.view = new DataView(this.buf.buffer)
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.length + extra) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
    this.view = new DataView(next.buffer)
  }

  u8(value: number): void {
    this.reserve(1)
    this.buf[this.length++] = value
  }

  u16(value: number): void {
    this.reserve(2)
    this.view.setUint16(this.length, value, true)
    this.length += 2
  }

  u32(value: number): void {
    this.reserve(4)
    this.view.setUint32(this.length, value, true)
    this.length += 4
  }

  f64(value: number): void {
    this.reserve(8)
    this.view.setFloat64(this.length, value, true)
    this.length += 8
  }

  /** Unsigned LEB128, up to 2^53: 7 bits a byte, high bit set on every byte but the last. */
  varint(value: number): void {
    this.reserve(8)
    while (value >= 0x80) {
      this.buf[this.length++] = (value % 0x80) | 0x80
      value = Math.floor(value / 0x80)
    }
    this.buf[this.length++] = value
  }

  /** The UTF-16 code units of `text[from..]`, 2 bytes each. */
  units(text: string, from = 0): void {
    this.reserve(2 * (text.length - from))
    for (let i = from; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      this.buf[this.length++] = unit & 0xff
      this.buf[this.length++] = unit >>> 8
    }
  }

  /** UTF-8 bytes of `text`, no length prefix. */
  utf8(text: string): void {
    this.reserve(text.length * 3)
    this.length += encoder.encodeInto(text, this.buf.subarray(this.length)).written
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length)
    this.buf.set(data, this.length)
    this.length += data.length
  }

  /**
   * Appends `n` zero bytes and returns where they start; write into them through `array` (valid
   * until the next append) — for bit-packed data built in place.
   */
  zeros(n: number): number {
    this.reserve(n)
    const at = this.length
    this.buf.fill(0, at, at + n)
    this.length += n
    return at
  }

  /** The buffer being written (replaced when it grows). */
  get array(): Uint8Array {
    return this.buf
  }

  /** Pads with zero bytes up to a multiple of `alignment`. */
  align(alignment: number): void {
    while (this.length % alignment !== 0) this.u8(0)
  }

  /** Overwrites a u32 written earlier (for offsets known only later). */
  patchU32(at: number, value: number): void {
    this.view.setUint32(at, value, true)
  }

  /** The bytes written so far (a view, not a copy). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.length)
  }
}

/**
 * Compares `key` with the UTF-16 units `units[from, to)` as JS compares strings: <0, 0 or >0.
 * @example
 * compareUnits('벨라', units, 0, 4) // => < 0 when units hold '벨라루스'
 */
export function compareUnits(key: string, units: Uint16Array, from: number, to: number): number {
  const n = Math.min(key.length, to - from)
  for (let i = 0; i < n; i++) {
    const d = key.charCodeAt(i) - units[from + i]!
    if (d !== 0) return d
  }
  return key.length - (to - from)
}

/**
 * Compares the units `a[aFrom, aTo)` with `b[bFrom, bTo)` as JS compares strings: <0, 0 or >0.
 * @example
 * compareUnitRanges(벨라Units, 0, 2, 벨라루스Units, 0, 4) // => < 0
 */
export function compareUnitRanges(a: Uint16Array, aFrom: number, aTo: number, b: Uint16Array, bFrom: number, bTo: number): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom)
  for (let i = 0; i < n; i++) {
    const d = a[aFrom + i]! - b[bFrom + i]!
    if (d !== 0) return d
  }
  return aTo - aFrom - (bTo - bFrom)
}

/**
 * The string made of `units[from, to)`.
 * @example
 * unitsToString(new Uint16Array([0xbca8, 0xb77c]), 0, 2) // => '벨라'
 */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  // fromCharCode over a typed-array view: no decoder needed (the Worker runtime has no utf-16 one
  // guaranteed), chunked so long strings stay under the argument-count limit.
  let out = ''
  for (let at = from; at < to; at += 4096) {
    out += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + 4096)) as unknown as number[])
  }
  return out
}
