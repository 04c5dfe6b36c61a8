// Any company, any language: a deployment in French, English and German that serves the seed (French is
// binding, no German text) and an English-only UK policy, each with its own binding language.
import { expect, test } from '@playwright/test'
import { cookieRows, expectNoAxeViolations, TRILINGUAL } from './helpers'

const UK_ROWS = [
  'acme_session|Session|Keeps you signed in while you browse|Session',
  'acme_consent|Preferences|Remembers your cookie choices|6 months',
  '_ga|Analytics|Distinguishes visitors for Google Analytics|13 months',
  '_ga_*|Analytics|Keeps the state of a Google Analytics session|13 months',
]

test('the English-only policy is served in English at /en/uk-cookies, with every row', async ({
  page,
}) => {
  await page.goto(`${TRILINGUAL}/en/uk-cookies`)
  await expect(page.locator('h1')).toHaveText('Acme Ltd Cookie Policy')
  await expect(page.locator('.version-line')).toHaveText('In force since 1 March 2025')
  await expect(page.locator('.fallback-page-note, .binding-note')).toHaveCount(0)
  expect((await cookieRows(page)).map((row) => row.slice(1).join('|'))).toEqual(UK_ROWS)
  // The banner on this policy's pages is this policy's.
  await page.locator('#cc-main button[data-role="show"]').click()
  await expect(page.locator('#cc-main .pm')).toContainText('acme_session')
  await expectNoAxeViolations(page)
})

test('/fr/uk-cookies shows the English text, marked as English, with one note in French', async ({
  page,
}) => {
  await page.goto(`${TRILINGUAL}/fr/uk-cookies`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.locator('.fallback-page-note')).toHaveText(
    'Cette politique est publiée en anglais uniquement.',
  )
  await expect(page.locator('article.policy')).toHaveAttribute('lang', 'en')
  await expect(page.locator('h1')).toHaveText('Acme Ltd Cookie Policy')
  expect((await cookieRows(page)).map((row) => row.slice(1).join('|'))).toEqual(UK_ROWS)
  await expectNoAxeViolations(page)
})

test('/de/cookies shows the French text with a German note, and the banner speaks German', async ({
  page,
}) => {
  await page.goto(`${TRILINGUAL}/de/cookies`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.locator('.fallback-page-note')).toHaveText(
    'Diese Richtlinie ist nur auf Französisch veröffentlicht.',
  )
  await expect(page.locator('article.policy')).toHaveAttribute('lang', 'fr')
  await expect(page.locator('h1')).toHaveText("Politique d'InMemori relative aux cookies")
  expect(await cookieRows(page)).toHaveLength(15)
  await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  const banner = page.getByRole('dialog', { name: 'Ihre Cookie-Einstellungen' })
  await expect(banner.getByRole('button')).toHaveText([
    'Alle akzeptieren',
    'Alle ablehnen',
    'Einstellungen',
  ])
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText([
    'Zur gültigen Version',
    'Versionsverlauf',
    'Version française',
    'English version',
  ])
})

test('the catalog of each policy lists every cookie and says which language its texts are in', async ({
  request,
}) => {
  const catalog = async (query: string) => {
    const response = await request.get(`${TRILINGUAL}/api/cookie-catalog?${query}`)
    expect(response.status(), query).toBe(200)
    return response.json()
  }
  const french = await catalog('policy=uk-cookies&lang=fr')
  expect([french.lang, french.textLang, french.policy.bindingLanguage]).toEqual(['fr', 'en', 'en'])
  expect(
    french.categories.flatMap((category: { cookies: { name: string; purpose: string }[] }) =>
      category.cookies.map((cookie) => `${cookie.name}: ${cookie.purpose}`),
    ),
  ).toEqual(UK_ROWS.map((row) => row.split('|')).map(([name, , purpose]) => `${name}: ${purpose}`))
  const english = await catalog('policy=uk-cookies&lang=en')
  expect([english.lang, english.textLang]).toEqual(['en', 'en'])
  const german = await catalog('lang=de')
  expect([german.policy.slug, german.lang, german.textLang]).toEqual(['cookies', 'de', 'fr'])
  const spanish = await request.get(`${TRILINGUAL}/api/cookie-catalog?lang=es`)
  expect(spanish.status()).toBe(400)
  expect((await spanish.json()).error.message).toBe('lang must be one of fr, en, de, not "es".')
  expect((await request.get(`${TRILINGUAL}/es/cookies`)).status()).toBe(404)
})

test('the default policy and the visitor’s language lead from /, hreflang lists every language', async ({
  page,
  request,
}) => {
  const german = await request.get(`${TRILINGUAL}/`, {
    maxRedirects: 0,
    headers: { 'Accept-Language': 'de-DE,de;q=0.9' },
  })
  expect(german.headers().location).toBe('/de/cookies')
  await page.goto(`${TRILINGUAL}/de/uk-cookies/versions`)
  const links = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((elements) =>
      elements.map((element) => [element.getAttribute('hreflang'), element.getAttribute('href')]),
    )
  // SITE_URL is set on this site: its public address, never the one the server listens on.
  expect(links).toEqual([
    ['fr', 'https://policy.example.com/fr/uk-cookies/versions'],
    ['en', 'https://policy.example.com/en/uk-cookies/versions'],
    ['de', 'https://policy.example.com/de/uk-cookies/versions'],
    ['x-default', 'https://policy.example.com/en/uk-cookies/versions'],
  ])
  await expect(page.locator('h1')).toHaveText('Acme Ltd Cookie Policy: Versionsverlauf')
})
