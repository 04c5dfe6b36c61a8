// The consent banner as visitors meet it: fed at runtime by the catalog, refusing as easy as accepting,
// the choice kept with the consent revision, Consent Mode signals, and Klaro fed by the same catalog.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import {
  consentCommands,
  consentCookie,
  expectNoAxeViolations,
  KLARO,
  MUTABLE,
  openBanner,
  SEED,
} from './helpers'

const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'denied',
}

test('the banner shows the catalog: categories and their cookie tables', async ({ page }) => {
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  await banner.getByRole('button', { name: 'Personnaliser' }).click()
  const preferences = page.getByRole('dialog', { name: 'Préférences en matière de cookies' })
  await expect(preferences).toBeVisible()
  await expect(preferences.locator('.pm__section-title')).toHaveText([
    'Utilisation des cookies',
    'Les cookies internes nécessaires au fonctionnement du Site',
    "Les cookies d'analyse et de statistiques d'audience",
    "Les cookies tiers destinés à améliorer l'interactivité du Site",
    'En savoir plus',
  ])
  await preferences
    .getByRole('button', { name: "Les cookies d'analyse et de statistiques d'audience" })
    .click()
  const table = preferences.locator('table').filter({ hasText: 'im_mkt_tracking' })
  await expect(table.locator('tbody tr')).toHaveCount(7)
  await expect(table.locator('tbody tr').first()).toContainText(
    'Mémoriser les pages consultées sur le site marketing inmemori.com',
  )
  await expect(table.locator('tbody tr').first()).toContainText('1 jour')
})

test('"Tout refuser" is exactly as prominent as "Tout accepter"', async ({ page }) => {
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  const style = (name: string) =>
    banner.getByRole('button', { name, exact: true }).evaluate((button) => {
      const computed = getComputedStyle(button)
      const box = button.getBoundingClientRect()
      return [
        computed.backgroundColor,
        computed.color,
        computed.fontSize,
        computed.fontWeight,
        Math.round(box.width),
        Math.round(box.height),
      ]
    })
  expect(await style('Tout refuser')).toEqual(await style('Tout accepter'))
})

test('accepting everything keeps the choice 6 months with the revision and grants the signals', async ({
  page,
}) => {
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  expect(await consentCommands(page)).toEqual([
    ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
  ])
  await banner.getByRole('button', { name: 'Tout accepter' }).click()
  await expect(banner).toBeHidden()
  expect(await consentCookie(page)).toMatchObject({
    categories: ['necessary', 'analytics', 'functionality'],
    revision: 1,
  })
  const cookie = (await page.context().cookies()).find(
    (entry) => entry.name === 'cookie_validation',
  )!
  const days = (cookie.expires * 1000 - Date.now()) / 86_400_000
  expect(Math.round(days)).toBe(182)
  const commands = await consentCommands(page)
  expect(commands.at(-1)).toEqual([
    'consent',
    'update',
    Object.fromEntries(Object.keys(ALL_DENIED).map((signal) => [signal, 'granted'])),
  ])
  // The site sets no cookie its policy does not declare.
  expect((await page.context().cookies()).map((entry) => entry.name)).toEqual(['cookie_validation'])
})

test('refusing clears the refused categories’ cookies and grants only the necessary signal', async ({
  page,
}) => {
  await page.goto(`${SEED}/fr/cookies`)
  await page.evaluate(() => {
    document.cookie = 'im_mkt_tracking=landing; path=/'
    document.cookie = '_utma=1.2.3; path=/'
    document.cookie = 'im_lang=fr; path=/'
  })
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  await banner.getByRole('button', { name: 'Tout refuser' }).click()
  await expect(banner).toBeHidden()
  expect(await consentCookie(page)).toMatchObject({ categories: ['necessary'], revision: 1 })
  expect((await page.context().cookies()).map((entry) => entry.name).sort()).toEqual([
    'cookie_validation',
    'im_lang',
  ])
  expect((await consentCommands(page)).at(-1)).toEqual([
    'consent',
    'update',
    { ...ALL_DENIED, security_storage: 'granted' },
  ])
})

test('a custom choice keeps exactly the chosen categories; "Gérer mes préférences" reopens it', async ({
  page,
}) => {
  const banner = await openBanner(page, `${SEED}/fr/cookies`)
  await banner.getByRole('button', { name: 'Personnaliser' }).click()
  const preferences = page.getByRole('dialog', { name: 'Préférences en matière de cookies' })
  await preferences.locator('input[value="functionality"]').check({ force: true })
  await preferences.getByRole('button', { name: 'Enregistrer mes choix' }).click()
  await expect(preferences).toBeHidden()
  expect(await consentCookie(page)).toMatchObject({
    categories: ['necessary', 'functionality'],
    revision: 1,
  })
  expect((await consentCommands(page)).at(-1)).toEqual([
    'consent',
    'update',
    {
      ...ALL_DENIED,
      security_storage: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
    },
  ])
  await page.getByRole('button', { name: 'Gérer mes préférences' }).click()
  await expect(preferences).toBeVisible()
  await expect(preferences.locator('input[value="functionality"]')).toBeChecked()
  await expect(preferences.locator('input[value="analytics"]')).not.toBeChecked()
})

