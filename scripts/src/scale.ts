// A policy of any size, in the bundled text's format, for the scale benchmark: the bundled French text with
// its cookie tables replaced by `cookies` generated rows spread over its categories, and version `version`
// changing the purpose of about 1% of the rows of the version before it.
import { readFileSync } from 'node:fs'
import { contentDir } from './paths'

const template = readFileSync(`${contentDir}cookies.fr.txt`, 'utf8').split('\n')

/** Which rows version `version` changes: about 1% of them, different ones each version. */
function changedIn(row: number, version: number, cookies: number): boolean {
  const step = Math.max(1, Math.round(cookies / Math.max(1, Math.round(cookies / 100))))
  return version > 1 && (row + version * 7) % step === 0
}

/** The last version (up to `version`) that changed this row: its purpose names it. */
function revisionOf(row: number, version: number, cookies: number): number {
  for (let v = version; v > 1; v--) if (changedIn(row, v, cookies)) return v
  return 1
}

/** The effective day of version `version`: one every 10 days from 1 January 2020. */
export function scaleEffectiveDay(version: number): string {
  return new Date(Date.UTC(2020, 0, 1 + (version - 1) * 10)).toISOString().slice(0, 10)
}

/** The text of version `version` of a generated policy of `cookies` cookies. */
export function scalePolicyText(cookies: number, version: number): string {
  // The template's tables: a header line with tabs, then rows until a blank line.
  const tables: { header: number; rows: string[] }[] = []
  for (let index = 0; index < template.length; index++) {
    if (!template[index]!.includes('\t')) continue
    const rows: string[] = []
    let next = index + 1
    while (next < template.length && template[next]!.includes('\t')) rows.push(template[next++]!)
    tables.push({ header: index, rows })
    index = next
  }
  const output: string[] = []
  let row = 0
  let cursor = 0
  tables.forEach((table, tableIndex) => {
    output.push(...template.slice(cursor, table.header + 1))
    const count =
      Math.floor(cookies / tables.length) + (tableIndex < cookies % tables.length ? 1 : 0)
    for (let i = 0; i < count; i++, row++) {
      const [, type, purpose, last] = table.rows[i % table.rows.length]!.split('\t')
      const revision = revisionOf(row, version, cookies)
      const changed = revision > 1 ? ` (révisé en version ${revision})` : ''
      output.push(`gen_${tableIndex + 1}_${i + 1}\t${type}\t${purpose}${changed}\t${last}`)
    }
    cursor = table.header + 1 + table.rows.length
  })
  output.push(...template.slice(cursor))
  return output.join('\n')
}
