// The consent banner as visitors meet it: fed at runtime by the catalog, refusing as easy as accepting,
// the choice kept with the consent revision, Consent Mode signals, and Klaro fed by the same catalog.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import type { ConsentRecord } from '@cookie-policy/schemas/contracts'
import {
  consentCommands,
  consentCookie,
  expectNoAxeViolations,
  KLARO,
  MUTABLE,
  openBanner,
  SEED,
} from './helpers'

/** Each refusable category answered at version 1, at some time (seconds). */
const ANSWERED_AT_1 = {
  analytics: [1, expect.any(Number)],
  functionality: [1, expect.any(Number)],
}

const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'denied',
}

/** What the seed's necessary and functionality categories grant, and nothing else. */
const NECESSARY_AND_FUNCTIONALITY = {
  ...ALL_DENIED,
  security_storage: 'granted',
  functionality_storage: 'granted',
  personalization_storage: 'granted',
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

test('accepting everything keeps the choice 6 months, each category’s answer with its version, and grants the signals', async ({
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
    data: { version: 1, answered: ANSWERED_AT_1 },
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
  expect(await consentCookie(page)).toMatchObject({
    categories: ['necessary'],
    data: { version: 1, answered: ANSWERED_AT_1 },
  })
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
    data: { version: 1, answered: ANSWERED_AT_1 },
  })
  expect((await consentCommands(page)).at(-1)).toEqual([
    'consent',
    'update',
    NECESSARY_AND_FUNCTIONALITY,
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

test('a new version asks a returning visitor only about what changed, says what, and keeps the rest', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const seedText = readFileSync(`${root}content/cookies.fr.txt`, 'utf8')
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
  /** Legal publishes a version in force today, from the seed text changed by `edit`. */
  const publish = (name: string, text: string) => {
    const file = `${tmpdir()}/cookie-policy-${name}-${process.pid}.txt`
    writeFileSync(file, text)
    execFileSync(`${root}node_modules/.bin/tsx`, [
      `${root}scripts/src/import-policy.ts`,
      file,
      '--dataset',
      process.env.E2E_MUTABLE_DATASET!,
      '--effective',
      today,
    ])
  }
  const inForce = (version: number) =>
    expect
      .poll(
        async () =>
          (await (await request.get(`${MUTABLE}/api/cookie-catalog`)).json()).policy.version,
        { timeout: 5_000 },
      )
      .toBe(version)
  const records = async (page: Page) => {
    const id = (await consentCookie(page))!.consentId
    const answer = await request.get(`${MUTABLE}/api/consent/${id}`)
    return ((await answer.json()).records as ConsentRecord[])
      .reverse()
      .map(({ version, accepted, rejected, action, reasked, carried }) => ({
        version,
        accepted,
        rejected,
        action,
        reasked,
        carried,
      }))
  }
  /** A visitor's browser. */
  const visitor = async () => (await browser.newContext()).newPage()
  /**
   * The visitor comes back later with the cookies they kept (the browser may keep the catalog up to
   * max-age=300 s: a fresh cache, same cookies).
   */
  const visit = async (before: Page) => {
    const later = await browser.newContext()
    await later.addCookies(await before.context().cookies())
    await before.context().close()
    const page = await later.newPage()
    await page.goto(`${MUTABLE}/fr/cookies`)
    await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
    return page
  }

  // At version 1, one visitor accepts everything; another accepts functionality and refuses analytics.
  let accepting = await visitor()
  const first = await openBanner(accepting, `${MUTABLE}/fr/cookies`)
  await first.getByRole('button', { name: 'Tout accepter' }).click()
  let refusing = await visitor()
  await (
    await openBanner(refusing, `${MUTABLE}/fr/cookies`)
  )
    .getByRole('button', { name: 'Personnaliser' })
    .click()
  const preferences = refusing.getByRole('dialog', { name: 'Préférences en matière de cookies' })
  await preferences.locator('input[value="functionality"]').check({ force: true })
  await preferences.getByRole('button', { name: 'Enregistrer mes choix' }).click()
  await expect(preferences).toBeHidden()

  // Version 2 adds an analytics cookie and rewords a strictly necessary purpose.
  const v2 = seedText
    .replace(
      '.cloudinary.com\tStatistique',
      '_ga_*\tAnalytique\tMesurer l’audiance du site\tDurée de conservation : 13 mois\n.cloudinary.com\tStatistique',
    )
    .replace(
      "Mémoriser l'identifiant unique associé à votre jeton de connexion",
      "Conserver l'identifiant unique de votre session connectée",
    )
  publish('graded-v2', v2)
  await inForce(2)

  // The visitor who accepted everything is asked about analytics only, told what changed and where.
  accepting = await visit(accepting)
  const asked = accepting.getByRole('dialog', { name: /Ce qui a changé depuis votre choix du/ })
  await expect(asked).toBeVisible()
  // Until the visitor answers, the analytics acceptance of version 1 grants nothing; functionality still does.
  expect((await consentCommands(accepting)).at(-1)).toEqual([
    'consent',
    'update',
    NECESSARY_AND_FUNCTIONALITY,
  ])
  await expect(asked.locator('li')).toHaveText([
    "Les cookies d'analyse et de statistiques d'audience : Cookie ajouté : _ga_*.",
  ])
  await expect(
    asked.getByRole('link', { name: 'Comparer les deux versions de la politique' }),
  ).toHaveAttribute('href', `${MUTABLE}/fr/cookies/versions/1...2`)
  await expectNoAxeViolations(accepting)
  await asked.getByRole('button', { name: 'Refuser', exact: true }).click()
  await expect(asked).toBeHidden()
  // Functionality, not asked, stays accepted; analytics is refused, as answered.
  expect(await consentCookie(accepting)).toMatchObject({
    categories: ['necessary', 'functionality'],
    data: {
      version: 2,
      answered: { analytics: [2, expect.any(Number)], functionality: [1, expect.any(Number)] },
    },
  })
  // The visitor who refused analytics is not asked: a refusal stands six months.
  refusing = await visit(refusing)
  await expect(refusing.getByRole('dialog', { name: /Ce qui a changé/ })).toBeHidden()
  await expect(refusing.locator('#cc-main .cm')).toHaveCount(0)

  // Version 3 only corrects a typo in the new cookie's purpose: nobody is asked.
  const v3 = v2.replace('Mesurer l’audiance du site', 'Mesurer l’audience du site')
  expect(v3).not.toBe(v2)
  publish('graded-v3', v3)
  await inForce(3)
  accepting = await visit(accepting)
  refusing = await visit(refusing)
  for (const page of [accepting, refusing])
    await expect(page.locator('#cc-main .cm')).toHaveCount(0)

  // The ledger: exactly these records, what was asked again and what was carried, with its version.
  await expect
    .poll(() => records(accepting))
    .toEqual([
      {
        version: 1,
        accepted: ['analytics', 'functionality', 'necessary'],
        rejected: [],
        action: 'accept-all',
        reasked: null,
        carried: null,
      },
      {
        version: 2,
        accepted: ['functionality', 'necessary'],
        rejected: ['analytics'],
        action: 'custom',
        reasked: ['analytics'],
        carried: [{ category: 'functionality', accepted: true, version: 1 }],
      },
    ])
  expect(await records(refusing)).toEqual([
    {
      version: 1,
      accepted: ['functionality', 'necessary'],
      rejected: ['analytics'],
      action: 'custom',
      reasked: null,
      carried: null,
    },
  ])
  await accepting.context().close()
  await refusing.context().close()
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
