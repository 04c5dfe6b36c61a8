// CLI: npm run monitor -- --config monitor.json — the scheduled check of what the sites do: it scans them
// (every phase), compares with the previous report (what is new, gone, kept longer, set earlier), writes the
// report beside the policy version in force, and exits 1 when the sites do more than they did.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { RunError, runCli, UsageError, userPath } from './cli'
import { bundledDataset } from './paths'
import { exitCode, type Phase, type ScanReport } from './scan/analyze'
import { loadCatalog } from './scan/catalog'
import { formatReport, runScan, summaryLine } from './scan/run'
import { toStudio } from './scan/toStudio'

const usage = `Usage: npm run monitor -- --config <monitor.json>

Scans the addresses of the configuration in every phase, compares with the previous report, writes the
report to <reports>/<policy>/v<version>/<time>.json, and prints what changed.

monitor.json:
  {
    "urls": ["https://www.example.com/", "https://www.example.com/pricing"],
    "catalog": "https://policy.example.com/api/cookie-catalog",   (or "dataset": "...ndjson", "policy": "cookies")
    "reports": "monitor-reports",                                 (a folder, relative to the file)
    "acceptSelector": "#accept", "rejectSelector": "#reject",     (another banner's buttons; optional)
    "timeout": 20,                                                (seconds per page; optional)
    "studio": false                                               (also write the report where editors see it)
  }

Exit code: 0 nothing new; 1 the sites do something they did not (a new cookie, key or third party, kept
longer, set earlier), or, on a first run, findings to fix; 2 the scan could not run.`

const configSchema = z
  .object({
    urls: z.array(z.url({ protocol: /^https?$/ })).min(1),
    catalog: z.url({ protocol: /^https?$/ }).optional(),
    dataset: z.string().optional(),
    policy: z.string().optional(),
    reports: z.string().min(1),
    acceptSelector: z.string().optional(),
    rejectSelector: z.string().optional(),
    timeout: z.number().positive().max(600).default(20),
    studio: z.boolean().default(false),
  })
  .strict()
  .refine((config) => !(config.catalog && config.dataset), 'give "catalog" or "dataset", not both')

/** What a scan saw, one line per thing: a cookie, a storage key, a third-party host. */
interface Seen {
  key: string
  what: string
  phases: Set<Phase>
  /** Seconds a cookie lives (-1: session); null for storage and hosts. */
  lifetime: number | null
}

const CONSENTED: ReadonlySet<Phase> = new Set(['accept'])
const earliest = (phases: Set<Phase>) =>
  [...phases].some((phase) => !CONSENTED.has(phase) && !phase.startsWith('only:'))

function inventory(report: ScanReport): Map<string, Seen> {
  const seen = new Map<string, Seen>()
  const add = (key: string, what: string, phase: Phase, lifetime: number | null) => {
    const entry = seen.get(key) ?? { key, what, phases: new Set(), lifetime }
    entry.phases.add(phase)
    if (lifetime !== null && (entry.lifetime === null || lifetime > entry.lifetime))
      entry.lifetime = lifetime
    seen.set(key, entry)
  }
  for (const cookie of report.cookies)
    add(
      `cookie|${cookie.name}|${cookie.domain.replace(/^\./, '')}`,
      `cookie ${cookie.name} (${cookie.domain.replace(/^\./, '')})`,
      cookie.phase,
      cookie.expires < 0 ? -1 : cookie.expires - cookie.seenAt,
    )
  for (const item of report.storage)
    add(
      `${item.kind}|${item.key}|${item.origin}`,
      `${item.kind} ${item.key} (${item.origin})`,
      item.phase,
      null,
    )
  for (const request of report.requests)
    add(`host|${request.host}`, `third party ${request.host}`, request.phase, null)
  return seen
}

const DAY = 86_400

