// The cookie scanner against a fixture site on loopback, in Chromium: every finding kind, exactly.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../src/paths'
import type { ScanReport } from '../src/scan/analyze'
import { parseSetCookie } from '../src/scan/browser'
import { startScanSite } from './fixtures/scanSite'

let site: Awaited<ReturnType<typeof startScanSite>>
beforeAll(async () => {
  site = await startScanSite()
})
afterAll(() => site.close())

function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/scan-cookies.ts'), ...args],
      { timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

const pick = (findings: ScanReport['undeclared']) =>
  findings.map((finding) => [finding.name, finding.domain, finding.phase, finding.url]).sort()

describe('npm run scan-cookies', () => {
  it('finds what the site does that its policy does not say', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'scan-')), 'report.json')
    const result = await scan(
      `${site.origin}/`,
      '--catalog',
      `${site.origin}/catalog.json`,
      '--json',
      json,
      '--accept-selector',
      '#accept',
      '--reject-selector',
      '#reject',
    )
    expect(result.code).toBe(1)
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanReport
    const page = `${site.origin}/`
    const frame = `http://localhost:${site.port}/frame`
    expect(pick(report.undeclared)).toEqual([['tracker_js', '127.0.0.1', 'before', page]])
    expect(pick(report.setBeforeConsent)).toEqual(
      [
        ['_ga', '127.0.0.1', 'before', page],
        ['_ga', '127.0.0.1', 'reject', page],
        ['tp_id', 'localhost', 'before', frame],
        ['tp_id', 'localhost', 'reject', frame],
        ['tracker_js', '127.0.0.1', 'before', page],
        ['tracker_js', '127.0.0.1', 'reject', page],
      ].sort(),
    )
    expect(
      report.setBeforeConsent.find(
        (finding) => finding.name === '_ga' && finding.phase === 'before',
      )?.reason,
    ).toBe(
      'set before the visitor chose, but its category "Mesure d\'audience" needs consent: load it only after consent',
    )
    expect(
      report.longerThanDeclared.map((finding) => [finding.name, finding.declared, finding.reason]),
    ).toEqual([['_ga', '13 mois', 'declared 13 mois but kept 24 months (730 days)']])
    expect(report.notSeen.map((finding) => finding.name)).toEqual(['old_cookie'])
    expect(report.errors).toEqual([])
    const consent = report.cookies.find(
      (cookie) => cookie.name === 'consent' && cookie.phase === 'accept',
    )
    expect(consent).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: false })
    const session = report.cookies.find(
      (cookie) => cookie.name === 'session_id' && cookie.phase === 'before',
    )
    expect(session).toMatchObject({ expires: -1, httpOnly: true, url: page })
    expect(result.stdout).toContain('Undeclared cookies (1):')
    expect(result.stdout).toContain(
      'tracker_js  127.0.0.1  before  set by the site but declared nowhere in the policy',
    )
    expect(result.stderr).toMatch(
      /cookies seen on 1 page\(s\): 1 undeclared, 6 set before consent, 1 kept too long, 1 never seen$/m,
    )
  }, 120_000)

  it('exits 0 on a page that sets only what is declared as necessary', async () => {
    const result = await scan(`${site.origin}/clean`, '--catalog', `${site.origin}/catalog.json`)
    expect(result.stderr).toContain('0 undeclared, 0 set before consent')
    expect(result.code).toBe(0)
  }, 120_000)

  it('checks against any policy of a dataset, an English-only one included', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'scan-')), 'report.json')
    const dataset = join(repoRoot, 'web/e2e/fixtures/two-policies.ndjson')
    const result = await scan(
      `${site.origin}/clean`,
      '--dataset',
      dataset,
      '--policy',
      'uk-cookies',
      '--json',
      json,
    )
    expect(result.stderr).toContain('Checking against "Acme Ltd Cookie Policy", version 1')
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanReport
    expect(report.policy).toEqual({ slug: 'uk-cookies', version: 1, lang: 'en' })
    expect(pick(report.undeclared)).toEqual([
      ['session_id', '127.0.0.1', 'before', `${site.origin}/clean`],
    ])
    expect(result.code).toBe(1)
  }, 120_000)

  it('exits 2 with a clear message when it cannot run', async () => {
    const closed = await closedPort()
    const unreachable = await scan(
      `http://127.0.0.1:${closed}/`,
      '--catalog',
      `${site.origin}/catalog.json`,
      '--timeout',
      '5',
    )
    expect(unreachable.code).toBe(2)
    expect(unreachable.stdout).toContain('Pages that could not be scanned (3):')
    expect(unreachable.stdout).toContain(
      `before  http://127.0.0.1:${closed}/: page.goto: net::ERR_CONNECTION_REFUSED`,
    )
    const badArgument = await scan('not-a-url')
    expect(badArgument.code).toBe(2)
    expect(badArgument.stderr).toContain('error: "not-a-url" is not an http(s) address')
    const badCatalog = await scan(`${site.origin}/clean`, '--catalog', `${site.origin}/nope.json`)
    expect(badCatalog.code).toBe(2)
    expect(badCatalog.stderr).toContain(`error: --catalog ${site.origin}/nope.json: HTTP 404`)
    expect(badCatalog.stderr).not.toContain('    at ')
  }, 120_000)
})

describe('reading Set-Cookie', () => {
  it('takes the domain, path, lifetime and flags', () => {
    expect(
      parseSetCookie(
        'a=1; Domain=example.com; Path=/x; Max-Age=60; Secure; HttpOnly; SameSite=none',
        'https://www.example.com/p',
        1000,
      ),
    ).toEqual({
      name: 'a',
      domain: '.example.com',
      path: '/x',
      expires: 1060,
      httpOnly: true,
      secure: true,
      sameSite: 'None',
      url: 'https://www.example.com/p',
    })
    expect(parseSetCookie('b=2', 'http://127.0.0.1:3000/', 1000)).toMatchObject({
      domain: '127.0.0.1',
      path: '/',
      expires: -1,
    })
    expect(parseSetCookie('=broken', 'http://127.0.0.1/', 0)).toBeNull()
  })
})
