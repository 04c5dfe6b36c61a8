// The seed policy as visitors read it: every row, both languages, redirects, 404s, no JavaScript, phones.
import { expect, test } from '@playwright/test'
import { cookieRows, expectNoAxeViolations, SEED } from './helpers'

const NECESSARY = 'Les cookies internes nécessaires au fonctionnement du Site'
const ANALYTICS = "Les cookies d'analyse et de statistiques d'audience"
const FUNCTIONALITY = "Les cookies tiers destinés à améliorer l'interactivité du Site"

const SEED_ROWS_FR = [
  [
    NECESSARY,
    'im_web_jwt',
    'Fonctionnement',
    "Mémoriser l'identifiant unique associé à votre jeton de connexion",
    '30 jours',
  ],
  [
    NECESSARY,
    'im_web_fprint',
    'Fonctionnement',
    'Mémoriser un jeton de connexion unique pour chaque connexion depuis un nouvel appareil',
    '13 mois',
  ],
  [
    NECESSARY,
    'im_lang',
    'Fonctionnement',
    "Mémoriser vos préférences de langue d'affichage du site inmemori",
    'Session',
  ],
  [
    NECESSARY,
    'im_web_cookie',
    'Fonctionnement',
    "Mémoriser la fermeture du bandeau d'information sur l'usage des cookies lorsque vous vous connectez une première fois sur l'espace inmemori",
    '13 mois',
  ],
  [
    NECESSARY,
    'cookie_validation',
    'Fonctionnement',
    "Mémoriser la fermeture du bandeau d'information sur l'usage des cookies lorsque vous vous connectez une première fois sur le site inmemori.com",
    '365 jours',
  ],
  [
    NECESSARY,
    '.stripe.com',
    'Paiement en ligne',
    'Offrir un service de paiement sécurisé de bout en bout',
    '13 mois',
  ],
  [
    ANALYTICS,
    'im_mkt_tracking',
    'Analytique',
    "Mémoriser les pages consultées sur le site marketing inmemori.com afin de connaître l'origine de l'utilisateur au moment de la création d'un espace inmemori",
    '1 jour',
  ],
  [
    ANALYTICS,
    '_utma / _utmz / _utmz',
    'Analytique',
    "Identifier par quel canal l'espace a été créé depuis Google",
    '13 mois',
  ],
  [
    ANALYTICS,
    '.amplitude.com',
    'Analytique',
    'Comptabiliser les visites et analyser les sessions utilisateurs',
    'amplitude.com/privacy',
  ],
  [
    ANALYTICS,
    '.google.com',
    'Statistique',
    "Analyser l'audience de manière anonymisée et améliorer l'expérience utilisateur en continu",
    'policies.google.com/technologies/cookies?hl=en-US',
  ],
  [
    ANALYTICS,
    '.segment.com',
    'Statistique',
    'Comptabiliser les visites et analyser les sessions utilisateurs',
    'segment.com/docs',
  ],
  [
    ANALYTICS,
    '.facebook.com',
    'Social',
    'Analyse de réseau social et publicité',
    'facebook.com/policies',
  ],
  [
    ANALYTICS,
    '.cloudinary.com',
    'Statistique',
    'Analyser les comportements des utilisateurs relatifs aux images déposées sur inmemori',
    'cloudinary.com/privacy',
  ],
  [
    FUNCTIONALITY,
    '.helpscout.com',
    'Assistance',
    'Offrir une assistance aux utilisateurs via un chat, email ou téléphone',
    'www.helpscout.com/company/legal/privacy',
  ],
  [
    FUNCTIONALITY,
    '.customer.io',
    'Communication',
    'Offrir une assistance personnalisée aux utilisateurs en les guidant sur le site en fonction de leurs actions',
    'customer.io/legal/privacy-policy',
  ],
]

