import { describe, expect, it } from 'vitest'
import { hangulReading, layoutEdits } from './keyboard-layout.ts'

describe('hangulReading', () => {
  it.each([
    ['qpffkfntm', false, '벨라루스'],
    ['dkwnrudwp', false, '아주경제'],
    ['QPFFKFNTM', false, '벨라루스'], // Caps Lock on
    ['2015sus6dnjf', false, '2015년6월'], // digits stay
    ['2013sus', false, null], // 2013년: one syllable is too little to go on
    ['qpffkff', true, '벨랄ㄹ'], // a half-typed last syllable while the word is open
    ['qpffkff', false, null],
    ['ICT', false, null], // ㅑㅊㅆ: no syllables
    ['covid', false, '채퍙'], // readable, so the vocabulary has to decide
    ['sk', false, null], // 나: one syllable is too little to go on
    ['hkd', false, null], // es-hangul cannot compose ㅗㅏㅇ
    ['벨라루스', false, null], // nothing to re-read
  ])('%s (open: %s) → %s', (chunk, open, reading) => {
    expect(hangulReading(chunk, open)).toBe(reading)
  })
})

describe('layoutEdits', () => {
  const DF: Record<string, number> = { 벨라루스: 16, ict: 7, 채퍙: 0, covid: 1 }
  const evidence = (text: string) => DF[text.toLowerCase()] ?? 0
  const chunks = (text: string) => [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const)
  const correct = (text: string) => {
    let out = text
    for (const e of layoutEdits(text, chunks(text), evidence).reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end)
    return out
  }

  it.each([
    ['qpffkfntm', '벨라루스'],
    ['qpffkfntm ICT', '벨라루스 ICT'],
    ['covid', 'covid'], // 채퍙 is unknown: real English stays
    ['ICT', 'ICT'],
  ])('%s → %s', (text, corrected) => {
    expect(correct(text)).toBe(corrected)
  })
})
