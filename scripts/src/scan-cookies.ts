// CLI: npm run scan-cookies -- <url> [<url>...] [--catalog <catalog-json-url> | --dataset <file.ndjson>]
//      [--policy <slug>] [--json <report.json>] [--accept-selector <css>] [--reject-selector <css>]
//      [--lang <code>] [--timeout <seconds>]
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { catalogSchema, readCatalogInForce, type Catalog } from '@cookie-policy/schemas/contracts'
import { createGroqRunner } from '@cookie-policy/schemas/dataset'
import { isLang, LANGUAGES, type Lang } from '@cookie-policy/schemas/model'
import { RunError, runCli, UsageError, userPath } from './cli'
import { readDatasetFile } from './datasetFile'
import { bundledDataset } from './paths'
import { analyze, exitCode, type Finding, type ScanReport } from './scan/analyze'
import { scanSite } from './scan/browser'

const usage = `Usage: npm run scan-cookies -- <url> [<url>...] [options]

Loads each address in Chromium three times (before any choice, after "reject all", after "accept all"),
collects every cookie, and checks them against the policy's catalog.

Options:
  --catalog <url>          the catalog to check against (GET /api/cookie-catalog of the policy site)
  --dataset <file>         or a dataset file (default: the bundled dataset)
  --policy <slug>          with --dataset, the policy to check against (default: the default policy)
  --json <file>            write the full report as JSON
  --accept-selector <css>  the "accept all" button of another banner (default: this project's banner)
  --reject-selector <css>  the "reject all" button of another banner
  --lang <code>            the language of the report's category titles (default: the policy's binding language)
  --timeout <seconds>      per page (default: 20)

Exit code: 0 nothing undeclared and nothing set before consent; 1 findings to fix; 2 the scan could not run.`

async function loadCatalog(
  catalogUrl: string | undefined,
  datasetFile: string,
  lang: Lang | undefined,
  slug: string | undefined,
): Promise<Catalog> {
  if (catalogUrl) {
    let url: URL
    try {
      url = new URL(catalogUrl)
    } catch {
      throw new UsageError(`--catalog "${catalogUrl}" is not an address`)
    }
    let response: Response
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(15_000) })
    } catch (error) {
      throw new RunError(`--catalog ${catalogUrl}: cannot be fetched (${(error as Error).message})`)
    }
    if (!response.ok) throw new RunError(`--catalog ${catalogUrl}: HTTP ${response.status}`)
    const parsed = catalogSchema.safeParse(await response.json().catch(() => null))
    if (!parsed.success)
      throw new RunError(
        `--catalog ${catalogUrl}: not a cookie catalog (${parsed.error.issues[0]?.message ?? 'invalid'})`,
      )
    return parsed.data
  }
  const catalog = await readCatalogInForce(createGroqRunner(await readDatasetFile(datasetFile)), {
    lang,
    slug,
  })
  if (!catalog)
    throw new RunError(
      `--dataset ${datasetFile}: no ${slug ? `"${slug}" ` : ''}policy version in force`,
    )
  return catalog
}

function table(title: string, findings: Finding[]): string {
  if (!findings.length) return `${title}: none\n`
  const rows = findings.map((finding) => [
    finding.name,
    finding.domain,
    finding.phase ?? '',
    finding.reason,
  ])
  const widths = [0, 1, 2].map((column) =>
    Math.max(
      ...rows.map((row) => row[column]!.length),
      ['cookie', 'domain', 'phase'][column]!.length,
    ),
  )
  const line = (row: string[]) =>
    row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')
  return `${title} (${findings.length}):\n  ${line(['cookie', 'domain', 'phase', 'what to fix'])}\n${rows.map((row) => `  ${line(row)}`).join('\n')}\n`
}

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      catalog: { type: 'string' },
      dataset: { type: 'string' },
      policy: { type: 'string' },
      json: { type: 'string' },
      'accept-selector': { type: 'string' },
      'reject-selector': { type: 'string' },
      lang: { type: 'string' },
      timeout: { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  if (!positionals.length) throw new UsageError('give at least one address to scan')
  for (const url of positionals) {
    if (!/^https?:\/\//.test(url) || !URL.canParse(url))
      throw new UsageError(`"${url}" is not an http(s) address`)
  }
  if (values.catalog && values.dataset)
    throw new UsageError('give --catalog or --dataset, not both')
  if (values.catalog && values.policy)
    throw new UsageError('--policy goes with --dataset: a catalog address names its policy itself')
  const lang = values.lang
  if (lang !== undefined && !isLang(lang))
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${lang}"`)
  const timeout = Number(values.timeout)
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600)
    throw new UsageError('--timeout is a number of seconds, from 1 to 600')

  const catalog = await loadCatalog(
    values.catalog,
    values.dataset ? userPath(values.dataset) : bundledDataset,
    lang,
    values.policy,
  )
  console.error(`Checking against "${catalog.policy.title}", version ${catalog.policy.version}`)
  const { cookies, errors } = await scanSite({
    urls: positionals,
    acceptSelector: values['accept-selector'],
    rejectSelector: values['reject-selector'],
    timeoutMs: timeout * 1000,
    onProgress: (message) => console.error(`… ${message}`),
  })
  const report: ScanReport = analyze(catalog, cookies, positionals, errors)
  process.stdout.write(
    [
      table('Undeclared cookies', report.undeclared),
      table('Set before consent (or after refusal)', report.setBeforeConsent),
      table('Kept longer than declared', report.longerThanDeclared),
      table('Declared but never seen (advice)', report.notSeen),
      ...(report.errors.length
        ? [
            `Pages that could not be scanned (${report.errors.length}):\n${report.errors.map((error) => `  ${error.phase}  ${error.url}: ${error.reason}`).join('\n')}\n`,
          ]
        : []),
    ].join('\n'),
  )
  if (values.json) await writeFile(userPath(values.json), `${JSON.stringify(report, null, 2)}\n`)
  const code = exitCode(report)
  console.error(
    `${cookies.length} cookies seen on ${positionals.length} page(s): ${report.undeclared.length} undeclared, ${report.setBeforeConsent.length} set before consent, ${report.longerThanDeclared.length} kept too long, ${report.notSeen.length} never seen${report.errors.length ? `, ${report.errors.length} page load(s) failed` : ''}`,
  )
  process.exitCode = code
})
