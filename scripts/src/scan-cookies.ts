// CLI: npm run scan-cookies -- <url> [<url>...] [--catalog <catalog-json-url> | --dataset <file.ndjson>]
//      [--policy <slug>] [--json <report.json>] [--accept-selector <css>] [--reject-selector <css>]
//      [--lang <code>] [--timeout <seconds>] [--to-studio]
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { isLang, LANGUAGES } from '@cookie-policy/schemas/model'
import { runCli, UsageError, userPath } from './cli'
import { bundledDataset } from './paths'
import { loadCatalog } from './scan/catalog'
import { exitCode } from './scan/analyze'
import { formatReport, runScan, summaryLine } from './scan/run'
import { toStudio } from './scan/toStudio'

const usage = `Usage: npm run scan-cookies -- <url> [<url>...] [options]

Loads each address in Chromium in fresh profiles: before any choice, after "reject all", after "accept
all", each category accepted alone and after a withdrawal (with this project's banner), and in a browser
that sends Global Privacy Control. Collects every cookie, localStorage, sessionStorage and IndexedDB key
and request to another host, and checks them against the policy's catalog. Undeclared cookies come with
what the Open Cookie Database suggests they are. Requests to loopback, link-local and private addresses
are blocked (except to the scanned site itself, on its own port).

Options:
  --catalog <url>          the catalog to check against (GET /api/cookie-catalog of the policy site)
  --dataset <file>         or a dataset file (default: the bundled dataset)
  --policy <slug>          with --dataset, the policy to check against (default: the default policy)
  --json <file>            write the full report as JSON
  --accept-selector <css>  the "accept all" button of another banner (default: this project's banner)
  --reject-selector <css>  the "reject all" button of another banner
  --lang <code>            the language of the report's category titles (default: the policy's binding language)
  --timeout <seconds>      per page (default: 20)
  --to-studio              write the report and, for each undeclared cookie, a draft filled from its
                           suggestion, where editors find them ("Scan findings" in the Studio): the
                           dataset file (--dataset, default the bundled one), or with SANITY_PROJECT_ID,
                           SANITY_DATASET and SANITY_AUTH_TOKEN (write access) the project's dataset

Exit code: 0 nothing to fix; 1 findings to fix; 2 the scan could not run.`

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
      'to-studio': { type: 'boolean', default: false },
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
  const report = await runScan(catalog, {
    urls: positionals,
    acceptSelector: values['accept-selector'],
    rejectSelector: values['reject-selector'],
    timeoutMs: timeout * 1000,
    onProgress: (message) => console.error(`… ${message}`),
  })
  process.stdout.write(formatReport(report))
  if (values.json) await writeFile(userPath(values.json), `${JSON.stringify(report, null, 2)}\n`)
  if (values['to-studio'])
    console.error(
      await toStudio(report, values.dataset ? userPath(values.dataset) : bundledDataset),
    )
  console.error(summaryLine(report))
  process.exitCode = exitCode(report)
})