test('/ redirects to the policy in the visitor language, French by default', async ({
  request,
}) => {
  const french = await request.get(`${SEED}/`, { maxRedirects: 0 })
  expect(french.status()).toBe(307)
  expect(french.headers().location).toBe('/fr/cookies')
  const english = await request.get(`${SEED}/`, {
    maxRedirects: 0,
    headers: { 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.5' },
  })
  expect(english.headers().location).toBe('/en/cookies')
  const german = await request.get(`${SEED}/`, {
    maxRedirects: 0,
    headers: { 'Accept-Language': 'de-DE,de;q=0.9' },
  })
  expect(german.headers().location).toBe('/fr/cookies')
})

test('/fr/cookies shows the policy in force with all 15 rows of the seed', async ({ page }) => {
  const response = await page.goto(`${SEED}/fr/cookies`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.locator('h1')).toHaveText("Politique d'InMemori relative aux cookies")
  await expect(page.locator('.version-line')).toHaveText('Version applicable depuis le 9 mars 2021')
  expect(await cookieRows(page)).toEqual(SEED_ROWS_FR)
  await expect(page.locator('table.cookie-table caption')).toHaveText([
    NECESSARY,
    ANALYTICS,
    FUNCTIONALITY,
  ])
  await expect(page.getByRole('button', { name: 'Gérer mes préférences' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Historique des versions' })).toHaveAttribute(
    'href',
    '/fr/cookies/versions',
  )
  await expect(page.getByRole('link', { name: 'English version' })).toHaveAttribute(
    'href',
    '/en/cookies',
  )
  await expect(page.locator('main h2')).toHaveText([
    "1. QU'EST-CE QU'UN COOKIE ?",
    '2. QUELS SONT LES COOKIES UTILISES PAR INMEMORI ?',
    '3. COMMENT PARAMÉTRER VOS PRÉFÉRENCES EN MATIÈRE DE COOKIES ?',
    '4. MODIFICATION DE LA POLITIQUE RELATIVE AUX COOKIES',
  ])
  await expect(page.locator('strong', { hasText: 'InMemori' }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'allaboutcookies.org' })).toHaveAttribute(
    'href',
    'https://allaboutcookies.org',
  )
})

test('/en/cookies shows the English translation, retention in English, French as binding', async ({
  page,
}) => {
  await page.goto(`${SEED}/en/cookies`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('h1')).toHaveText('InMemori Cookie Policy')
  await expect(page.locator('.version-line')).toHaveText('In force since 9 March 2021')
  await expect(page.locator('.binding-note')).toHaveText(
    'This is a translation. The French version of this policy is the legally binding one.',
  )
  const rows = await cookieRows(page)
  expect(rows).toHaveLength(15)
  expect(rows.map((row) => [row[1], row[4]])).toEqual([
    ['im_web_jwt', '30 days'],
    ['im_web_fprint', '13 months'],
    ['im_lang', 'Session'],
    ['im_web_cookie', '13 months'],
    ['cookie_validation', '365 days'],
    ['.stripe.com', '13 months'],
    ['im_mkt_tracking', '1 day'],
    ['_utma / _utmz / _utmz', '13 months'],
    ['.amplitude.com', 'amplitude.com/privacy'],
    ['.google.com', 'policies.google.com/technologies/cookies?hl=en-US'],
    ['.segment.com', 'segment.com/docs'],
    ['.facebook.com', 'facebook.com/policies'],
    ['.cloudinary.com', 'cloudinary.com/privacy'],
    ['.helpscout.com', 'www.helpscout.com/company/legal/privacy'],
    ['.customer.io', 'customer.io/legal/privacy-policy'],
  ])
  expect(rows[0]).toEqual([
    'Internal cookies necessary for the Site to work',
    'im_web_jwt',
    'Operation',
    'Remember the unique identifier associated with your login token',
    '30 days',
  ])
  await expect(page.getByRole('button', { name: 'Manage my cookie preferences' })).toBeVisible()
  await expect(page.locator('.fallback-note')).toHaveCount(0)
})

test('policy pages may be kept by a CDN (the same for every visitor), 404s briefly', async ({
  request,
}) => {
  const page = await request.get(`${SEED}/fr/cookies`)
  expect(page.headers()['cache-control']).toBe(
    'public, max-age=0, s-maxage=300, stale-while-revalidate=86400',
  )
  const missing = await request.get(`${SEED}/fr/nope`)
  expect(missing.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60')
})

test('pages carry their language, canonical address, hreflang alternates and metadata', async ({
  page,
}) => {
  await page.goto(`${SEED}/en/cookies/versions`)
  await expect(page).toHaveTitle('InMemori Cookie Policy: version history')
  const links = await page
    .locator('link[rel="alternate"][hreflang], link[rel="canonical"]')
    .evaluateAll((elements) =>
      elements.map((element) => [
        element.getAttribute('rel'),
        element.getAttribute('hreflang'),
        element.getAttribute('href'),
      ]),
    )
  // Relative without SITE_URL: the address the server listens on never appears.
  expect(links).toEqual([
    ['canonical', null, '/en/cookies/versions'],
    ['alternate', 'fr', '/fr/cookies/versions'],
    ['alternate', 'en', '/en/cookies/versions'],
    ['alternate', 'x-default', '/fr/cookies/versions'],
  ])
  await page.goto(`${SEED}/fr/cookies`)
  await expect(page).toHaveTitle("Politique d'InMemori relative aux cookies")
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    "Politique d'InMemori relative aux cookies. Version applicable depuis le 9 mars 2021.",
  )
})

test('unknown language, policy or version answer a real 404 page', async ({ page, request }) => {
  for (const path of [
    '/de/cookies',
    '/fr/privacy',
    '/fr/cookies/versions/2',
    '/fr/cookies/versions/0',
    '/fr/cookies/versions/abc',
    '/fr/cookies/versions/99999999999999999999',
    '/fr/cookies/versions/1...7',
    '/en/cookies/extra/path',
    '/fr/cookies/versions/1?compare=x',
  ]) {
    const response = await request.get(`${SEED}${path}`)
    expect(response.status(), path).toBe(404)
    // Rendered on the server, readable without JavaScript.
    expect(await response.text(), path).toMatch(
      /<h1>Page introuvable(<!-- -->)? <span lang="en">\/ (<!-- -->)?Page not found<\/span><\/h1>/,
    )
  }
  const response = await page.goto(`${SEED}/fr/nope`)
  expect(response?.status()).toBe(404)
  await expect(page.locator('h1')).toHaveText('Page introuvable / Page not found')
  await expect(page).toHaveTitle('Page introuvable / Page not found')
  await expectNoAxeViolations(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('the whole policy is readable', async ({ page }) => {
    await page.goto(`${SEED}/fr/cookies`)
    expect(await cookieRows(page)).toEqual(SEED_ROWS_FR)
    await expect(page.locator('h2').last()).toHaveText(
      '4. MODIFICATION DE LA POLITIQUE RELATIVE AUX COOKIES',
    )
  })
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
  test('tables become labelled cards and the page never scrolls sideways', async ({
    page,
  }, testInfo) => {
    await page.goto(`${SEED}/fr/cookies`)
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!)
    await expect(page.locator('thead').first()).toHaveCSS('position', 'absolute')
    const label = await page
      .locator('tbody td')
      .first()
      .evaluate((cell) => getComputedStyle(cell, '::before').content)
    expect(label).toBe('"Type"')
    await page.screenshot({ path: testInfo.outputPath('fr-cookies-phone.png'), fullPage: true })
  })
})

test('desktop screenshot of /fr/cookies is kept as an artifact', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${SEED}/fr/cookies`)
  const path = testInfo.outputPath('fr-cookies-desktop.png')
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach('fr-cookies-desktop', { path, contentType: 'image/png' })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280)
})

test('print hides the navigation and writes link addresses out', async ({ page }) => {
  await page.goto(`${SEED}/fr/cookies`)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.policy-nav')).toBeHidden()
  const after = await page
    .getByRole('link', { name: 'amplitude.com/privacy' })
    .evaluate((link) => getComputedStyle(link, '::after').content)
  expect(after).toMatch(/attr\(href\)|https:\/\/amplitude\.com\/privacy/)
})

for (const path of [
  '/fr/cookies',
  '/en/cookies',
  '/fr/cookies/versions',
  '/en/cookies/versions',
  '/fr/cookies/versions/1',
  '/en/cookies/versions/1',
]) {
  test(`no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(`${SEED}${path}`)
    await expectNoAxeViolations(page)
  })
}

