// CLI: npm run refresh-cookie-database [-- --ref <commit|branch>] — takes a newer copy of the Open Cookie
// Database into scripts/data/open-cookie-database/ (its CSV, its licence, and where it came from). The copy
// is checked before it replaces the pinned one: the same columns, every row whole.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { RunError, runCli } from './cli'
import {
  COOKIE_DATABASE_FILE,
  parseCookieDatabase,
  parseDatabaseRetention,
  type DatabaseEntry,
} from './scan/cookieDatabase'

const REPOSITORY = 'jkwakman/Open-Cookie-Database'

const usage = `Usage: npm run refresh-cookie-database [-- --ref <commit|branch>]

Downloads the Open Cookie Database (github.com/${REPOSITORY}, Apache-2.0) at a commit (default: the
newest of master), checks it, and replaces the pinned copy in scripts/data/open-cookie-database/.`

async function download(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
  if (!response.ok) throw new RunError(`${url}: HTTP ${response.status}`)
  return response.text()
}

/** The retention wordings no period could be read from, with how many entries use each. */
export function unparsedRetentions(entries: readonly DatabaseEntry[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const entry of entries)
    if (!parseDatabaseRetention(entry.retention))
      counts.set(entry.retention, (counts.get(entry.retention) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

/** The folder's README: where the copy came from, and what of it the scanner cannot read as a period. */
export function describeCopy(entries: readonly DatabaseEntry[], commit: string, date: string) {
  const unparsed = unparsedRetentions(entries)
  const missing = unparsed.reduce((sum, [, count]) => sum + count, 0)
  const share = (((entries.length - missing) / entries.length) * 100).toFixed(1)
  return `# The Open Cookie Database, pinned

A copy of [${REPOSITORY}](https://github.com/${REPOSITORY}) at commit \`${commit}\` (${date}),
under the Apache License 2.0 (\`LICENSE\`, the database's own). \`npm run scan-cookies\` suggests from it
what an undeclared cookie probably is; \`npm run refresh-cookie-database\` takes a newer copy.

${entries.length} entries; the retention of ${entries.length - missing} (${share}%) reads as a period. The
wordings that do not (they state no period, or several):

| retention as written | entries |
| --- | ---: |
${unparsed.map(([text, count]) => `| ${text.replaceAll('|', '\\|') || '(empty)'} | ${count} |`).join('\n')}
`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(usage, async () => {
    const { values } = parseArgs({ options: { ref: { type: 'string', default: 'master' } } })
    const commit = JSON.parse(
      await download(`https://api.github.com/repos/${REPOSITORY}/commits/${values.ref}`),
    ) as { sha: string; commit: { committer: { date: string } } }
    const raw = `https://raw.githubusercontent.com/${REPOSITORY}/${commit.sha}`
    const csv = await download(`${raw}/open-cookie-database.csv`)
    const entries = parseCookieDatabase(csv, `${REPOSITORY}@${commit.sha}`)
    const licence = await download(`${raw}/LICENSE`)
    if (!licence.includes('Apache License'))
      throw new RunError(`${REPOSITORY}@${commit.sha}: its licence is no longer Apache-2.0`)
    const folder = new URL('./', COOKIE_DATABASE_FILE)
    await writeFile(COOKIE_DATABASE_FILE, csv)
    await writeFile(new URL('LICENSE', folder), licence)
    await writeFile(
      new URL('README.md', folder),
      describeCopy(entries, commit.sha, commit.commit.committer.date.slice(0, 10)),
    )
    console.log(`${entries.length} entries from ${REPOSITORY}@${commit.sha.slice(0, 12)}`)
  })
}
