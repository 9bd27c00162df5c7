// TermSource over a MiniSearch index (the live tier). MiniSearch keeps its postings private; we read
// them through the fields of minisearch 7.2.0 (pinned exactly in package.json), which a test checks.
// Must not import runtime code.
import type MiniSearch from 'minisearch'
import { SearchError } from '../errors.ts'
import { FIELDS, type Field } from './fields.ts'
import { stepThrough } from './term-walk.ts'
import type { TermSource, TermWalker } from './term-source.ts'

/** The parts of MiniSearch 7.2.0's internals we read. */
export interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined
    atPrefix(prefix: string): Iterable<[string, unknown]> & { _tree: RadixNode }
    /** The radix tree: edge label → subtree, and '' → the term's per-field data at a leaf. */
    _tree: RadixNode
  }
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _documentIds: Map<number, unknown>
  _documentCount: number
  _dirtCount: number
}

interface RadixNode extends Map<string, RadixNode | Map<number, unknown>> {}

export function createMiniSearchSource<T>(miniSearch: MiniSearch<T>): TermSource {
  const ms = miniSearch as unknown as MiniSearchInternals
  if (!ms._index?._tree || !ms._fieldLength || !ms._documentIds || !ms._fieldIds) {
    throw new SearchError('INDEX_INCOMPATIBLE', 'index: this MiniSearch version does not expose the expected internals (need 7.2.0)')
  }
  const fieldId = (field: Field) => ms._fieldIds[field]!
  // Field length totals change only when documents are added or removed: cache per document count.
  let totals: { count: number; lengths: Record<Field, number> } | undefined
  const totalsNow = () => {
    if (totals?.count !== ms._documentIds.size) {
      const lengths = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>
      for (const [shortId, perField] of ms._fieldLength) {
        if (!ms._documentIds.has(shortId)) continue
        for (const f of FIELDS) lengths[f] += perField[fieldId(f)] ?? 0
      }
      totals = { count: ms._documentIds.size, lengths }
    }
    return totals.lengths
  }
  const postings = (field: Field, term: string) => ms._index.get(term)?.get(fieldId(field))
  // Dense per-short-id arrays (our doc id, or -1 when discarded; each field's length), so walking a
  // posting list costs no Map lookups. Rebuilt when documents are added or discarded.
  let dense: { key: string; docOf: Int32Array; lengths: Uint32Array[] } | undefined
  const denseNow = () => {
    const key = `${ms._documentIds.size}:${ms._dirtCount}:${ms._fieldLength.size}`
    if (dense?.key !== key) {
      let size = 0
      for (const shortId of ms._fieldLength.keys()) size = Math.max(size, shortId + 1)
      const docOf = new Int32Array(size).fill(-1)
      const lengths = FIELDS.map(() => new Uint32Array(size))
      for (const [shortId, perField] of ms._fieldLength) {
        const doc = ms._documentIds.get(shortId)
        if (doc === undefined) continue
        docOf[shortId] = doc as number
        FIELDS.forEach((f, i) => (lengths[i]![shortId] = perField[fieldId(f)] ?? 0))
      }
      dense = { key, docOf, lengths }
    }
    return dense
  }

  return {
    get docCount() {
      return ms._documentIds.size
    },
    totalFieldLength: (field) => totalsNow()[field],
    docFreq(field, term) {
      const docs = postings(field, term)
      if (!docs) return 0
      if (ms._dirtCount === 0) return docs.size // nothing discarded: every posting is live
      let n = 0
      // Discarded documents linger in postings until MiniSearch vacuums: count live ones only.
      for (const shortId of docs.keys()) if (ms._documentIds.has(shortId)) n++
      return n
    },
    readPostings(field, term, out, at = 0, keep) {
      const docs = postings(field, term)
      if (!docs) return 0
      out.ensure(at + docs.size)
      const fid = fieldId(field)
      let n = at
      // Map order is insertion order: documents are added in doc-id order, so docs come out ascending.
      for (const [shortId, tf] of docs) {
        const doc = ms._documentIds.get(shortId)
        if (doc === undefined || (keep && (keep[(doc as number) >>> 5]! & (1 << ((doc as number) & 31))) === 0)) continue
        out.docs[n] = doc as number
        out.tfs[n] = tf
        out.lengths[n] = ms._fieldLength.get(shortId)![fid]!
        n++
      }
      return n - at
    },
    forEachPosting(field, term, visit) {
      const docs = postings(field, term)
      if (!docs) return
      const { docOf, lengths } = denseNow()
      const fieldLengths = lengths[FIELDS.indexOf(field)]!
      for (const [shortId, tf] of docs) {
        const doc = docOf[shortId] ?? -1
        if (doc >= 0) visit(doc, tf, fieldLengths[shortId]!)
      }
    },
    termsWithPrefix(field, prefix, limit) {
      const out: string[] = []
      const fid = fieldId(field)
      for (const [term, data] of ms._index.atPrefix(prefix)) {
        if (out.length >= limit) break
        if ((data as Map<number, unknown>).has(fid)) out.push(term)
      }
      return out
    },
    walkTerms<S>(field: Field, walker: TermWalker<S>, limit: number) {
      const out: Array<[string, S]> = []
      const fid = fieldId(field)
      const visit = (node: RadixNode, prefix: string, state: S) => {
        for (const [label, child] of node) {
          if (out.length >= limit) return
          if (label === '') {
            if ((child as Map<number, unknown>).has(fid) && walker.accept(state)) out.push([prefix, state])
            continue
          }
          // An edge carries several units: step through them, stopping at the first rejection.
          let s: S | null = state
          for (let k = 0; k < label.length && s !== null; k++) s = walker.step(s, label.charCodeAt(k))
          if (s !== null) visit(child as RadixNode, prefix + label, s)
        }
      }
      const prefix = walker.prefix ?? ''
      const state = stepThrough(walker, prefix)
      if (state !== null) visit(prefix === '' ? ms._index._tree : ms._index.atPrefix(prefix)._tree, prefix, state)
      return out
    },
  }
}
