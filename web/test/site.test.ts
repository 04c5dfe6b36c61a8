// The site's one handler, as both hosts call it, on the three-version fixture: a page is rendered once however
// it is spelled, and every address that is not a page gets a plain answer (a redirect, a 404 page, a 405).
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Site, SiteRequest } from '../src/lib/site'

let site: Site

beforeAll(async () => {
  process.env.POLICY_DATASET = fileURLToPath(
    new URL('../e2e/fixtures/three-versions.ndjson', import.meta.url),
  )
  process.env.CONSENT_STORE = ''
  site = (await import('../src/lib/site')).createSite()
})

function request(
  path: string,
  more: Partial<SiteRequest> & { headers?: Record<string, string> } = {},
) {
  const [bare, query] = path.split('?')
  const headers = more.headers ?? {}
  return site.answer({
    method: 'GET',
    path: bare!,
    search: query === undefined ? '' : `?${query}`,
    header: (name) => headers[name] ?? null,
    body: null,
    ...more,
  })
}

const rendered = async () => JSON.parse((await request('/healthz'))!.body!.toString()).pagesRendered

describe('the site handler', () => {
  it('renders a page once, whatever query a request adds, and answers the same bytes', async () => {
    const before = await rendered()
    const first = (await request('/fr/cookies/versions/2'))!
    expect(first.status).toBe(200)
    expect(first.body!.toString()).toContain(
      '<h1>Politique d&#x27;InMemori relative aux cookies · Version 2</h1>',
    )
    const spellings = Array.from({ length: 4000 }, (_, i) =>
      i % 2 ? `/fr/cookies/versions/2?compare=1&x=${i}` : `/fr/cookies/versions/2?utm_source=${i}`,
    )
    for (const spelling of spellings) {
      const answer = site.kept({
        method: 'GET',
        path: spelling.split('?')[0]!,
        search: `?${spelling.split('?')[1]}`,
        header: () => null,
        body: null,
      })
      expect(answer?.headers.ETag).toBe(first.headers.ETag)
    }
    expect(await rendered()).toBe(before + 1)
  })

  it('gives each kind of address its plain answer', async () => {
    const answers = await Promise.all(
      [
        request('/'),
        request('/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }),
        request('/fr'),
        request('/fr/cookies/'),
        request('/fr/cookies/versions//'),
        request('/\\evil.example/'),
        request('//evil.example/'),
        request('/fr/cookies', { method: 'POST' }),
        request('/fr/%FFcookies'),
        request('/fr/cookies/versions/9'),
        request('/en/no-such-policy'),
        request('/robots.txt'),
        request('/api/draft-mode/enable'),
      ].map(async (answer) => {
        const reply = await answer
        return reply && `${reply.status} ${reply.headers.Location ?? reply.headers['Content-Type']}`
      }),
    )
    expect(answers).toEqual([
      '307 /fr/cookies',
      '307 /en/cookies',
      '307 /fr/cookies',
      '308 /fr/cookies',
      '308 /fr/cookies/versions',
      '404 text/html; charset=utf-8',
      '404 text/html; charset=utf-8',
      '405 application/json; charset=utf-8',
      '400 application/json; charset=utf-8',
      '404 text/html; charset=utf-8',
      '404 text/html; charset=utf-8',
      null,
      null,
    ])
  })

  it('answers HEAD without a body, and 304 to a page’s ETag', async () => {
    const page = (await request('/en/cookies'))!
    const head = (await request('/en/cookies', { method: 'HEAD' }))!
    expect([head.status, head.body, head.headers.ETag]).toEqual([200, null, page.headers.ETag])
    const again = (await request('/en/cookies', {
      headers: { 'if-none-match': page.headers.ETag! },
    }))!
    expect(again.status).toBe(304)
  })
})
