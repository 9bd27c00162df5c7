// Evaluation data in the peers harness's JSON-lines shapes: corpus docs `{id, title?, text, body?}`
// and queries `{id, text, relevant}`. Parses text only; reading files is the CLI's job (no node:*).

/** One retrievable document. `body` is what gets indexed: the harness's title + "\n" + text. */
export interface EvalDoc {
  id: string
  title: string
  text: string
  body: string
  /** Where the document comes from (KLUE genre, distractor source…), for breakdowns. */
  source: string | null
}

export interface EvalQuery {
  id: string
  text: string
  /** Relevant doc ids; empty in the harness's prepared queries, which peers see without judgments. */
  relevant: string[]
  source: string | null
}

type Json = Record<string, unknown>

/**
 * Parses JSON lines; blank lines are skipped, a broken line throws with its file and line number.
 * @example
 * parseJsonLines('{"id":"q1","text":"세종대왕"}\n', 'queries.jsonl') // => [{ id: 'q1', text: '세종대왕' }]
 */
export function parseJsonLines(text: string, name: string): Json[] {
  const records: Json[] = []
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (cause) {
      throw new Error(`eval: ${name}:${i + 1}: invalid JSON`, { cause })
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`eval: ${name}:${i + 1}: expected an object`)
    records.push(value as Json)
  })
  return records
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value))

/** The text the harness makes every peer index: title and text on two lines, or the text alone. */
export function bodyOf(title: string, text: string): string {
  return title.trim() ? `${title.trim()}\n${text}` : text
}

/**
 * Corpus records → docs; an explicit `body` (the harness's prepared corpus) wins over title + text.
 * @example
 * toDocs([{ id: 's01', title: '세종대왕', text: '조선의 제4대 국왕.' }])[0].body // => '세종대왕\n조선의 제4대 국왕.'
 */
export function toDocs(records: readonly Json[]): EvalDoc[] {
  return records.map((r) => {
    const title = str(r.title)
    const text = str(r.text ?? r.body)
    return { id: str(r.id), title, text, body: typeof r.body === 'string' ? r.body : bodyOf(title, text), source: r.source ? str(r.source) : null }
  })
}

/** Query records → queries; `relevant` ids become strings. */
export function toQueries(records: readonly Json[]): EvalQuery[] {
  return records.map((r) => ({
    id: str(r.id),
    text: str(r.text),
    relevant: Array.isArray(r.relevant) ? r.relevant.map(str) : [],
    source: r.source ? str(r.source) : null,
  }))
}

/** Whitespace-normalised text, the harness's duplicate key: `흡연이  가능\n합니다` → `흡연이 가능 합니다`. */
export const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * Appends distractors the way the harness does: one whose id or whitespace-normalised text is
 * already in the corpus is dropped, so a distractor never duplicates a judged document.
 * @example
 * addDistractors([doc('p1', '서울은 맑다.')], [doc('kn-1', '서울은  맑다.'), doc('kn-2', '부산은 흐리다.')])
 * // => { docs: [p1, kn-2], added: 1, dropped: 1 }
 */
export function addDistractors(corpus: readonly EvalDoc[], distractors: readonly EvalDoc[]): { docs: EvalDoc[]; added: number; dropped: number } {
  const ids = new Set(corpus.map((d) => d.id))
  const texts = new Set(corpus.map((d) => normalizeSpace(d.text)))
  const docs = [...corpus]
  let dropped = 0
  for (const d of distractors) {
    const text = normalizeSpace(d.text)
    if (ids.has(d.id) || texts.has(text)) {
      dropped++
      continue
    }
    ids.add(d.id)
    texts.add(text)
    docs.push(d)
  }
  return { docs, added: docs.length - corpus.length, dropped }
}
