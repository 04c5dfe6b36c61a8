// The Sanity webhook: a signed call refreshes the catalog at once; anything else changes nothing.
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encodeSignatureHeader } from '@sanity/webhook'
import { describe, expect, it } from 'vitest'
import { handleWebhook, readLimitedBody, serveWebhook } from '../src/lib/catalog/webhook'
import { countingService, json } from './helpers'

const service = () =>
  countingService(undefined, { contentVersion: async () => null, ttlMs: 3_600_000, now: Date.now })
const body = JSON.stringify({ _id: 'policyVersion-cookies-2', _type: 'policyVersion' })

describe('POST /api/revalidate (Sanity webhook)', () => {
  it('recomputes the catalog at once on a validly signed call', async () => {
    const { instance, queries } = service()
    await instance.reply('GET', 'lang=fr', {})
    await instance.reply('GET', 'lang=fr', {})
    const before = queries()
    const signature = await encodeSignatureHeader(body, Date.now(), 'shh')
    const reply = await handleWebhook(instance, { method: 'POST', body, signature }, 'shh')
    expect(reply.status).toBe(200)
    expect(json(reply)).toMatchObject({ revalidated: true })
    await instance.reply('GET', 'lang=fr', {})
    expect(queries()).toBeGreaterThan(before)
  })

  it.each([
    ['no secret configured', 'POST', 'sig', undefined, 404, 'webhook_disabled'],
    ['a GET', 'GET', 'sig', 'shh', 405, 'method_not_allowed'],
    ['no signature', 'POST', null, 'shh', 401, 'missing_signature'],
    ['a wrong signature', 'POST', 't=1,v1=bad', 'shh', 401, 'invalid_signature'],
  ])('refuses %s, changing nothing', async (_name, method, signature, secret, status, code) => {
    const { instance, queries } = service()
    await instance.reply('GET', 'lang=fr', {})
    const before = queries()
    const reply = await handleWebhook(instance, { method, body, signature }, secret)
    expect(reply.status).toBe(status)
    expect(json(reply).error.code).toBe(code)
    await instance.reply('GET', 'lang=fr', {})
    expect(queries()).toBe(before)
  })

  it('refuses a body signed with another secret', async () => {
    const { instance } = service()
    const signature = await encodeSignatureHeader(body, Date.now(), 'other')
    expect((await handleWebhook(instance, { method: 'POST', body, signature }, 'shh')).status).toBe(
      401,
    )
  })
})

describe('the webhook on the production server', () => {
  it('refuses a 50 MB POST with 413 at once, without reading it into memory', async () => {
    const { instance, queries } = service()
    const server = createServer((request, response) => {
      void serveWebhook(instance, request, response, 'shh')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const chunk = Buffer.alloc(64 * 1024, 'x')
    const total = 50 * 1024 * 1024
    const before = process.memoryUsage()
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve) => {
      let sent = 0
      const client = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/revalidate' },
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
    expect(queries()).toBe(0)
  })

  it('answers 413 from the declared length alone, before reading anything', async () => {
    const chunks = (async function* () {
      yield Buffer.from('never read')
      throw new Error('the body was read')
    })()
    expect(await readLimitedBody(chunks, String(2_000_000))).toBeNull()
    const small = (async function* () {
      yield Buffer.from('{"ok":true}')
    })()
    expect(await readLimitedBody(small, '11')).toBe('{"ok":true}')
  })
})
