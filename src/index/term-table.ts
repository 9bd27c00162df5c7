// Interns the (field, term) pairs of a bulk build as small integer ids, so the build counts and
// sorts numbers instead of strings. Must not import runtime code.
import { FIELDS, type Field } from './fields.ts'
import { rehashSlots } from './hash-slots.ts'

/** Units of a term kept in its slot (bigrams, most stems); a longer term is compared with `terms`. */
const INLINE_UNITS = 8
/** Int32s a slot: hash, field + 1 (0: empty), term length, id, then the term's units in pairs. */
const SLOT = 4 + INLINE_UNITS / 2

export class TermTable {
  /** Term string of each id. */
  readonly terms: string[] = []
  /** Field number (index into FIELDS) of each id. */
  fieldOf = new Uint8Array(1024)
  /**
   * (field, term) → id as an open-addressing table that keeps each short term's units in its slot:
   * a build interns tens of millions of terms, and a lookup here reads one cache line where a Map
   * of strings reads three or four.
   */
  private slots = new Int32Array(SLOT * 1024)
  private mask = 1023

  get size(): number {
    return this.terms.length
  }

  /**
   * @example
   * table.intern(0, '벨라루스') // => 0, and again => 0; table.intern(1, '벨라') // => 1
   */
  intern(field: number, term: string): number {
    const hash = hashOf(field, term)
    const at = this.slotOf(field, term, hash)
    if (this.slots[at + 1] !== 0) return this.slots[at + 3]!
    const id = this.terms.length
    this.terms.push(term)
    if (id >= this.fieldOf.length) {
      const next = new Uint8Array(this.fieldOf.length * 2)
      next.set(this.fieldOf)
      this.fieldOf = next
    }
    this.fieldOf[id] = field
    this.fill(at, field, term, hash, id)
    // At most three slots in four in use keeps probes short (a probe's next slot is mostly in the same cache line).
    if (4 * this.terms.length > 3 * (this.mask + 1)) this.rehash(2 * (this.mask + 1))
    return id
  }

  /** The id of a term interned before, or undefined. */
  find(field: number, term: string): number | undefined {
    const at = this.slotOf(field, term, hashOf(field, term))
    return this.slots[at + 1] === 0 ? undefined : this.slots[at + 3]!
  }

  fieldName(id: number): Field {
    return FIELDS[this.fieldOf[id]!]!
  }

  /** The slot holding (field, term), or the empty slot where it would go. */
  private slotOf(field: number, term: string, hash: number): number {
    const { slots, mask } = this
    const length = term.length
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT
      const stored = slots[at + 1]!
      if (stored === 0) return at
      if (stored === field + 1 && slots[at] === hash && slots[at + 2] === length && this.holds(at, term)) return at
    }
  }

  private holds(at: number, term: string): boolean {
    const length = term.length
    if (length > INLINE_UNITS) return this.terms[this.slots[at + 3]!] === term
    for (let i = 0; i < length; i += 2) {
      const pair = term.charCodeAt(i) | (i + 1 < length ? term.charCodeAt(i + 1) << 16 : 0)
      if (this.slots[at + 4 + (i >> 1)] !== pair) return false
    }
    return true
  }

  private fill(at: number, field: number, term: string, hash: number, id: number): void {
    const { slots } = this
    const length = term.length
    slots[at] = hash
    slots[at + 1] = field + 1
    slots[at + 2] = length
    slots[at + 3] = id
    if (length > INLINE_UNITS) return
    for (let i = 0; i < length; i += 2) slots[at + 4 + (i >> 1)] = term.charCodeAt(i) | (i + 1 < length ? term.charCodeAt(i + 1) << 16 : 0)
  }

  private rehash(slotCount: number): void {
    this.slots = rehashSlots(this.slots, slotCount, SLOT)
    this.mask = slotCount - 1
  }
}

/** FNV-1a over the field number and the term's UTF-16 units. */
function hashOf(field: number, term: string): number {
  let hash = Math.imul(0x811c9dc5 ^ field, 0x01000193)
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193)
  return hash
}
