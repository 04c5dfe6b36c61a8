// Flood limits on POST /api/consent, through the site's handler on a Node server as production runs it: one
// client is held to its limit while another keeps recording; clients are told apart by their loopback
// addresses (127.0.0.2, 127.0.0.3). Behind a trusted proxy, the address it reports is the client.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  clientAddress,
  consentRateLimit,
  createRateLimiter,
  trustedProxies,
} from '../src/lib/consent/limit'
import { serveNode } from '../src/lib/node'

let server: Server
let port: number
let store: string

beforeAll(async () => {
  store = mkdtempSync(`${tmpdir()}/cookie-policy-limits-`)
  process.env.POLICY_DATASET = fileURLToPath(
    new URL('../../content/dataset.ndjson', import.meta.url),
  )
  process.env.CONSENT_STORE = store
  process.env.DATABASE_URL = ''
  process.env.CONSENT_RATE_LIMIT = '5'
  process.env.TRUSTED_PROXIES = '127.0.0.4'
  const { createSite } = await import('../src/lib/site')
  const site = createSite()
  server = createServer((incoming, outgoing) =>
    serveNode(site, incoming, outgoing, () => {
      throw new Error('every consent is the site’s own')
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  rmSync(store, { recursive: true, force: true })
})

/** A first choice for a new visitor, sent from `from`. */
function choose(from: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({
    consentId: randomUUID(),
    policy: 'cookies',
    version: 1,
    consentRevision: 1,
    lang: 'fr',
    accepted: ['necessary'],
    rejected: ['analytics', 'functionality'],
    action: 'reject-all',
    gpc: false,
  })
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/consent',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (answer) => {
        answer.resume()
        answer.on('end', () =>
          resolve({ status: answer.statusCode ?? 0, retryAfter: answer.headers['retry-after'] }),
        )
      },
    )
    sent.on('error', reject)
    sent.end(body)
  })
}

describe('flood limits on POST /api/consent', () => {
  it('holds one client to its limit while another keeps recording', async () => {
    const flood = []
    for (let i = 0; i < 8; i++) flood.push(await choose('127.0.0.2'))
    expect(flood.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 429, 429, 429])
    expect(Number(flood[5]!.retryAfter)).toBeGreaterThanOrEqual(1)
    expect((await choose('127.0.0.3')).status).toBe(201)
  })

  it('behind a trusted proxy, limits the address it reports, not the proxy', async () => {
    const viaProxy = (client: string) => choose('127.0.0.4', { 'x-forwarded-for': client })
    const first = []
    for (let i = 0; i < 6; i++) first.push((await viaProxy('203.0.113.7')).status)
    expect(first).toEqual([201, 201, 201, 201, 201, 429])
    expect((await viaProxy('203.0.113.8')).status).toBe(201)
    // A client that is not a proxy cannot choose its address.
    const forged = []
    for (let i = 0; i < 6; i++)
      forged.push((await choose('127.0.0.5', { 'x-forwarded-for': `198.51.100.${i}` })).status)
    expect(forged).toEqual([201, 201, 201, 201, 201, 429])
  })
})

describe('the limiter', () => {
  it('refills a client’s allowance with time, and forgets nobody’s address in clear', () => {
    let time = 0
    const limiter = createRateLimiter(60, () => time)!
    const taken = Array.from({ length: 61 }, () => limiter.take('192.0.2.1'))
    expect(taken.slice(0, 60).every((wait) => wait === 0)).toBe(true)
    expect(taken[60]).toBe(1)
    time += 1000
    expect(limiter.take('192.0.2.1')).toBe(0)
    expect(limiter.take('192.0.2.1')).toBe(1)
    expect(createRateLimiter(0)).toBeNull()
  })

  it('reads its settings strictly', () => {
    expect(consentRateLimit('')).toBe(60)
    expect(consentRateLimit('0')).toBe(0)
    expect(() => consentRateLimit('lots')).toThrow(
      'CONSENT_RATE_LIMIT: "lots" is not a whole number of choices a minute (0: no limit)',
    )
    expect(() => trustedProxies('10.0.0.1, proxy.local')).toThrow(
      'TRUSTED_PROXIES: "proxy.local" is not an IP address (list them, comma-separated)',
    )
    const trusted = trustedProxies('10.0.0.1,10.0.0.2')
    expect(clientAddress('::ffff:10.0.0.1', '198.51.100.9, 10.0.0.2', trusted)).toBe('198.51.100.9')
    expect(clientAddress('10.0.0.1', 'not-an-address', trusted)).toBe('10.0.0.1')
    expect(clientAddress('10.0.0.1', '198.51.100.9, junk, 10.0.0.2', trusted)).toBe('10.0.0.2')
    expect(clientAddress('192.0.2.5', '198.51.100.9', trusted)).toBe('192.0.2.5')
  })
})
