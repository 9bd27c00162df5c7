// Reads the Korean news byline that opens a plain-text article:
// `아주경제 김봉철 기자 = 본문…` or the wire form `(서울=연합뉴스) 홍길동 기자 = 본문…`.

export interface Byline {
  outlet: string | null
  /** Reporter names joined by `·`, e.g. `홍길동·김철수`. */
  byline: string | null
  /** The rest of the line after the byline: the lead paragraph. */
  lead: string
}

/** Reporter names: 2–4 Hangul syllables each, joined by ·, ㆍ or a comma (홍길동·김철수). */
const NAMES = '[가-힣]{2,4}(?:\\s*[·ㆍ,]\\s*[가-힣]{2,4})*'
/** 기자 = reporter, 특파원 = correspondent; `기자=` without spaces is common too. */
const ROLE = '(?:기자|특파원)\\s*='
/** 아주경제 김봉철 기자 = … */
const OUTLET_FIRST = new RegExp(`^(\\S{1,30})\\s+(${NAMES})\\s*${ROLE}\\s*(.*)$`, 'u')
/** (서울=연합뉴스) 홍길동 기자 = … / (서울=연합뉴스) … */
const WIRE = new RegExp(`^\\([^=()]{1,20}=([^=()]{1,30})\\)\\s*(?:(${NAMES})\\s*${ROLE})?\\s*(.*)$`, 'u')

/**
 * Splits the first line of a plain-text article into outlet, reporter(s) and lead.
 *
 * @example
 * parseByline('아주경제 김봉철 기자 = 최양희 장관이 벨라루스를 선택했다.')
 * // => { outlet: '아주경제', byline: '김봉철', lead: '최양희 장관이 벨라루스를 선택했다.' }
 * parseByline('최양희 장관이 벨라루스를 선택했다.')
 * // => { outlet: null, byline: null, lead: '최양희 장관이 벨라루스를 선택했다.' }
 */
export function parseByline(line: string): Byline {
  const text = line.trim()
  const match = WIRE.exec(text) ?? OUTLET_FIRST.exec(text)
  if (match === null) return { outlet: null, byline: null, lead: text }
  return { outlet: match[1]!.trim(), byline: joinNames(match[2]), lead: (match[3] ?? '').trim() }
}

/** `홍길동 ㆍ 김철수` → `홍길동·김철수` */
function joinNames(names: string | undefined): string | null {
  if (names === undefined) return null
  return names.split(/\s*[·ㆍ,]\s*/).join('·')
}