test('a page answers from ready bytes: a strong ETag, 304 to it, gzip and brotli', async ({
  request,
}) => {
  const plain = { 'Accept-Encoding': 'identity' }
  const first = await request.get(`${SEED}/fr/cookies/versions`, { headers: plain })
  const etag = first.headers().etag!
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
  const again = await request.get(`${SEED}/fr/cookies/versions`, { headers: plain })
  expect([again.headers().etag, await again.text()]).toEqual([etag, await first.text()])
  const notModified = await request.get(`${SEED}/fr/cookies/versions`, {
    headers: { ...plain, 'If-None-Match': etag },
  })
  expect([notModified.status(), notModified.headers().etag]).toEqual([304, etag])
  for (const encoding of ['gzip', 'br']) {
    const compressed = await request.get(`${SEED}/fr/cookies/versions`, {
      headers: { 'Accept-Encoding': encoding },
    })
    expect(compressed.headers()['content-encoding'], encoding).toBe(encoding)
    expect(compressed.headers().etag, encoding).toBe(`${etag.slice(0, -1)}-${encoding}"`)
    expect(await compressed.text(), encoding).toBe(await first.text())
  }
  expect(first.headers()['cache-control']).toBe(
    'public, max-age=0, s-maxage=300, stale-while-revalidate=86400',
  )
  // The title and description are in <head>: no script has to move them there.
  const html = await first.text()
  const head = html.slice(0, html.indexOf('</head>'))
  expect(head).toMatch(/<title>[^<]* : historique des versions/)
  expect(head).toContain('<meta name="description"')
  // A made-up query is the same page, not another one to keep.
  const query = await request.get(`${SEED}/fr/cookies/versions?compare=x&utm=1`, { headers: plain })
  expect(query.headers().etag).toBe(etag)
  // A missing page is a 404 with its own shorter Cache-Control, and never a 304.
  const missing = await request.get(`${SEED}/fr/cookies/versions/99`, {
    headers: { 'If-None-Match': '*' },
  })
  expect([missing.status(), missing.headers()['cache-control']]).toEqual([
    404,
    'public, max-age=0, s-maxage=60',
  ])
})
