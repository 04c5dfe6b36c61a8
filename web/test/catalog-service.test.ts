// The catalog endpoint's HTTP behaviour: ready bytes, ETags, encodings, errors, time, and failures.
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createGroqRunner } from '@cookie-policy/schemas/dataset'
import { withContentHash } from '@cookie-policy/schemas/model'
import type { RunQuery } from '@cookie-policy/schemas/queries'
import { negotiateEncoding } from '../src/lib/readyBytes'
import { countingService as service, seed, threeVersions } from './helpers'

const json = (body: Buffer | null) => JSON.parse(body!.toString('utf8'))
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('GET /api/cookie-catalog', () => {
  it('answers the seed catalog with the contract headers', async () => {
    const { instance } = service()
    const reply = await instance.reply('GET', 'lang=fr', {})
    expect(reply.status).toBe(200)
    expect(reply.headers).toMatchObject({
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Encoding',
    })
    expect(reply.headers.ETag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    const catalog = json(reply.body)
    expect(catalog.policy).toEqual({
      slug: 'cookies',
      title: "Politique d'InMemori relative aux cookies",
      version: 1,
      effectiveFrom: '2021-03-09',
      consentRevision: 1,
      bindingLanguage: 'fr',
      url: '/fr/cookies',
    })
    expect([catalog.lang, catalog.textLang]).toEqual(['fr', 'fr'])
    expect(
      catalog.categories.flatMap((category: { cookies: unknown[] }) => category.cookies),
    ).toHaveLength(15)
  })

  it('answers in the policy’s binding language when no language is asked', async () => {
    const { instance } = service()
    const catalog = json((await instance.reply('GET', '', {})).body)
    expect([catalog.lang, catalog.textLang, catalog.policy.url]).toEqual([
      'fr',
      'fr',
      '/fr/cookies',
    ])
  })

  it('computes each answer once per content change, then answers from ready bytes', async () => {
    let version = 'v1'
    const { instance, queries } = service(seed, {
      contentVersion: async () => version,
      checkEveryMs: 0,
    })
    const first = await instance.reply('GET', 'lang=fr', {})
    const spent = queries()
    for (let index = 0; index < 20; index++)
      expect((await instance.reply('GET', 'lang=fr', {})).body).toBe(first.body)
    expect(queries()).toBe(spent)
    version = 'v2'
    // The content check runs beside the requests: the change shows once a check has seen it.
    for (let index = 0; index < 3; index++) {
      await instance.reply('GET', 'lang=fr', {})
      await settle()
    }
    expect(queries()).toBeGreaterThan(spent)
    const changed = queries()
    await instance.reply('GET', 'lang=fr', {})
    expect(queries()).toBe(changed)
  })

  it('answers 304 with no body to a matching If-None-Match, and gzip/brotli when accepted', async () => {
    const { instance } = service()
    const plain = await instance.reply('GET', 'lang=fr', {})
    const notModified = await instance.reply('GET', 'lang=fr', { ifNoneMatch: plain.headers.ETag })
    expect(notModified.status).toBe(304)
    expect(notModified.body).toBeNull()
    expect(notModified.headers.ETag).toBe(plain.headers.ETag)
    const gzip = await instance.reply('GET', 'lang=fr', { acceptEncoding: 'gzip, deflate' })
    expect(gzip.headers['Content-Encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body!).equals(plain.body!)).toBe(true)
    const br = await instance.reply('GET', 'lang=fr', { acceptEncoding: 'gzip, deflate, br' })
    expect(br.headers['Content-Encoding']).toBe('br')
    expect(brotliDecompressSync(br.body!).equals(plain.body!)).toBe(true)
    expect(br.body!.length).toBeLessThan(plain.body!.length / 3)
    // A brotli client's 304 names the brotli ETag it holds, so that its cache keeps matching.
    const brNotModified = await instance.reply('GET', 'lang=fr', {
      ifNoneMatch: br.headers.ETag,
      acceptEncoding: 'gzip, deflate, br',
    })
    expect([brNotModified.status, brNotModified.headers.ETag]).toEqual([304, br.headers.ETag])
    expect(br.headers.ETag).toBe(`${plain.headers.ETag!.slice(0, -1)}-br"`)
    expect((await instance.reply('HEAD', 'lang=fr', {})).body).toBeNull()
  })

  it('answers the CORS preflight', async () => {
    const reply = await service().instance.reply('OPTIONS', '', {})
    expect(reply.status).toBe(204)
    expect(reply.headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    })
  })

  it.each([
    ['lang=de', 400, 'invalid_lang'],
    ['format=xml', 400, 'invalid_format'],
    ['version=abc', 400, 'invalid_version'],
    ['version=0', 400, 'invalid_version'],
    ['version=1e3', 400, 'invalid_version'],
    ['version=99999999999999999999', 400, 'invalid_version'],
    ['version=2', 404, 'version_not_found'],
    ['policy=privacy', 404, 'policy_not_found'],
    ['policy=../../etc', 400, 'invalid_policy'],
    ['lang=fr&lang=en', 400, 'repeated_parameter'],
    ['callback=x', 400, 'unknown_parameter'],
  ])('refuses ?%s with %i %s', async (search, status, code) => {
    const reply = await service().instance.reply('GET', search, {})
    expect(reply.status).toBe(status)
    expect(json(reply.body)).toEqual({ error: { code, message: expect.any(String) } })
    expect(reply.body!.toString()).not.toContain('    at ')
  })

  it('serves the version in force, an asked-for version, and the revision that went with it', async () => {
    const { instance } = service(threeVersions)
    const current = json((await instance.reply('GET', '', {})).body)
    // Version 2 added an analytics cookie: a material change, so the whole policy's revision is 2.
    expect([current.policy.version, current.policy.consentRevision]).toEqual([2, 2])
    // Per category: analytics changed at 2 (with its line), functionality only editorially (still 1).
    expect(
      current.categories.map((category: { key: string; revision: number; changed: string }) => [
        category.key,
        category.revision,
        category.changed,
      ]),
    ).toEqual([
      ['necessary', 0, null],
      ['analytics', 2, 'Cookie ajouté : _ga_*.'],
      ['functionality', 1, null],
    ])
    const upcoming = json((await instance.reply('GET', 'version=3&lang=en', {})).body)
    expect([
      upcoming.policy.version,
      upcoming.policy.effectiveFrom,
      upcoming.policy.consentRevision,
      upcoming.lang,
    ]).toEqual([3, '2099-01-01', 3, 'en'])
  })

  it('switches to a version at midnight in Paris without any content change', async () => {
    let now = Date.parse('2098-12-31T22:59:00Z')
    const { instance } = service(threeVersions, { now: () => now })
    expect(json((await instance.reply('GET', '', {})).body).policy.version).toBe(2)
    now = Date.parse('2098-12-31T23:00:00Z')
    const after = json((await instance.reply('GET', '', {})).body)
    expect([after.policy.version, after.policy.consentRevision]).toEqual([3, 3])
  })

  it('switches at midnight in the policy’s own time zone: London, an hour after Paris', async () => {
    const london = threeVersions.map((document) =>
      document._type === 'policy' ? { ...document, timeZone: 'Europe/London' } : document,
    )
    let now = Date.parse('2098-12-31T23:30:00Z')
    const { instance } = service(london, { now: () => now })
    expect(json((await instance.reply('GET', '', {})).body).policy.version).toBe(2)
    now = Date.parse('2099-01-01T00:00:00Z')
    expect(json((await instance.reply('GET', '', {})).body).policy.version).toBe(3)
  })

  it('keeps serving the last good answer when the content source fails', async () => {
    let failing = false
    let version = 'v1'
    const run = createGroqRunner(seed)
    const { instance } = service(seed, {
      runQuery: ((query, params) =>
        failing
          ? Promise.reject(new Error('Content Lake down'))
          : run(query, params)) satisfies RunQuery,
      contentVersion: async () => version,
      checkEveryMs: 0,
    })
    const good = await instance.reply('GET', 'lang=fr', {})
    failing = true
    version = 'v2'
    for (let index = 0; index < 3; index++) {
      await instance.reply('GET', 'lang=fr', {})
      await settle()
    }
    const during = await instance.reply('GET', 'lang=fr', {})
    expect(during.status).toBe(200)
    expect(during.body).toBe(good.body)
    const never = await instance.reply('GET', 'lang=en', {})
    expect(never.status).toBe(503)
    expect(json(never.body).error.code).toBe('content_unavailable')
  })

  it('negotiates encodings, honouring q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br')
    expect(negotiateEncoding('gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('identity')).toBe('identity')
    expect(negotiateEncoding(undefined)).toBe('identity')
  })
})

describe('the catalog under attack', () => {
  it('builds one answer for 5,000 spellings of one request, and keeps one', async () => {
    const { instance, queries } = service()
    const first = await instance.reply('GET', 'lang=fr', {})
    const spent = queries()
    const before = process.memoryUsage()
    const spellings = new Set<string>()
    for (let index = 0; spellings.size < 5000; index++) {
      const amps = (count: number) => '&'.repeat(count)
      const pairs = index % 3 === 0 ? ['lang=fr', 'format=catalog'] : ['format=catalog', 'lang=fr']
      spellings.add(
        `${index % 2 ? '?' : ''}${amps(index % 37)}${pairs.join(amps(1 + (index % 5)))}${amps(Math.floor(index / 37))}`,
      )
    }
    for (const search of spellings) {
      const reply = instance.kept('GET', search, {}) ?? (await instance.reply('GET', search, {}))
      expect(reply.body).toBe(first.body)
    }
    const after = process.memoryUsage()
    expect(queries()).toBe(spent)
    expect(
      after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers),
    ).toBeLessThan(20 * 1024 * 1024)
  })

  it('keeps answers within its byte bound, the least recently used going first', async () => {
    const { createReadyLru, prepareReady } = await import('../src/lib/readyBytes')
    const ready = (text: string) =>
      prepareReady({
        status: 200,
        body: Buffer.from(text),
        headers: {},
        generation: 0,
        expiresAt: 0,
      })
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((letter) => ready(letter.repeat(4000))))
    const size = a!.bodies.identity.length + a!.bodies.gzip.length + a!.bodies.br.length
    const lru = createReadyLru(size * 2)
    lru.set('a', a!)
    lru.set('b', b!)
    lru.get('a')
    lru.set('c', c!)
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([a, undefined, c])
    expect(lru.bytes).toBeLessThanOrEqual(size * 2)
  })

  it('never serves a javascript: link, whatever wrote it into a published version', async () => {
    // Whoever rewrote the versions rewrote their content hashes too (a hash is not a signature).
    const poisoned = await Promise.all(
      seed.map(async (document) => {
        if (document._type !== 'policyVersion') return document
        const copy = structuredClone(document) as typeof document & {
          snapshot: { categories: { cookies: { moreInfoUrl?: string; retention?: unknown }[] }[] }
        }
        for (const category of copy.snapshot.categories)
          for (const cookie of category.cookies) {
            cookie.moreInfoUrl = 'javascript:alert(document.domain)'
            delete cookie.retention
          }
        return withContentHash(copy)
      }),
    )
    const { instance } = service(poisoned)
    for (const format of ['catalog', 'vanilla-cookieconsent', 'klaro']) {
      const reply = await instance.reply('GET', `lang=fr&format=${format}`, {})
      expect(reply.status, format).toBe(200)
      expect(reply.body!.toString('utf8'), format).not.toMatch(/javascript:/i)
    }
    const catalog = json((await instance.reply('GET', 'lang=fr', {})).body)
    const cookies = catalog.categories.flatMap(
      (category: { cookies: { moreInfoUrl: unknown }[] }) => category.cookies,
    )
    expect(new Set(cookies.map((cookie: { moreInfoUrl: unknown }) => cookie.moreInfoUrl))).toEqual(
      new Set([null]),
    )
  })
})
