// The cookie scanner against a fixture site on loopback, in Chromium: every finding kind, exactly.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNdjsonFile } from '@cookie-policy/schemas/dataset'
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
    expect(report.phases).toEqual(['before', 'reject', 'accept', 'gpc'])
    // A cookie set by script, a Hotjar id kept in localStorage, a cookie set only for GPC browsers.
    expect(pick(report.undeclared)).toEqual([
      ['_hjid', '127.0.0.1', 'before', page],
      ['gpc_ignored', '127.0.0.1', 'gpc', page],
      ['tracker_js', '127.0.0.1', 'before', page],
    ])
    // What the Open Cookie Database knows comes with it; what it does not, does not.
    const hotjar = report.undeclared.find((finding) => finding.name === '_hjid')!
    expect([hotjar.kind, hotjar.suggestion]).toMatchObject([
      'localStorage',
      {
        match: 'name',
        platform: 'Hotjar',
        category: 'analytics',
        provider: 'Hotjar',
        retention: { kind: 'duration', amount: 365, unit: 'day' },
      },
    ])
    expect(report.undeclared.find((finding) => finding.name === 'tracker_js')).not.toHaveProperty(
      'suggestion',
    )
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
    expect(pick(report.storageBeforeConsent)).toEqual([
      ['_hjid', '127.0.0.1', 'before', page],
      ['_hjid', '127.0.0.1', 'reject', page],
    ])
    // The frame is on another host from the start; the pixel is requested only once "reject all" is clicked.
    expect(pick(report.requestsBeforeConsent)).toEqual([
      ['localhost', 'localhost', 'before', page],
      ['localhost', 'localhost', 'gpc', page],
      ['localhost', 'localhost', 'reject', page],
      ['pixel.localhost', 'pixel.localhost', 'reject', page],
    ])
    expect(report.gpcIgnored.map((finding) => finding.name).sort()).toEqual([
      '_ga',
      '_hjid',
      'gpc_ignored',
      'tp_id',
      'tracker_js',
    ])
    expect(report.verdict).toEqual({
      rejectHonoured: false,
      gpcHonoured: false,
      // Another banner's buttons: no withdrawal to try.
      withdrawalHonoured: null,
      nothingUndeclared: false,
    })
    expect(
      report.longerThanDeclared.map((finding) => [finding.name, finding.declared, finding.reason]),
    ).toEqual([['_ga', '13 mois', 'declared 13 mois but kept 24 months (730 days)']])
    expect(report.notSeen.map((finding) => finding.name)).toEqual(['old_cookie'])
    expect([report.errors, report.blocked]).toEqual([[], []])
    const consent = report.cookies.find(
      (cookie) => cookie.name === 'consent' && cookie.phase === 'accept',
    )
    expect(consent).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: false })
    const session = report.cookies.find(
      (cookie) => cookie.name === 'session_id' && cookie.phase === 'before',
    )
    expect(session).toMatchObject({ expires: -1, httpOnly: true, url: page })
    expect(result.stdout).toContain('Undeclared cookies and storage (3):')
    expect(result.stdout).toContain(
      'tracker_js            127.0.0.1  before  set by the site but declared nowhere in the policy',
    )
    expect(result.stdout).toContain(
      'suggested (Open Cookie Database, by name): Hotjar · analytics · 365 days · Hotjar',
    )
    expect(result.stdout).toContain('✗ reject honoured\n✗ GPC honoured\n✗ nothing undeclared\n')
    expect(result.stderr).toMatch(
      /: 3 undeclared, 6 set before consent, 1 kept too long, 1 never seen$/m,
    )
  }, 120_000)

  it('blocks and reports a scanned page that reaches another service of the machine', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'scan-')), 'report.json')
    const result = await scan(
      `${site.origin}/redirect`,
      '--catalog',
      `${site.origin}/catalog.json`,
      '--json',
      json,
      '--timeout',
      '5',
    )
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanReport
    expect(report.blocked[0]).toEqual({
      url: site.elsewhere,
      phase: 'before',
      page: `${site.origin}/redirect`,
      reason: `${new URL(site.elsewhere).host} is a loopback, link-local or private address: a scanned page may not reach the scanner's network`,
    })
    expect(result.stdout).toContain('Blocked requests to private addresses')
    // Running as root (as here), Chromium cannot keep its sandbox: the scanner says so.
    expect(report.sandbox).toBe(process.getuid?.() !== 0)
    if (!report.sandbox) expect(result.stderr).toContain("Chromium's sandbox is off")
    expect(result.code).not.toBe(0)
  }, 120_000)

  it('--to-studio writes the report and a draft per undeclared cookie where the Studio reads them', async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'scan-')), 'dataset.ndjson')
    copyFileSync(join(repoRoot, 'content/dataset.ndjson'), dataset)
    const args = [
      `${site.origin}/`,
      '--dataset',
      dataset,
      '--accept-selector',
      '#accept',
      '--reject-selector',
      '#reject',
      '--to-studio',
    ]
    const result = await scan(...args)
    expect(result.stderr).toMatch(
      /: scan report scanReport-cookies-\d{14} written, with 7 draft cookie\(s\) to review in the Studio \(Scan findings\) and 3 new provider\(s\)/,
    )
    const documents = await readNdjsonFile(dataset)
    // Every cookie and key the seed policy does not declare, once each.
    expect(
      documents
        .filter((document) => document._id.startsWith('drafts.'))
        .map((document) => document.name)
        .sort(),
    ).toEqual(['_ga', '_hjid', 'consent', 'gpc_ignored', 'session_id', 'tp_id', 'tracker_js'])
    const [report] = documents.filter((document) => document._type === 'scanReport')
    expect(report).toMatchObject({
      policy: { _ref: 'policy-cookies' },
      version: 1,
      urls: [`${site.origin}/`],
      rejectHonoured: false,
      gpcHonoured: false,
      nothingUndeclared: false,
    })
    const hotjar = documents.find((document) => document._id === 'drafts.cookie-cookies-scan-hjid')
    expect(hotjar).toEqual({
      _id: 'drafts.cookie-cookies-scan-hjid',
      _type: 'cookie',
      _createdAt: report!.scannedAt,
      _updatedAt: report!.scannedAt,
      name: '_hjid',
      names: ['_hjid'],
      category: { _type: 'reference', _ref: 'cookieCategory-cookies-analytics' },
      provider: { _type: 'reference', _ref: 'provider-hotjar' },
      purpose: { _type: 'localeText', en: expect.stringContaining('Hotjar cookie.') },
      retention: { _type: 'retention', kind: 'duration', amount: 365, unit: 'day' },
      moreInfoUrl: 'https://www.hotjar.com/legal/policies/privacy/',
      order: expect.any(Number),
      scan: {
        report: { _type: 'reference', _ref: report!._id, _weak: true },
        seenOn: `${site.origin}/`,
        phase: 'before',
        suggestedBy: 'Open Cookie Database (Hotjar, by name; its category: Analytics)',
      },
    })
    expect(documents.find((document) => document._id === 'provider-hotjar')).toMatchObject({
      _id: 'provider-hotjar',
      _type: 'provider',
      name: 'Hotjar',
    })
    // Unknown to the database: drafted from what the browser was told (max-age=3600).
    expect(
      documents.find((document) => document._id === 'drafts.cookie-cookies-scan-tracker-js'),
    ).toMatchObject({
      name: 'tracker_js',
      retention: { kind: 'duration', amount: 1, unit: 'day' },
      scan: { suggestedBy: 'nothing known: filled from what the browser was told' },
    })
    // Nothing published changed: visitors see nothing until an editor publishes.
    const published = (list: typeof documents) =>
      list.filter((document) => !document._id.startsWith('drafts.') && document._type === 'cookie')
    expect(published(documents)).toEqual(
      published(await readNdjsonFile(join(repoRoot, 'content/dataset.ndjson'))),
    )
    // A second scan adds a report, never a second draft of the same cookie.
    const drafts = documents.filter((document) => document._id.startsWith('drafts.')).length
    await scan(...args)
    const again = await readNdjsonFile(dataset)
    expect(again.filter((document) => document._id.startsWith('drafts.'))).toHaveLength(drafts)
    expect(again.filter((document) => document._type === 'scanReport')).toHaveLength(2)
  }, 120_000)

  it('exits 0 on a page that sets only what is declared as necessary', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'scan-')), 'report.json')
    const result = await scan(
      `${site.origin}/clean`,
      '--catalog',
      `${site.origin}/catalog.json`,
      '--json',
      json,
    )
    expect(result.stderr).toContain('0 undeclared, 0 set before consent')
    expect(result.code).toBe(0)
    // No banner API on the page: the phases that need one (each category alone, a withdrawal) are skipped.
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanReport
    expect([report.phases, report.verdict.withdrawalHonoured]).toEqual([
      ['before', 'reject', 'accept', 'gpc'],
      null,
    ])
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
    expect(unreachable.stdout).toContain('Pages that could not be scanned (4):')
    expect(unreachable.stdout).toContain(
      `before  http://127.0.0.1:${closed}/: cannot be reached: connect ECONNREFUSED 127.0.0.1:${closed}`,
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
