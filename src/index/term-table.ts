// Interns the (field, term) pairs of a bulk build as small integer ids, so the build counts and
// sorts numbers instead of strings. Must not import runtime code.
import { FIELDS, type Field } from './fields.ts'

export class TermTable {
  /** Term string of each id. */
  readonly terms: string[] = []
  /** Field number (index into FIELDS) of each id. */
  fieldOf = new Uint8Array(1024)
  private readonly ids: Array<Map<string, number>> = FIELDS.map(() => new Map())

  get size(): number {
    return this.terms.length
  }

  /**
   * @example
   * table.intern(0, '벨라루스') // => 0, and again => 0; table.intern(1, '벨라') // => 1
   */
  intern(field: number, term: string): number {
    const ids = this.ids[field]!
    let id = ids.get(term)
    if (id === undefined) {
      id = this.terms.length
      ids.set(term, id)
      this.terms.push(term)
      if (id >= this.fieldOf.length) {
        const next = new Uint8Array(this.fieldOf.length * 2)
        next.set(this.fieldOf)
        this.fieldOf = next
      }
      this.fieldOf[id] = field
    }
    return id
  }

  /** The id of a term interned before, or undefined. */
  find(field: number, term: string): number | undefined {
    return this.ids[field]!.get(term)
  }

  fieldName(id: number): Field {
    return FIELDS[this.fieldOf[id]!]!
  }
}
