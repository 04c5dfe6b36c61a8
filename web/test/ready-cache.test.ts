// The one cache of ready answers, shared by the catalog and the pages: made once per content generation and
// until midnight, however many ask at once; the last good answer while the content cannot be read; misses
// that cannot push real answers out.
import { describe, expect, it } from 'vitest'
import { createReadyCache, prepareReady, type Ready, type Reply } from '../src/lib/readyBytes'

function setup(answers: Record<string, number | Error | Reply>) {
  let generation = 1
  let time = 1_000
  const made: string[] = []
  const cache = createReadyCache<string>({
    keyOf: (key) => key,
    generation: () => generation,
    now: () => time,
    maxBytes: 1024 * 1024,
    make: async (key, forGeneration): Promise<Ready | Reply> => {
      made.push(key)
      const answer = answers[key]
      if (answer instanceof Error) throw answer
      if (typeof answer === 'object') return answer
      return prepareReady({
        status: answer ?? 404,
        body: Buffer.from(`${key} @${forGeneration}`),
        headers: { 'Content-Type': 'text/plain' },
        generation: forGeneration,
        expiresAt: 5_000,
      })
    },
  })
  const get = (key: string, headers: { ifNoneMatch?: string; acceptEncoding?: string } = {}) =>
    cache.reply('GET', key, headers)
  return {
    cache,
    get,
    made,
    answers,
    nextGeneration: () => generation++,
    at: (ms: number) => (time = ms),
  }
}

describe('the ready cache', () => {
  it('makes an answer once per generation and until it expires, and answers 304 to its ETag', async () => {
    const site = setup({ a: 200 })
    const first = await site.get('a')
    expect([first.status, first.body?.toString()]).toEqual([200, 'a @1'])
    expect(site.cache.kept('GET', 'a', {})?.body?.toString()).toBe('a @1')
    const again = await site.get('a', { ifNoneMatch: first.headers.ETag })
    expect([again.status, again.body]).toEqual([304, null])
    expect(site.made).toEqual(['a'])
    site.nextGeneration()
    expect(site.cache.kept('GET', 'a', {})).toBeNull()
    expect((await site.get('a')).body?.toString()).toBe('a @2')
    site.at(5_000)
    await site.get('a')
    expect(site.made).toEqual(['a', 'a', 'a'])
  })

  it('makes an answer once however many ask for it at the same time', async () => {
    const site = setup({ a: 200 })
    const replies = await Promise.all(Array.from({ length: 50 }, () => site.get('a')))
    expect(new Set(replies.map((reply) => reply.headers.ETag)).size).toBe(1)
    expect(site.made).toEqual(['a'])
  })

  it('serves the last good answer while the content cannot be read, and throws when it has none', async () => {
    const site = setup({ a: 200 })
    const good = await site.get('a')
    site.nextGeneration()
    site.answers.a = new Error('content lake down')
    expect((await site.get('a')).headers.ETag).toBe(good.headers.ETag)
    await expect(site.get('b-never-made', {})).resolves.toMatchObject({ status: 404 })
    site.answers.c = new Error('content lake down')
    await expect(site.get('c')).rejects.toThrow('content lake down')
  })

  it('passes a reply that is not ready bytes on once, without keeping it', async () => {
    const redirect: Reply = { status: 307, headers: { Location: '/fr/cookies' }, body: null }
    const site = setup({ r: redirect })
    expect(await site.get('r')).toEqual(redirect)
    expect(await site.get('r')).toEqual(redirect)
    expect(site.made).toEqual(['r', 'r'])
  })

  it('keeps at most 256 misses, and a flood of them never pushes a real answer out', async () => {
    const site = setup({ real: 200 })
    await site.get('real')
    for (let i = 0; i < 300; i++) await site.get(`missing-${i}`)
    expect(site.cache.kept('GET', 'real', {})?.status).toBe(200)
    expect(site.cache.kept('GET', 'missing-299', {})?.status).toBe(404)
    expect(site.cache.kept('GET', 'missing-0', {})).toBeNull()
    expect(site.cache.kept('GET', 'missing-43', {})).toBeNull()
    expect(site.cache.kept('GET', 'missing-44', {})?.status).toBe(404)
  })

  it('answers HEAD with the headers and no body', async () => {
    const site = setup({ a: 200 })
    const head = await site.cache.reply('HEAD', 'a', { acceptEncoding: 'br' })
    expect([head.status, head.body, head.headers['Content-Encoding']]).toEqual([200, null, 'br'])
  })
})
