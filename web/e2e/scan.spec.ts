// This project's own site, scanned with the seed catalog by the cookie scanner in every phase: it must be
// clean.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { SEED } from './helpers'

const root = fileURLToPath(new URL('../../', import.meta.url))

test('the site sets nothing before consent and nothing its policy does not declare', async () => {
  test.setTimeout(120_000)
  const json = join(mkdtempSync(join(tmpdir(), 'scan-')), 'report.json')
  const code = await new Promise<number>((resolve) =>
    execFile(
      `${root}node_modules/.bin/tsx`,
      [
        `${root}scripts/src/scan-cookies.ts`,
        `${SEED}/fr/cookies`,
        `${SEED}/en/cookies/versions`,
        '--catalog',
        `${SEED}/api/cookie-catalog`,
        '--json',
        json,
      ],
      (error) => resolve(error ? ((error as { code?: number }).code ?? 1) : 0),
    ),
  )
  const report = JSON.parse(readFileSync(json, 'utf8'))
  // Every phase ran, this project's banner being recognised: each category alone and a withdrawal too.
  expect(report.phases).toEqual([
    'before',
    'reject',
    'accept',
    'only:analytics',
    'only:functionality',
    'withdraw',
    'gpc',
  ])
  for (const list of [
    'undeclared',
    'setBeforeConsent',
    'storageBeforeConsent',
    'requestsBeforeConsent',
    'gpcIgnored',
    'keptAfterWithdrawal',
    'outsideChosenCategory',
    'longerThanDeclared',
    'blocked',
    'errors',
  ])
    expect([list, report[list]]).toEqual([list, []])
  expect(report.verdict).toEqual({
    rejectHonoured: true,
    gpcHonoured: true,
    withdrawalHonoured: true,
    nothingUndeclared: true,
  })
  // The only cookie is the choice itself, written once a choice is made: by the visitor, or for them
  // when the browser sends Global Privacy Control (a refusal).
  expect(
    report.cookies
      .map((cookie: { name: string; phase: string }) => `${cookie.phase}:${cookie.name}`)
      .sort(),
  ).toEqual([
    'accept:cookie_validation',
    'gpc:cookie_validation',
    'only:analytics:cookie_validation',
    'only:functionality:cookie_validation',
    'reject:cookie_validation',
    'withdraw:cookie_validation',
  ])
  expect(code).toBe(0)
})
