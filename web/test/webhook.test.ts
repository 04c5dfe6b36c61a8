// The Sanity webhook: a signed call refreshes the catalog at once; anything else changes nothing.
import { encodeSignatureHeader } from '@sanity/webhook'
import { describe, expect, it } from 'vitest'
import { handleWebhook } from '../src/lib/catalog/webhook'
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
