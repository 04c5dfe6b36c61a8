// The Studio's preview links with the Content Lake: a short-lived secret the Studio wrote, read back with the
// site's token from a loopback stand-in for the Content Lake (groq-js), as @sanity/preview-url-secret asks it.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { evaluate, parse } from 'groq-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const now = Date.now()
const secrets = [
  {
    _id: 'sanity-preview-url-secret.a',
    _type: 'sanity.previewUrlSecret',
    secret: 'fresh',
    studioUrl: 'https://studio.example',
    _updatedAt: new Date(now - 60_000).toISOString(),
  },
  {
    _id: 'sanity-preview-url-secret.b',
    _type: 'sanity.previewUrlSecret',
    secret: 'stale',
    studioUrl: 'https://studio.example',
    _updatedAt: new Date(now - 2 * 3_600_000).toISOString(),
  },
]
const tokens: (string | undefined)[] = []

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://lake')
  tokens.push(request.headers.authorization)
  const params = Object.fromEntries(
    [...url.searchParams]
      .filter(([key]) => key.startsWith('$'))
      .map(([key, value]) => [key.slice(1), JSON.parse(value)]),
  )
  void (async () => {
    const value = await evaluate(parse(url.searchParams.get('query') ?? '', { params }), {
      dataset: secrets,
      params,
    })
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify({ result: await value.get(), ms: 1 }))
  })()
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  Object.assign(process.env, {
    SANITY_PROJECT_ID: 'testproject',
    SANITY_DATASET: 'production',
    SANITY_API_HOST: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    SANITY_API_READ_TOKEN: 'viewer-token',
  })
})
afterAll(async () => {
  for (const name of [
    'SANITY_PROJECT_ID',
    'SANITY_DATASET',
    'SANITY_API_HOST',
    'SANITY_API_READ_TOKEN',
  ])
    delete process.env[name]
  await new Promise((resolve) => server.close(resolve))
})

describe('a preview link from the Studio', () => {
  const link = (secret: string, pathname: string) =>
    new URL(
      `https://policy.example.com/api/draft-mode/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(pathname)}`,
    )

  it('opens with a fresh secret, read with the site token, and leads to this site only', async () => {
    const { previewTarget } = await import('../src/lib/draftLink')
    expect(await previewTarget(link('fresh', '/fr/cookies'))).toBe('/fr/cookies')
    expect(tokens.at(-1)).toBe('Bearer viewer-token')
    // Another site's address keeps only its path: the link never leaves this site.
    expect(await previewTarget(link('fresh', '//evil.example/x'))).toBe('/x')
  })

  it('refuses an expired, unknown or missing secret', async () => {
    const { previewTarget } = await import('../src/lib/draftLink')
    expect(await previewTarget(link('stale', '/fr/cookies'))).toBeNull()
    expect(await previewTarget(link('unknown', '/fr/cookies'))).toBeNull()
    expect(
      await previewTarget(new URL('https://policy.example.com/api/draft-mode/enable')),
    ).toBeNull()
  })
})
