// dicrc: the dictionary's `key = value` settings; we use mecab-ko's left-space penalty from it.
// No fs, no node:* imports.

/**
 * Parses `key = value` lines; `;` and `#` start comment lines.
 * @example
 * parseDicrc('cost-factor = 800\n; comment').get('cost-factor') // => '800'
 */
export function parseDicrc(text: string): Map<string, string> {
  const settings = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    settings.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim())
  }
  return settings
}

/**
 * mecab-ko's `left-space-penalty-factor` (`posid,cost,posid,cost,…`) as a cost per posid. A morpheme
 * with one of these posids that follows whitespace costs that much more, so particles (120 → +6000),
 * endings and suffixes rarely start an eojeol: `지명수배 되었다` → 되/XSV (185) costs +3000 after the
 * space and 되/VV wins. The first pair for a posid wins, as in mecab-ko's connector.
 * @example
 * leftSpacePenalties('120,6000,100,3000')[120] // => 6000
 */
export function leftSpacePenalties(value: string | undefined): Int32Array {
  const byPosid = new Int32Array(0x10000)
  const seen = new Uint8Array(0x10000)
  const fields = (value ?? '').split(',').map((f) => f.trim())
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const posid = Number(fields[i])
    const cost = Number(fields[i + 1])
    if (!Number.isInteger(posid) || posid < 0 || posid > 0xffff || !Number.isInteger(cost) || seen[posid]) continue
    seen[posid] = 1
    byPosid[posid] = cost
  }
  return byPosid
}
