// The production server's page cache: a page rendered once per content generation and day, answered from ready
// bytes with a CSP that fits every visitor; redirects and failures as Next.js rendered them.
import { describe, expect, it } from 'vitest'
import { createPageCache, forEveryVisitor, type Rendered } from '../src/lib/pageCache'

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