/** What changed from one report to the next: each line a user can act on, regressions first. */
function compareReports(previous: ScanReport, current: ScanReport) {
  const before = inventory(previous)
  const now = inventory(current)
  const phases = (entry: Seen) => [...entry.phases].join(', ')
  const regressions: string[] = []
  const other: string[] = []
  for (const [key, entry] of now) {
    const old = before.get(key)
    if (!old) {
      regressions.push(`new: ${entry.what}, seen ${phases(entry)}`)
      continue
    }
    if (entry.lifetime !== null && old.lifetime !== null && entry.lifetime > old.lifetime + DAY)
      regressions.push(
        `longer: ${entry.what}, ${Math.round(old.lifetime / DAY)} → ${Math.round(entry.lifetime / DAY)} days`,
      )
    if (earliest(entry.phases) && !earliest(old.phases))
      regressions.push(`earlier: ${entry.what}, now seen ${phases(entry)} (before: ${phases(old)})`)
  }
  for (const [key, entry] of before) if (!now.has(key)) other.push(`gone: ${entry.what}`)
  return { regressions, other }
}

/** The newest report of the policy in the reports folder, whatever version it was written beside. */
async function previousReport(
  folder: string,
): Promise<{ file: string; report: ScanReport } | null> {
  let versions: string[]
  try {
    versions = await readdir(folder)
  } catch {
    return null
  }
  const files = (
    await Promise.all(
      versions
        .filter((name) => /^v\d+$/.test(name))
        .map(async (name) =>
          (await readdir(join(folder, name)))
            .filter((file) => file.endsWith('.json'))
            .map((file) => join(folder, name, file)),
        ),
    )
  ).flat()
  // Files are named by time: the newest sorts last, across versions.
  const newest = files.sort((a, b) => (a.split('/').at(-1)! < b.split('/').at(-1)! ? -1 : 1)).at(-1)
  if (!newest) return null
  try {
    return { file: newest, report: JSON.parse(await readFile(newest, 'utf8')) as ScanReport }
  } catch (error) {
    throw new RunError(`${newest}: not a scan report (${(error as Error).message})`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(usage, async () => {
    const { values } = parseArgs({
      options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
    if (values.help) {
      console.log(usage)
      return
    }
    if (!values.config) throw new UsageError('--config <monitor.json> is required')
    const file = userPath(values.config)
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw new UsageError(`${values.config}: ${(error as Error).message}`)
    }
    const parsed = configSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new UsageError(
        `${values.config}: ${issue.path.join('.') || 'the file'}: ${issue.message}`,
      )
    }
    const config = parsed.data
    const base = dirname(file)
    const dataset = config.dataset ? resolve(base, config.dataset) : bundledDataset
    const catalog = await loadCatalog(config.catalog, dataset, undefined, config.policy)
    console.error(`Checking against "${catalog.policy.title}", version ${catalog.policy.version}`)
    const report = await runScan(catalog, {
      urls: config.urls,
      acceptSelector: config.acceptSelector,
      rejectSelector: config.rejectSelector,
      timeoutMs: config.timeout * 1000,
      onProgress: (message) => console.error(`… ${message}`),
    })
    const folder = join(resolve(base, config.reports), catalog.policy.slug)
    const previous = await previousReport(folder)
    const target = join(
      folder,
      `v${catalog.policy.version}`,
      `${report.scannedAt.replace(/[:.]/g, '-')}.json`,
    )
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, `${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(formatReport(report))
    if (config.studio) console.error(await toStudio(report, dataset))
    console.error(summaryLine(report))
    console.error(`report written to ${target}`)
    if (report.errors.length) {
      process.exitCode = 2
      return
    }
    if (!previous) {
      console.log('No previous report: this one is the baseline.')
      process.exitCode = exitCode(report)
      return
    }
    const { regressions, other } = compareReports(previous.report, report)
    console.log(
      regressions.length || other.length
        ? `Since ${previous.report.scannedAt}:\n${[...regressions, ...other].map((line) => `  ${line}`).join('\n')}`
        : `No change since ${previous.report.scannedAt}.`,
    )
    process.exitCode = regressions.length ? 1 : 0
  })
}
