// Production hardening as a browser and an operator see it: security headers, a strict CSP that nothing on
// the site violates, addresses that survive a proxy, failures that answer 503, editors' previews, shutdown.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { signPreviewLink } from '@cookie-policy/schemas/previewLink'
import { BROKEN, FIXTURE, PREVIEW, SEED, TRILINGUAL } from './helpers'

/** Every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { violations: string[] }).violations = seen
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations)
}

const PAGES = [
  `${SEED}/fr/cookies`,
  `${SEED}/en/cookies`,
  `${SEED}/fr/cookies/versions`,
  `${SEED}/en/cookies/versions`,
  `${SEED}/fr/cookies/versions/1`,
  `${SEED}/en/cookies/versions/1`,
  `${FIXTURE}/fr/cookies/versions/1...2`,
  `${FIXTURE}/en/cookies/versions/3`,
  `${SEED}/fr/page-inconnue`,
  `${TRILINGUAL}/de/cookies`,
  `${TRILINGUAL}/fr/uk-cookies/versions`,
]

for (const url of PAGES) {
  test(`no CSP violation on ${url.replace(/^http:\/\/[^/]+/, '')}, banner and preferences open`, async ({
    page,
  }) => {
    const violations = await watchViolations(page)
    const response = await page.goto(url)
    // A page kept for every visitor is a document: the banner's script file, nothing inline, no nonce.
    expect(response?.headers()['content-security-policy']).toMatch(
      /^default-src 'self'; script-src 'self'; style-src 'self' 'sha256-[\w+/]{43}='; /,
    )
    const html = await response!.text()
    expect(html).not.toContain('nonce=')
    expect([...html.matchAll(/<script[^>]*>/g)].map(([tag]) => tag)).toEqual([
      expect.stringMatching(/^<script src="\/cookie-banner\.js" data-lang="[a-z]{2}"/),
    ])
    await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
    await page.locator('#cc-main button[data-role="show"]').click()
    await expect(page.locator('#cc-main .pm')).toBeVisible()
    await page.locator('#cc-main .pm__section-title').nth(1).click()
    expect(await violations()).toEqual([])
  })
}

test('pages and JSON answers carry the security headers; HSTS only where SITE_URL is https', async ({
  request,
}) => {
  const common = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  }
  const page = await request.get(`${SEED}/fr/cookies`)
  expect(page.headers()).toMatchObject(common)
  expect(page.headers()['permissions-policy']).toContain('camera=()')
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(page.headers()['content-security-policy']).toContain("object-src 'none'; base-uri 'none'")
  expect(page.headers()['strict-transport-security']).toBeUndefined()
  for (const path of ['/api/cookie-catalog?lang=fr', '/api/cookie-catalog/schema', '/healthz']) {
    const json = await request.get(`${SEED}${path}`)
    expect(json.headers(), path).toMatchObject({
      ...common,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    })
  }
  const https = await request.get(`${TRILINGUAL}/en/uk-cookies`)
  expect(https.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
})

test('redirects stay relative whatever the Host header, with or without SITE_URL', async ({
  request,
}) => {
  for (const [site, path, location] of [
    [SEED, '/', '/fr/cookies'],
    [SEED, '/en', '/en/cookies'],
    [TRILINGUAL, '/', '/fr/cookies'],
    [TRILINGUAL, '/de', '/de/cookies'],
  ] as const) {
    const response = await request.get(`${site}${path}`, {
      maxRedirects: 0,
      headers: { Host: 'policy.example.com' },
    })
    expect([response.status(), response.headers().location], `${site}${path}`).toEqual([
      307,
      location,
    ])
  }
})

test('a content source that never answered gives 503 and Retry-After, never a 500', async ({
  page,
  request,
}) => {
  const response = await page.goto(`${BROKEN}/fr/cookies`)
  expect([response?.status(), response?.headers()['retry-after']]).toEqual([503, '30'])
  await expect(page.locator('h1')).toHaveText('Politique momentanément indisponible')
  const english = await request.get(`${BROKEN}/en/cookies/versions/1`)
  expect([english.status(), english.headers()['retry-after']]).toEqual([503, '30'])
  expect(await english.text()).toContain('Policy temporarily unavailable')
  const catalog = await request.get(`${BROKEN}/api/cookie-catalog?lang=fr`)
  expect([catalog.status(), catalog.headers()['retry-after']]).toEqual([503, '30'])
  expect((await catalog.json()).error.code).toBe('content_unavailable')
  for (const path of ['/', '/fr', '/de/cookies']) {
    const answer = await request.get(`${BROKEN}${path}`, { maxRedirects: 0 })
    expect([answer.status(), answer.headers()['retry-after']], path).toEqual(
      path === '/de/cookies' ? [404, undefined] : [503, '30'],
    )
  }
  const health = await request.get(`${BROKEN}/healthz`)
  expect([health.status(), health.headers()['cache-control']]).toEqual([503, 'no-store'])
  const unhealthy = await health.json()
  // What failed, in words: the missing file's path stays in the server's log.
  expect([unhealthy.status, unhealthy.reason, unhealthy.contentSource.reason]).toEqual([
    'unavailable',
    'The content cannot be read right now; the server log says why.',
    'The dataset file cannot be read; the server log says why.',
  ])
  expect(JSON.stringify(unhealthy)).not.toContain('no-such-dataset')
  const healthy = await (await request.get(`${SEED}/healthz`)).json()
  expect([healthy.status, healthy.contentSource.answering, healthy.policies]).toEqual([
    'ok',
    true,
    [{ slug: 'cookies', versionInForce: 1, inForceSince: '2021-03-09', timeZone: 'Europe/Paris' }],
  ])
})

const DRAFT = 'Mémoriser la langue choisie (texte en cours de relecture)'

/** A preview link as `npm run preview-link` makes it, with the preview site's secret. */
function previewLink(path: string, options: { now?: number; secret?: string } = {}): string {
  const params = signPreviewLink(path, options.secret ?? 'e2e-preview-secret', {
    now: options.now ?? Date.now(),
  })
  return `${PREVIEW}/api/draft-mode/enable?${new URLSearchParams({ ...params })}`
}

