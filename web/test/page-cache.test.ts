// The production server's page cache: a page rendered once per content generation and day, answered from ready
// bytes with a CSP that fits every visitor; redirects and failures as Next.js rendered them.
import { describe, expect, it } from 'vitest'
import { createPageCache, forEveryVisitor, pageKey, type Rendered } from '../src/lib/pageCache'

const NONCE = 'bm9uY2U='
const html = (text: string) =>
  `<html><head><script src="/cookie-banner.js" nonce="${NONCE}"></script></head><body>${text}<script nonce="${NONCE}">self.__next_f.push([1,"${text}"])</script></body></html>`

function setup(pages: Record<string, Partial<Rendered>>, maxBytes?: number) {
  let generation = 1
  let time = 1_000
  const renders: string[] = []
  const cache = createPageCache({
    generation: () => generation,
    cacheControl: { page: 'public, s-maxage=300', notFound: 'public, s-maxage=60' },
    now: () => time,
    maxBytes,
    render: async (url) => {
      renders.push(url)
      const page = pages[url]
      if (!page) throw new Error(`${url}: connection refused`)
      return {
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `script-src 'nonce-${NONCE}' 'strict-dynamic'`,
          'cache-control': 'private, no-cache, no-store',
        },
        body: Buffer.from(html(url)),
        validUntil: 5_000,
        ...page,
      }
    },
  })
  const get = (url: string, headers: { ifNoneMatch?: string; acceptEncoding?: string } = {}) =>
    cache.reply('GET', url, headers)
  return {
    get,
    renders,
    nextGeneration: () => generation++,
    at: (ms: number) => (time = ms),
  }
}

describe('the page cache', () => {
  it('renders a page once per generation and until its policy’s midnight, and answers 304 to its ETag', async () => {
    const site = setup({ '/fr/cookies': {} })
    const first = (await site.get('/fr/cookies'))!
    expect(first.status).toBe(200)
    expect(first.headers['Cache-Control']).toBe('public, s-maxage=300')
    expect(first.headers['cache-control']).toBeUndefined()
    const notModified = (await site.get('/fr/cookies', { ifNoneMatch: first.headers.ETag }))!
    expect([notModified.status, notModified.body]).toEqual([304, null])
    expect(site.renders).toEqual(['/fr/cookies'])
    site.nextGeneration()
    await site.get('/fr/cookies')
    site.at(5_000)
    await site.get('/fr/cookies')
    expect(site.renders).toEqual(['/fr/cookies', '/fr/cookies', '/fr/cookies'])
  })

  it('answers a document: no visitor’s nonce, no framework script, nothing inline', async () => {
    const site = setup({ '/fr/cookies': {} })
    const reply = (await site.get('/fr/cookies'))!
    expect(reply.body!.toString()).toBe(
      '<html><head><script src="/cookie-banner.js"></script></head><body>/fr/cookies</body></html>',
    )
    expect(reply.headers['content-security-policy']).toContain(
      "script-src 'self'; style-src 'self'",
    )
    expect(
      forEveryVisitor(
        '<head><link rel="preload" as="script" fetchPriority="low" href="/_next/a.js"/><script src="/_next/b.js" async=""></script><script src="/cookie-banner.js" data-lang="fr"></script></head>',
        null,
      ),
    ).toBe('<head><script src="/cookie-banner.js" data-lang="fr"></script></head>')
  })

  it('passes a redirect on as rendered, once, and keeps nothing of it', async () => {
    const site = setup({ '/fr': { status: 307, headers: { location: '/fr/cookies' } } })
    const reply = (await site.get('/fr'))!
    expect([reply.status, reply.headers.location]).toEqual([307, '/fr/cookies'])
    await site.get('/fr')
    expect(site.renders).toEqual(['/fr', '/fr'])
  })

  it('serves the last good page when rendering fails, and nothing when there is none', async () => {
    const pages: Record<string, Partial<Rendered>> = { '/fr/cookies': {} }
    const site = setup(pages)
    const good = (await site.get('/fr/cookies'))!
    delete pages['/fr/cookies']
    site.nextGeneration()
    expect((await site.get('/fr/cookies'))!.body).toEqual(good.body)
    expect(await site.get('/en/cookies')).toBeNull()
  })

  it('serves the last good page when a render answers 500 or 503', async () => {
    const pages: Record<string, Partial<Rendered>> = { '/fr/cookies': {} }
    const site = setup(pages)
    const good = (await site.get('/fr/cookies'))!
    for (const status of [500, 503]) {
      pages['/fr/cookies'] = { status, body: Buffer.from('failed') }
      site.nextGeneration()
      const reply = (await site.get('/fr/cookies'))!
      expect([reply.status, reply.body]).toEqual([200, good.body])
    }
    // With no good page to fall back on, the failure is passed on as rendered.
    pages['/en/cookies'] = { status: 503, body: Buffer.from('unavailable') }
    const failed = (await site.get('/en/cookies'))!
    expect([failed.status, failed.body!.toString()]).toEqual([503, 'unavailable'])
  })

  it('keeps an address by its path and a version page’s one compare number, and nothing odd', () => {
    expect(pageKey('/fr/cookies', '?utm_source=mail&compare=2')).toBe('/fr/cookies')
    // A framework's query parameter is one more unknown parameter: the shared page, never a render.
    expect(pageKey('/fr/cookies', '?_rsc=abc')).toBe('/fr/cookies')
    expect(pageKey('/fr/cookies/versions/3', '?compare=1')).toBe('/fr/cookies/versions/3?compare=1')
    expect(pageKey('/fr/cookies/versions/3', '')).toBe('/fr/cookies/versions/3')
    for (const [path, search] of [
      ['/fr/cookies/versions/3', '?compare=x'],
      ['/fr/cookies/versions/3', '?compare=1&compare=2'],
      ['/fr/../healthz', ''],
      ['/fr/%2e%2e/api/cookie-catalog', ''],
      ['/fr//cookies', ''],
      ['/fr/cookies/', ''],
    ])
      expect(pageKey(path!, search!), `${path}${search}`).toBeNull()
  })

  it('keeps at most 256 missing pages', async () => {
    const pages: Record<string, Partial<Rendered>> = {}
    for (let i = 0; i <= 256; i++) pages[`/fr/missing-${i}`] = { status: 404 }
    const site = setup(pages)
    for (let i = 0; i <= 256; i++) await site.get(`/fr/missing-${i}`)
    site.renders.length = 0
    await site.get('/fr/missing-256')
    await site.get('/fr/missing-0')
    expect(site.renders).toEqual(['/fr/missing-0'])
  })

  it('lets the least recently used pages go past its size', async () => {
    // Room for two pages of this size (all three encodings), not three.
    const probe = setup({ '/a': {} })
    let size = 0
    for (const acceptEncoding of ['identity', 'gzip', 'br'])
      size += (await probe.get('/a', { acceptEncoding }))!.body!.length
    const site = setup({ '/a': {}, '/b': {}, '/c': {} }, size * 2.5)
    await site.get('/a')
    await site.get('/b')
    await site.get('/a')
    await site.get('/c')
    site.renders.length = 0
    await site.get('/a')
    await site.get('/c')
    await site.get('/b')
    expect(site.renders).toEqual(['/b'])
  })
})
