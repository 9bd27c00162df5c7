// Normalises the date spellings found in Korean news feeds to ISO `YYYY-MM-DD`.
// The calendar date is taken as written: no time-zone conversion (a KST evening stays that day).

/** Year, month, day, separated by - / . or 년 월 일, optionally followed by a time. */
const SEPARATED = /^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*(?:일|\.)?(?:$|[\sT(])/
/** 20150624 */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/

/**
 * ISO date for `value`, or null when it is not a real calendar date.
 *
 * @example
 * normaliseDate('2015년 6월 24일') // => '2015-06-24'
 * normaliseDate('2015. 6. 24. 오후 3:10') // => '2015-06-24'
 * normaliseDate('2015-02-30') // => null
 */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text)
  if (match === null) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
