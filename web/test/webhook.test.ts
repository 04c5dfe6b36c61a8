// The Sanity webhook: a signed call refreshes the catalog at once; anything else changes nothing.
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encodeSignatureHeader } from '@sanity/webhook'
import { describe, expect, it } from 'vitest'
import { readLimitedBody } from '@cookie-policy/schemas/node'
import { handleWebhook, type WebhookRequest } from '../src/lib/catalog/webhook'
import { serveNode } from '../src/lib/node'
import { countingService, json } from './helpers'

const service = () =>
  countingService(undefined, { contentVersion: async () => null, ttlMs: 3_600_000, now: Date.now })
const body = JSON.stringify({ _id: 'policyVersion-cookies-2', _type: 'policyVersion' })
let calls = 0

/** A webhook call; counts how often its body was read. Each call's body differs, as Sanity's do. */
function call(overrides: Partial<WebhookRequest> & { body?: string } = {}) {
  const text = overrides.body ?? body
  const reads = { count: 0 }
  const request: WebhookRequest = {
    method: 'POST',
    contentType: 'application/json',
    signature: null,
    readBody: async () => {
      reads.count++
      return Buffer.from(text)
    },
    ...overrides,
  }
  return { request, reads }
}

/** A body no other test signs, and its signature made `age` ms ago. */
async function signed(age = 0, secret = 'shh') {
  const text = JSON.stringify({ _id: `policyVersion-cookies-${++calls}`, _type: 'policyVersion' })
  return { body: text, signature: await encodeSignatureHeader(text, Date.now() - age, secret) }
}

describe('POST /api/revalidate (Sanity webhook)', () => {
  it('recomputes the catalog at once on a validly signed call', async () => {
    const { instance, queries } = service()
    await instance.reply('GET', 'lang=fr', {})
    await instance.reply('GET', 'lang=fr', {})
    const before = queries()
    const reply = await handleWebhook(instance, call(await signed()).request, 'shh')
    expect(reply.status).toBe(200)
    expect(json(reply)).toMatchObject({ revalidated: true })
    await instance.reply('GET', 'lang=fr', {})
    expect(queries()).toBeGreaterThan(before)
  })

  it.each([
    ['no secret configured', { signature: 'sig' }, undefined, 404, 'webhook_disabled'],
    ['a GET', { method: 'GET', signature: 'sig' }, 'shh', 405, 'method_not_allowed'],
    ['no signature', {}, 'shh', 401, 'missing_signature'],
    [
      'a text/plain body',
      { signature: 't=1,v1=x', contentType: 'text/plain' },
      'shh',
      415,
      'unsupported_type',
    ],
    ['an unreadable signature', { signature: 'v1=bad' }, 'shh', 401, 'invalid_signature'],
    ['a signature from 1970', { signature: 't=1,v1=bad' }, 'shh', 401, 'stale_signature'],
  ] as const)(
    'refuses %s before reading the body, changing nothing',
    async (_name, overrides, secret, status, code) => {
      const { instance, queries } = service()
      await instance.reply('GET', 'lang=fr', {})
      const before = queries()
      const { request, reads } = call(overrides)
      const reply = await handleWebhook(instance, request, secret)
      expect(reply.status).toBe(status)
      expect(json(reply).error.code).toBe(code)
      expect(reads.count).toBe(0)
      await instance.reply('GET', 'lang=fr', {})
      expect(queries()).toBe(before)
    },
  )

  it('refuses a body signed with another secret', async () => {
    const { instance } = service()
    const reply = await handleWebhook(instance, call(await signed(0, 'other')).request, 'shh')
    expect(reply.status).toBe(401)
    expect(json(reply).error.code).toBe('invalid_signature')
  })

  it('refuses a signed call captured six minutes ago, and a replay of a fresh one', async () => {
    const { instance, queries } = service()
    await instance.reply('GET', 'lang=fr', {})
    const old = await handleWebhook(instance, call(await signed(6 * 60_000)).request, 'shh')
    expect([old.status, json(old).error.code]).toEqual([401, 'stale_signature'])
    const fresh = await signed(60_000)
    expect((await handleWebhook(instance, call(fresh).request, 'shh')).status).toBe(200)
    await instance.reply('GET', 'lang=fr', {})
    const afterFirst = queries()
    const replay = await handleWebhook(instance, call(fresh).request, 'shh')
    expect([replay.status, json(replay).error.code]).toEqual([401, 'replayed_signature'])
    await instance.reply('GET', 'lang=fr', {})
    expect(queries()).toBe(afterFirst)
  })
})

describe('the webhook on the production server', () => {
  it('refuses a 50 MB POST with 413 at once, without reading it into memory', async () => {
    // The site's handler on a Node server, as the production server runs it.
    process.env.SANITY_WEBHOOK_SECRET = 'shh'
    const { createSite } = await import('../src/lib/site')
    const site = createSite()
    const server = createServer((request, response) =>
      serveNode(site, request, response, () => {
        throw new Error('the webhook is the site’s own')
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const chunk = Buffer.alloc(64 * 1024, 'x')
    const total = 50 * 1024 * 1024
    const before = process.memoryUsage()
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve) => {
      let sent = 0
      const client = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/revalidate',
          headers: {
            'content-type': 'application/json',
            'sanity-webhook-signature': `t=${Date.now()},v1=unchecked`,
          },
        },
        (response) => {
          let body = ''
          response.on('data', (data: Buffer) => (body += data))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }))
        },
      )
      client.on('error', () => undefined)
      const write = () => {
        while (sent < total) {
          sent += chunk.length
          if (!client.write(chunk)) return void client.once('drain', write)
        }
        client.end()
      }
      write()
    })
    const after = process.memoryUsage()
    server.close()
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.code).toBe('body_too_large')
    // Answered long before the client could send it all, and without holding it.
    expect(answer.sent).toBeLessThan(total)
    expect(
      after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers),
    ).toBeLessThan(10 * 1024 * 1024)
  })

  it('answers 413 from the declared length alone, before reading anything', async () => {
    const chunks = (async function* () {
      yield Buffer.from('never read')
      throw new Error('the body was read')
    })()
    expect(await readLimitedBody(chunks, String(2_000_000), 1_000_000)).toBeNull()
    const small = (async function* () {
      yield Buffer.from('{"ok":true}')
    })()
    expect(String(await readLimitedBody(small, '11', 1_000_000))).toBe('{"ok":true}')
  })
})