test('a wrong, expired, unsigned or missing preview link gets a 401 and no cookie', async ({
  request,
}) => {
  const signed = new URL(previewLink('/fr/cookies'))
  const tampered = new URL(signed)
  tampered.searchParams.set('redirect', '/en/cookies')
  for (const url of [
    `${PREVIEW}/api/draft-mode/enable`,
    // The secret itself no longer opens a preview: it never travels in an address.
    `${PREVIEW}/api/draft-mode/enable?secret=e2e-preview-secret&redirect=/fr/cookies`,
    previewLink('/fr/cookies', { secret: 'wrong' }),
    previewLink('/fr/cookies', { now: Date.now() - 2 * 3_600_000 }),
    tampered.href,
  ]) {
    const response = await request.get(url, { maxRedirects: 0 })
    expect(response.status(), url).toBe(401)
    expect(response.headers()['set-cookie'], url).toBeUndefined()
  }
})

test('leaving the preview leads to this site only, however the address is spelled', async ({
  request,
}) => {
  for (const redirect of [
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '//evil.example',
    '/\\evil.example',
  ]) {
    const response = await request.get(
      `${PREVIEW}/api/draft-mode/disable?redirect=${encodeURIComponent(redirect)}`,
      { maxRedirects: 0 },
    )
    expect([response.status(), response.headers().location], redirect).toEqual([307, '/'])
  }
})

test('a made-up preview cookie or RSC header gets the page every visitor shares', async ({
  request,
}) => {
  const shared = await request.get(`${PREVIEW}/fr/cookies`)
  const etag = shared.headers().etag
  expect(etag).toMatch(/^"/)
  const rendered = async () =>
    (await (await request.get(`${PREVIEW}/healthz`)).json()).pagesRendered
  const before = await rendered()
  expect(before).toBeGreaterThan(0)
  for (const headers of [
    { cookie: '__prerender_bypass=x' } as Record<string, string>,
    { cookie: 'cookie-policy-preview=99999999999.forged' },
    { rsc: '1' },
  ]) {
    const answer = await request.get(`${PREVIEW}/fr/cookies`, { headers })
    expect([answer.status(), answer.headers().etag, answer.headers()['cache-control']]).toEqual([
      200,
      etag,
      shared.headers()['cache-control'],
    ])
    expect(await answer.text()).not.toContain('relecture')
  }
  const rsc = await request.get(`${PREVIEW}/fr/cookies?_rsc=abc`)
  expect(rsc.headers().etag).toBe(etag)
  // None of them rendered the page again.
  expect(await rendered()).toBe(before)
})

test('an editor sees the draft in preview, marked, and nobody else sees it anywhere', async ({
  browser,
}) => {
  const editor = await browser.newPage()
  const violations = await watchViolations(editor)
  const response = await editor.goto(previewLink('/fr/cookies'))
  expect(new URL(editor.url()).pathname).toBe('/fr/cookies')
  expect(response?.headers()['cache-control']).toContain('no-store')
  expect(response?.headers()['cache-control']).toContain('private')
  await expect(editor.locator('.notice-preview strong')).toHaveText('Aperçu : non publié.')
  await expect(editor.locator('#category-necessary')).toContainText(DRAFT)
  await expect(editor.locator('[data-diff="cookies-changed"]')).toContainText('im_lang')
  await expect(editor.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  expect(await violations()).toEqual([])
  // The catalog never shows a draft, even to the editor.
  const catalog = await editor.request.get(`${PREVIEW}/api/cookie-catalog?lang=fr`)
  expect(await catalog.text()).not.toContain('relecture')
  await editor.getByRole('link', { name: 'Quitter l’aperçu' }).click()
  await expect(editor.locator('.notice-preview')).toHaveCount(0)
  await expect(editor.locator('#category-necessary')).toContainText('im_lang')
  await expect(editor.locator('main')).not.toContainText(DRAFT)

  const visitor = await browser.newPage()
  await visitor.goto(`${PREVIEW}/fr/cookies`)
  await expect(visitor.locator('#category-necessary')).toContainText('im_lang')
  await expect(visitor.locator('main')).not.toContainText(DRAFT)
  for (const path of ['/fr/cookies/versions/1', '/en/cookies']) {
    expect(await (await visitor.request.get(`${PREVIEW}${path}`)).text(), path).not.toContain(
      'relecture',
    )
  }
})

test('SIGTERM: new connections are refused and the server exits in time, cleanly', async () => {
  const web = fileURLToPath(new URL('..', import.meta.url))
  const server = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: web,
    env: { ...process.env, PORT: '3108', HOSTNAME: '127.0.0.1', NODE_ENV: 'production' },
    stdio: 'ignore',
  })
  await expect
    .poll(async () => (await fetch('http://127.0.0.1:3108/healthz').catch(() => null))?.status, {
      timeout: 30_000,
    })
    .toBe(200)
  const started = Date.now()
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve))
  server.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(Date.now() - started).toBeLessThan(10_000)
  expect(await fetch('http://127.0.0.1:3108/healthz').catch(() => 'refused')).toBe('refused')
})
