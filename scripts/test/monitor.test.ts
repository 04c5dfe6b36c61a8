// npm run monitor against the fixture site: the first run is the baseline, a second with nothing changed
// exits 0, and one planted change is reported exactly, and exits 1. The report is written beside the version.
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { repoRoot } from '../src/paths'
import { startScanSite } from './fixtures/scanSite'

let site: Awaited<ReturnType<typeof startScanSite>>
let dir: string
beforeAll(async () => {
  site = await startScanSite()
  dir = mkdtempSync(join(tmpdir(), 'monitor-'))
  writeFileSync(
    join(dir, 'monitor.json'),
    JSON.stringify({
      urls: [`${site.origin}/`],
      catalog: `${site.origin}/catalog.json`,
      reports: 'reports',
      acceptSelector: '#accept',
      rejectSelector: '#reject',
      timeout: 10,
    }),
  )
})
afterAll(() => site.close())

function monitor(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/monitor.ts'), '--config', join(dir, 'monitor.json')],
      { timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

it('reports exactly what changed between two runs, and exits 1 only on a regression', async () => {
  const baseline = await monitor()
  expect(baseline.stdout).toContain('No previous report: this one is the baseline.')
  // The fixture has findings from the start: a first run says so, as a scan would.
  expect(baseline.code).toBe(1)

  const same = await monitor()
  expect(same.stdout).toMatch(/No change since \d{4}-\d{2}-\d{2}T/)
  expect(same.code).toBe(0)

  site.plant()
  const planted = await monitor()
  expect(planted.stdout).toMatch(
    /Since [^\n]+:\n {2}new: cookie _fbp \(127\.0\.0\.1\), seen before, reject, accept, gpc\n$/,
  )
  expect(planted.code).toBe(1)

  // Each report beside the version it was checked against.
  const reports = readdirSync(join(dir, 'reports', 'cookies', 'v1'))
  expect(reports).toHaveLength(3)
  expect(reports.every((name) => name.endsWith('.json'))).toBe(true)
}, 300_000)

it('refuses a configuration it cannot use, by name and field', async () => {
  writeFileSync(join(dir, 'broken.json'), JSON.stringify({ urls: ['ftp://x'], reports: 'r' }))
  const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/monitor.ts'), '--config', join(dir, 'broken.json')],
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
    ),
  )
  expect(result.code).toBe(2)
  expect(result.stderr).toContain(`${join(dir, 'broken.json')}: urls.0:`)
})
