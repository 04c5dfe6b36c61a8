// Proof of consent as a visitor produces it: each choice made in the banner is recorded once by the site's
// ledger with the categories and the policy version shown; Global Privacy Control is honoured without asking.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import type { ConsentRecord } from '@cookie-policy/schemas/contracts'
import { consentCookie, expectNoAxeViolations, KLARO, openBanner, SEED } from './helpers'

async function consentId(page: Page): Promise<string> {
  const cookie = (await consentCookie(page)) as { consentId?: string } | null
  expect(cookie?.consentId).toMatch(/^[0-9a-f-]{36}$/)
  return cookie!.consentId!
}

/** The visitor's records as the ledger gives them, newest first, once `count` have arrived. */
async function recordsOf(
  request: APIRequestContext,
  id: string,
  count: number,
): Promise<ConsentRecord[]> {
  let records: ConsentRecord[] = []
  await expect
    .poll(async () => {
      const answer = await request.get(`${SEED}/api/consent/${id}`)
      records = answer.ok() ? (await answer.json()).records : []
      return records.length
    })
    .toBe(count)
  // Exactly `count`: none arrives late.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const again = await request.get(`${SEED}/api/consent/${id}`)
  expect((await again.json()).records).toHaveLength(count)
  return records
}

const shown = { policy: 'cookies', version: 1, consentRevision: 1, lang: 'fr', gpc: false }

test('"Tout accepter" records one accept-all choice on the version shown', async ({
  page,
  request,
}) => {
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  await banner.getByRole('button', { name: 'Tout accepter' }).click()
  const [record] = await recordsOf(request, await consentId(page), 1)
  expect(record).toMatchObject({
    ...shown,
    accepted: ['analytics', 'functionality', 'necessary'],
    rejected: [],
    action: 'accept-all',
    browser: 'Chrome',
  })
  expect(record!.banner).toMatch(/^[0-9a-f]{64}$/)
})

test('"Tout refuser" records one reject-all choice', async ({ page, request }) => {
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  await banner.getByRole('button', { name: 'Tout refuser' }).click()
  const records = await recordsOf(request, await consentId(page), 1)
  expect(records).toMatchObject([
    {
      ...shown,
      accepted: ['necessary'],
      rejected: ['analytics', 'functionality'],
      action: 'reject-all',
    },
  ])
})

test('a custom choice, then a withdrawal, are two records; the preferences show the consent ID', async ({
  page,
  request,
}) => {
  const banner = await openBanner(page, `${SEED}/en/cookies`)
  await banner.getByRole('button', { name: 'Manage preferences' }).click()
  const preferences = page.getByRole('dialog', { name: 'Cookie preferences' })
  await preferences.locator('input[value="analytics"]').check({ force: true })
  await preferences.getByRole('button', { name: 'Save my choices' }).click()
  await expect(preferences).toBeHidden()
  const id = await consentId(page)
  const [custom] = await recordsOf(request, id, 1)
  expect(custom).toMatchObject({
    ...shown,
    lang: 'en',
    accepted: ['analytics', 'necessary'],
    rejected: ['functionality'],
    action: 'custom',
  })

  // The visitor comes back and withdraws their consent.
  await page.goto(`${SEED}/en/cookies`)
  await page.getByRole('button', { name: 'Manage my cookie preferences' }).click()
  await expect(preferences).toBeVisible()
  await expect(preferences.locator('.cc-receipt')).toHaveText(
    new RegExp(`^Your consent ID: ${id}\\. Choice made on .+ 20\\d\\d.*, policy version 1\\.$`),
  )
  await preferences.getByRole('button', { name: 'Reject all' }).click()
  const records = await recordsOf(request, id, 2)
  expect(records.map((record) => [record.action, record.accepted, record.rejected])).toEqual([
    ['withdraw', ['necessary'], ['analytics', 'functionality']],
    ['custom', ['analytics', 'necessary'], ['functionality']],
  ])
})

test('a choice on another of the company’s sites arrives even when the tab closes right after', async ({
  page,
  context,
  request,
}) => {
  // Another origin: the JSON POST is preflighted, and the page is gone before the answer comes back.
  await page.goto(`${KLARO}/other-site`)
  await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  await page
    .getByRole('dialog', { name: 'Vos choix en matière de cookies' })
    .getByRole('button', { name: 'Tout refuser' })
    .click()
  await page.close()
  const cookie = (await context.cookies()).find((entry) => entry.name === 'cookie_validation')
  const id = JSON.parse(decodeURIComponent(cookie!.value)).consentId as string
  const records = await recordsOf(request, id, 1)
  expect(records).toMatchObject([{ ...shown, action: 'reject-all', accepted: ['necessary'] }])
})

test.describe('with Global Privacy Control', () => {
  test.use({ extraHTTPHeaders: { 'Sec-GPC': '1' } })

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    )
  })

  test('optional categories are refused without asking, recorded as gpc; a later choice wins', async ({
    page,
    request,
  }) => {
    await page.goto(`${SEED}/fr/cookies`)
    await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
    const notice = page.getByRole('status')
    await expect(notice).toHaveText(
      'Votre navigateur envoie le signal Global Privacy Control : nous n’utilisons que les cookies nécessaires. Choisir autrement×',
    )
    await expect(page.getByRole('dialog', { name: 'Vos choix en matière de cookies' })).toBeHidden()
    await expectNoAxeViolations(page)
    expect(await consentCookie(page)).toMatchObject({ categories: ['necessary'] })
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual([
      'cookie_validation',
    ])
    const id = await consentId(page)
    expect(await recordsOf(request, id, 1)).toMatchObject([
      {
        ...shown,
        gpc: true,
        action: 'gpc',
        accepted: ['necessary'],
        rejected: ['analytics', 'functionality'],
      },
    ])

    // The visitor chooses otherwise: their explicit choice wins over the signal.
    await notice.getByRole('button', { name: 'Choisir autrement' }).click()
    const preferences = page.getByRole('dialog', { name: 'Préférences en matière de cookies' })
    await preferences.getByRole('button', { name: 'Tout accepter' }).click()
    const records = await recordsOf(request, id, 2)
    expect(records[0]).toMatchObject({ action: 'accept-all', gpc: true, rejected: [] })
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
    await expect(page.getByRole('status')).toHaveCount(0)
    expect(await consentCookie(page)).toMatchObject({
      categories: ['necessary', 'analytics', 'functionality'],
    })
  })
})

test('an oversized body gets a 413 that names the limit, with CORS, and nothing stored', async ({
  request,
}) => {
  const answer = await request.post(`${SEED}/api/consent`, {
    headers: { 'Content-Type': 'application/json' },
    data: JSON.stringify({
      consentId: '6d3e8f3a-1b2c-4d5e-8f90-123456789abc',
      padding: 'x'.repeat(20_000),
    }),
  })
  expect(answer.status()).toBe(413)
  expect(answer.headers()['access-control-allow-origin']).toBe('*')
  expect(await answer.json()).toEqual({
    error: { code: 'body_too_large', message: 'The request body is larger than 8192 bytes.' },
  })
  expect(
    (await request.get(`${SEED}/api/consent/6d3e8f3a-1b2c-4d5e-8f90-123456789abc`)).status(),
  ).toBe(404)
})

test('/.well-known/gpc.json declares that the site honours Global Privacy Control', async ({
  request,
}) => {
  const answer = await request.get(`${SEED}/.well-known/gpc.json`)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toMatch(/^application\/json/)
  expect(await answer.json()).toEqual({ gpc: true, lastUpdate: '2026-11-30' })
})