test('the banner speaks English on English pages', async ({ page }) => {
  const banner = await openBanner(page, `${SEED}/en/cookies`)
  await expect(banner.getByRole('button', { name: 'Accept all' })).toBeVisible()
  await expect(banner.getByRole('button', { name: 'Reject all' })).toBeVisible()
  await banner.getByRole('button', { name: 'Manage preferences' }).click()
  await expect(
    page.getByRole('dialog', { name: 'Cookie preferences' }).locator('.pm__section-title').nth(1),
  ).toHaveText('Internal cookies necessary for the Site to work')
})

test('the policy page with the banner open has no accessibility violations', async ({ page }) => {
  await openBanner(page, `${SEED}/fr/cookies`)
  await expectNoAxeViolations(page)
})

test('a version that requires new consent makes the banner appear again', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000)
  const banner = await openBanner(page, `${MUTABLE}/fr/cookies`)
  await banner.getByRole('button', { name: 'Tout accepter' }).click()
  expect(await consentCookie(page)).toMatchObject({ revision: 1 })
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  await expect(banner).toBeHidden()

  // The pages visited so far are kept as ready bytes.
  for (const path of ['/fr/cookies', '/fr/cookies/versions'])
    expect((await request.get(`${MUTABLE}${path}`)).status()).toBe(200)

  // Legal publishes a new version, in force today, asking for consent again.
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const text = readFileSync(`${root}content/cookies.fr.txt`, 'utf8').replace(
    '.cloudinary.com\tStatistique',
    '_ga_*\tAnalytique\tMesurer l’audience du site\tDurée de conservation : 13 mois\n.cloudinary.com\tStatistique',
  )
  const file = `${tmpdir()}/cookie-policy-v2-${process.pid}.txt`
  writeFileSync(file, text)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
  execFileSync(`${root}node_modules/.bin/tsx`, [
    `${root}scripts/src/import-policy.ts`,
    file,
    '--dataset',
    process.env.E2E_MUTABLE_DATASET!,
    '--effective',
    today,
    '--requires-new-consent',
  ])

  // Within the 5 seconds the README states, without a rebuild, the catalog and every page show it.
  const within = { timeout: 5_000 }
  await expect
    .poll(
      async () =>
        (await (await request.get(`${MUTABLE}/api/cookie-catalog`)).json()).policy.consentRevision,
      within,
    )
    .toBe(2)
  await expect
    .poll(async () => (await request.get(`${MUTABLE}/fr/cookies/versions`)).text(), within)
    .toContain('/fr/cookies/versions/2')
  await expect
    .poll(async () => (await request.get(`${MUTABLE}/fr/cookies`)).text(), within)
    .toContain('Mesurer l’audience du site')
  // The visitor comes back later (the browser may keep the catalog up to max-age=300 s): same cookies.
  const later = await browser.newContext()
  await later.addCookies(await page.context().cookies())
  const visit = await later.newPage()
  const again = await openBanner(visit, `${MUTABLE}/fr/cookies`)
  await expect(again).toContainText(
    'Notre politique relative aux cookies a changé depuis votre dernier choix',
  )
  await again.getByRole('button', { name: 'Tout refuser' }).click()
  expect(await consentCookie(visit)).toMatchObject({ categories: ['necessary'], revision: 2 })
  await later.close()
})

test('the unmodified Klaro package runs on format=klaro and shows the same services', async ({
  page,
}) => {
  await page.goto(`${KLARO}/`)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'yes')
  const titles = page.locator('.klaro .cm-list-title')
  await expect(titles.filter({ hasText: 'im_web_jwt' })).toHaveCount(1)
  const expected = [
    'im_web_jwt',
    'im_web_fprint',
    'im_lang',
    'im_web_cookie',
    'cookie_validation',
    '.stripe.com',
    'im_mkt_tracking',
    '_utma / _utmz / _utmz',
    '.amplitude.com',
    '.google.com',
    '.segment.com',
    '.facebook.com',
    '.cloudinary.com',
    '.helpscout.com',
    '.customer.io',
  ]
  const shown = (await titles.allTextContents()).map((title) => title.trim())
  for (const name of expected) expect(shown).toContain(name)
  await expect(page.locator('.klaro')).toContainText(
    "Les cookies d'analyse et de statistiques d'audience",
  )
})

test('the catalog answers 304 to a matching If-None-Match, with CORS and cache headers', async ({
  request,
}) => {
  const first = await request.get(`${SEED}/api/cookie-catalog?lang=fr`)
  expect(first.status()).toBe(200)
  expect(first.headers()['cache-control']).toBe(
    'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
  )
  expect(first.headers()['access-control-allow-origin']).toBe('*')
  const etag = first.headers().etag!
  const again = await request.get(`${SEED}/api/cookie-catalog?lang=fr`, {
    headers: { 'If-None-Match': etag },
  })
  expect(again.status()).toBe(304)
  expect((await again.body()).length).toBe(0)
  const schema = await request.get(`${SEED}/api/cookie-catalog/schema`)
  expect((await schema.json()).$schema).toBe('https://json-schema.org/draft/2020-12/schema')
})

test('on another site in a language the policy site does not publish, the banner speaks the binding one', async ({
  page,
}) => {
  await page.goto(`${KLARO}/other-site`)
  await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  await expect(
    page.getByRole('dialog', { name: 'Vos choix en matière de cookies' }).getByRole('button'),
  ).toHaveText(['Tout accepter', 'Tout refuser', 'Personnaliser'])
})
