// POST /api/consent and GET /api/consent/{consentId}, on both stores: a valid choice is recorded once and
// read back; every bad input gets a 4xx naming the field, and nothing is stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGroqRunner } from '@cookie-policy/schemas/dataset'
import {
  createLedgerWriter,
  LedgerBusyError,
  openLedgerStore,
  verifyLedger,
  type LedgerStore,
} from '@cookie-policy/schemas/ledger'
import {
  createTestStore,
  tamper,
  TEST_STORE_KINDS,
  type TestStore,
} from '@cookie-policy/schemas/ledger/testing'
import { browserFamily, createConsentApi } from '../src/lib/consent/api'
import { json, seed, threeVersions } from './helpers'

const VISITOR = '3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77'
const BANNER = 'ab'.repeat(32)
const SECRET = Buffer.from('a test secret of thirty-two bytes')
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'

const choice = {
  consentId: VISITOR,
  policy: 'cookies',
  version: 1,
  consentRevision: 1,
  lang: 'fr',
  accepted: ['necessary', 'analytics'],
  rejected: ['functionality'],
  action: 'custom',
  gpc: false,
}

describe.each(TEST_STORE_KINDS)('the consent endpoints on %s', (kind) => {
  let test: TestStore
  let store: LedgerStore

  beforeEach(async () => {
    test = await createTestStore(kind)
    store = await openLedgerStore(test.config)
  })
  afterEach(async () => {
    await store.close()
    await test.remove()
  })

  function api(documents = seed) {
    return createConsentApi({
      runQuery: createGroqRunner(documents),
      generation: () => 0,
      ledger: async () => ({ store, writer: createLedgerWriter(store) }),
      bannerHash: () => BANNER,
      secret: async () => SECRET,
      cookieName: 'cookie_validation',
    })
  }

  const post = (
    instance: ReturnType<typeof api>,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    instance.reply(
      'POST',
      '',
      { contentType: 'application/json', userAgent: FIREFOX, ...headers },
      async () => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    )

  it('records a choice once it is durable, and gives it back to its visitor', async () => {
    const instance = api()
    const created = await post(instance, choice, { secGpc: '1' })
    expect(created.status).toBe(201)
    expect(created.headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
      Location: `/api/consent/${VISITOR}`,
    })
    const { receipt } = json(created)
    expect(Object.keys(receipt)).toEqual([
      'id',
      'consentId',
      'recordedAt',
      'hash',
      'token',
      'contentHash',
      'bannerHash',
    ])
    // Bound to what the visitor was shown: version 1's content hash, the French banner text's hash.
    const published = seed.find((document) => document._id === 'policyVersion-cookies-1') as {
      contentHash?: string
    }
    expect(receipt.contentHash).toBe(published.contentHash)
    expect(receipt.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(receipt.bannerHash).toMatch(/^[0-9a-f]{64}$/)
    const english = json(
      await post(instance, {
        ...choice,
        consentId: '9b2e7c10-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
        lang: 'en',
      }),
    ).receipt
    expect([english.contentHash, english.bannerHash === receipt.bannerHash]).toEqual([
      receipt.contentHash,
      false,
    ])
    expect(receipt.consentId).toBe(VISITOR)

    const read = await instance.reply('GET', `/${VISITOR}`, {}, async () => Buffer.alloc(0))
    expect(read.status).toBe(200)
    expect(read.headers['Cache-Control']).toBe('no-store')
    const { records } = json(read)
    expect(records).toEqual([
      {
        seq: 1,
        id: receipt.id,
        kind: 'consent',
        consentId: VISITOR,
        recordedAt: receipt.recordedAt,
        policy: 'cookies',
        version: 1,
        consentRevision: 1,
        lang: 'fr',
        accepted: ['analytics', 'necessary'],
        rejected: ['functionality'],
        action: 'custom',
        // The browser sent Sec-GPC: 1, whatever the body said.
        gpc: true,
        banner: BANNER,
        contentHash: receipt.contentHash,
        bannerHash: receipt.bannerHash,
        browser: 'Firefox',
        reasked: null,
        carried: null,
        checkpoint: null,
        prevHash: '0'.repeat(64),
        hash: receipt.hash,
      },
    ])

    await post(instance, {
      ...choice,
      token: receipt.token,
      action: 'withdraw',
      accepted: ['necessary'],
      rejected: ['analytics', 'functionality'],
    })
    const after = json(await instance.reply('GET', `/${VISITOR}`, {}, async () => Buffer.alloc(0)))
    expect(after.records.map((record: { action: string }) => record.action)).toEqual([
      'withdraw',
      'custom',
    ])
  })

  it.each([
    [{ ...choice, consentId: 'not-a-uuid' }, 'consentId', 'consentId: must be a UUID v4'],
    [
      { ...choice, consentId: '3f0c1a52-6a8e-1c35-9d7e-0b6f4c1e2a77' },
      'consentId',
      'consentId: must be a UUID v4',
    ],
    [{ ...choice, policy: 'nope' }, 'policy', 'policy: There is no policy "nope".'],
    [{ ...choice, version: 9 }, 'version', 'version: Policy "cookies" has no version 9.'],
    [
      { ...choice, consentRevision: 0 },
      'consentRevision',
      'consentRevision: version 1 of "cookies" asks for consent revision 1, not 0',
    ],
    [
      { ...choice, accepted: ['necessary', 'marketing'] },
      'accepted',
      'accepted: "marketing" is not a category of version 1 (necessary, analytics, functionality)',
    ],
    [
      { ...choice, accepted: ['analytics'], rejected: ['necessary', 'functionality'] },
      'rejected',
      'rejected: "necessary" is strictly necessary: it cannot be refused',
    ],
    [
      { ...choice, rejected: [] },
      'accepted',
      'accepted: "functionality" is neither accepted nor rejected',
    ],
    [
      { ...choice, action: 'accept-all' },
      'action',
      'action: "accept-all" with categories rejected',
    ],
    [{ ...choice, action: 'gpc' }, 'action', 'action: "gpc" with optional categories accepted'],
    [
      { ...choice, action: 'maybe' },
      'action',
      'action: Invalid option: expected one of "accept-all"|"reject-all"|"custom"|"withdraw"|"gpc"',
    ],
    [{ ...choice, lang: 'es' }, 'lang', 'lang: Invalid option: expected one of "fr"|"en"'],
    [{ ...choice, gpc: 'yes' }, 'gpc', 'gpc: Invalid input: expected boolean, received string'],
    [{ ...choice, ip: '203.0.113.7' }, 'ip', 'ip: "ip" is not a field of a consent'],
  ])('refuses %j: 422 naming %s, nothing stored', async (body, field, message) => {
    const reply = await post(api(), body)
    expect(reply.status).toBe(422)
    expect(json(reply)).toEqual({ error: { code: 'invalid_field', message, field } })
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 0 })
  })

  it('takes a later choice for a consent ID only with the token of its first receipt', async () => {
    const instance = api()
    const first = json(await post(instance, choice))
    expect(first.receipt.token).toMatch(/^[\w-]{43}$/)
    const refuse = {
      ...choice,
      action: 'reject-all',
      accepted: ['necessary'],
      rejected: ['analytics', 'functionality'],
    }
    // Someone who learnt the ID: without the token, or with another ID's, nothing is stored.
    const other = json(
      await post(instance, { ...choice, consentId: '9b2e7c10-3d4f-4a5b-8c6d-7e8f9a0b1c2d' }),
    )
    const answers = [
      await post(instance, refuse),
      await post(instance, { ...refuse, token: other.receipt.token }),
      await post(instance, { ...refuse, token: 'x'.repeat(43) }),
    ].map((reply) => [reply.status, json(reply).error.code, json(reply).error.field])
    expect(answers).toEqual([
      [403, 'token_required', 'token'],
      [403, 'invalid_token', 'token'],
      [403, 'invalid_token', 'token'],
    ])
    expect((await store.find(VISITOR)).map((record) => record.action)).toEqual(['custom'])
    // Its owner goes on, and gets the same token back.
    const second = json(await post(instance, { ...refuse, token: first.receipt.token }))
    expect(second.receipt.token).toBe(first.receipt.token)
    expect((await store.find(VISITOR)).map((record) => record.action)).toEqual([
      'reject-all',
      'custom',
    ])
  })

  it('answers 503 store_busy, with nothing stored, when too many choices wait for the store', async () => {
    const instance = createConsentApi({
      runQuery: createGroqRunner(seed),
      generation: () => 0,
      ledger: async () => ({
        store,
        writer: { append: () => Promise.reject(new LedgerBusyError('10000 choices are waiting')) },
      }),
      bannerHash: () => BANNER,
      secret: async () => SECRET,
      cookieName: 'cookie_validation',
    })
    const reply = await post(instance, choice)
    expect([reply.status, json(reply).error.code, reply.headers['Retry-After']]).toEqual([
      503,
      'store_busy',
      '5',
    ])
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 0 })
  })

  it('keeps a consent ID sent in capitals as the banner writes it, in lower case', async () => {
    const instance = api()
    const created = json(await post(instance, { ...choice, consentId: VISITOR.toUpperCase() }))
    expect(created.receipt.consentId).toBe(VISITOR)
    const read = await instance.reply('GET', `/${VISITOR.toUpperCase()}`, {}, async () =>
      Buffer.alloc(0),
    )
    expect([read.status, json(read).records.length]).toEqual([200, 1])
  })

  it('answers 503, with nothing stored, when the content cannot be read', async () => {
    const instance = createConsentApi({
      runQuery: async () => {
        throw new Error('the Content Lake did not answer')
      },
      generation: () => 0,
      ledger: async () => ({ store, writer: createLedgerWriter(store) }),
      bannerHash: () => BANNER,
      secret: async () => SECRET,
      cookieName: 'cookie_validation',
    })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const reply = await post(instance, choice)
    expect(logged).toHaveBeenCalledWith('consent: the Content Lake did not answer')
    logged.mockRestore()
    expect(reply.status).toBe(503)
    expect(reply.headers).toMatchObject({ 'Retry-After': '5', 'Access-Control-Allow-Origin': '*' })
    expect(json(reply).error.code).toBe('store_unavailable')
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 0 })
  })

  it('refuses a body that is not JSON, not declared JSON, or too large', async () => {
    const instance = api()
    const notJson = await post(instance, '{"consentId": ')
    expect(notJson.status).toBe(400)
    expect(json(notJson).error).toMatchObject({ code: 'invalid_json', field: 'body' })

    const text = await post(instance, choice, { contentType: 'text/plain;charset=UTF-8' })
    expect(text.status).toBe(415)
    expect(json(text).error).toEqual({
      code: 'unsupported_media_type',
      message: 'Content-Type "text/plain;charset=UTF-8" is not application/json.',
      field: 'Content-Type',
    })

    const large = await post(instance, { ...choice, padding: 'x'.repeat(9000) })
    expect(large.status).toBe(413)
    expect(json(large).error.code).toBe('body_too_large')
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 0 })
  })

  it('checks a choice against the catalog of the version the visitor was shown', async () => {
    // Version 3 of this fixture adds advertising and asks for consent again (revision 3).
    const instance = api(threeVersions)
    const third = {
      ...choice,
      version: 3,
      consentRevision: 3,
      rejected: ['functionality', 'advertising'],
    }
    const first = await post(instance, third)
    expect(first.status).toBe(201)
    const { token } = json(first).receipt
    expect(
      (await post(instance, { ...choice, version: 2, consentRevision: 2, token })).status,
    ).toBe(201)
    expect(json(await post(instance, { ...third, consentRevision: 1 })).error.message).toBe(
      'consentRevision: version 3 of "cookies" asks for consent revision 3, not 1',
    )
    expect(
      json(await post(instance, { ...third, version: 2, consentRevision: 2 })).error.message,
    ).toBe(
      'rejected: "advertising" is not a category of version 2 (necessary, analytics, functionality)',
    )
    expect(
      json(await post(instance, { ...choice, version: 3, consentRevision: 3 })).error.message,
    ).toBe('accepted: "advertising" is neither accepted nor rejected')
  })

  it('records a re-consent: the categories asked again and the answers carried, bound in the chain', async () => {
    // Version 2 of this fixture added an analytics cookie: a visitor of version 1 is asked about it only.
    const instance = api(threeVersions)
    const first = await post(instance, {
      ...choice,
      accepted: ['necessary', 'analytics', 'functionality'],
      rejected: [],
      action: 'accept-all',
    })
    const { token } = json(first).receipt
    const again = {
      ...choice,
      version: 2,
      consentRevision: 2,
      token,
      accepted: ['necessary', 'functionality'],
      rejected: ['analytics'],
      action: 'custom',
      reasked: ['analytics'],
      carried: [{ category: 'functionality', accepted: true, version: 1 }],
    }
    const refusals: [Record<string, unknown>, string][] = [
      [{ carried: undefined }, 'carried: "reasked" comes with "carried"'],
      [{ reasked: undefined }, 'carried: "carried" comes with "reasked" only'],
      [
        { reasked: ['analytics', 'functionality'] },
        'carried: "functionality" is both asked again and carried',
      ],
      [{ reasked: [] }, 'reasked: a re-consent asks again about one category at least'],
      [
        {
          reasked: ['functionality'],
          carried: [{ category: 'analytics', accepted: true, version: 1 }],
          accepted: ['necessary', 'analytics', 'functionality'],
          rejected: [],
          action: 'accept-all',
        },
        'carried: "analytics" changed materially at version 2: an acceptance from version 1 must be asked again, not carried',
      ],
      [
        { reasked: ['necessary'] },
        'reasked: "necessary" is not a category a visitor may refuse in version 2 (analytics, functionality)',
      ],
      [
        { carried: [{ category: 'functionality', accepted: false, version: 1 }] },
        'carried: "functionality" is carried as rejected but is not',
      ],
      [
        { carried: [{ category: 'functionality', accepted: true, version: 3 }] },
        'carried: "functionality" is carried from version 3: an answer carried forward was given at an earlier version than 2',
      ],
    ]
    for (const [change, message] of refusals) {
      const refused = await post(instance, { ...again, ...change })
      expect([refused.status, json(refused).error.message]).toEqual([422, message])
    }
    // A re-consent needs earlier choices of its own: a new consent ID cannot claim carried answers.
    const stranger = await post(instance, {
      ...again,
      consentId: '44444444-4444-4444-8444-444444444444',
      token: undefined,
    })
    expect([stranger.status, json(stranger).error.message]).toEqual([
      422,
      'reasked: a re-consent follows earlier choices, and this consent ID has none',
    ])
    const saved = await post(instance, again)
    expect(saved.status).toBe(201)
    const [latest] = await store.find(VISITOR)
    expect(latest).toMatchObject({
      version: 2,
      accepted: ['functionality', 'necessary'],
      rejected: ['analytics'],
      reasked: ['analytics'],
      carried: [{ category: 'functionality', accepted: true, version: 1 }],
    })
    expect(await verifyLedger(store)).toMatchObject({ ok: true, records: 2 })
    // What the visitor read when asked again (what changed, the buttons) is bound to the record too.
    const shown = (await store.shownContent(latest!.bannerHash!))!
    expect(JSON.parse(shown).reconsent).toMatchObject({
      changedTitle: 'Ce qui a changé depuis votre choix du {date}',
      categories: { analytics: { revision: 2, changed: 'Cookie ajouté : _ga_*.' } },
    })
    // The carried answer is in the chain: changing it behind the ledger's back breaks the record's hash.
    await tamper(
      test.config,
      `UPDATE consent_records SET carried = '[{"category":"functionality","accepted":true,"version":2}]' WHERE seq = 2`,
    )
    expect(await verifyLedger(store)).toMatchObject({ ok: false, bad: { seq: 2 } })
  })

  it('counts the choices in force per category for editors: each visitor’s latest, six months back', async () => {
    const instance = api()
    const entry = (consentId: string, accepted: string[]) => ({
      ...choice,
      consentId,
      accepted: ['necessary', ...accepted],
      rejected: ['analytics', 'functionality'].filter((key) => !accepted.includes(key)),
      action: 'custom' as const,
      banner: null,
      browser: null,
      contentHash: null,
      bannerHash: null,
    })
    const [a, b, c] = [
      '11111111-1111-4111-8111-111111111111',
      '22222222-2222-4222-8222-222222222222',
      '33333333-3333-4333-8333-333333333333',
    ]
    // c chose seven months ago: their choice has left the browser.
    await store.append(
      [entry(c, ['analytics'])],
      new Date(Date.now() - 210 * 86_400_000).toISOString(),
    )
    await store.append([entry(a, ['analytics', 'functionality']), entry(b, ['functionality'])])
    // a changed their mind: only their latest choice counts.
    await store.append([entry(a, ['functionality'])])
    await store.append([{ ...entry(b, ['analytics']), policy: 'uk-cookies' }])
    const get = (path: string) => instance.reply('GET', path, {}, async () => Buffer.alloc(0))
    const counted = await get('/counts/cookies')
    expect(counted.status).toBe(200)
    expect(counted.headers['Cache-Control']).toBe('public, max-age=300')
    expect(json(counted)).toMatchObject({
      policy: 'cookies',
      choices: 2,
      accepted: { necessary: 2, functionality: 2 },
    })
    expect(json(counted).accepted).not.toHaveProperty('analytics')
    expect(json(await get('/counts/nothing-here')).error.code).toBe('policy_not_found')
    expect((await get('/counts/..%2F')).status).toBe(404)
    // Made-up names, however many, do not push the real count out: it is kept its five minutes, not
    // counted again (a new choice since then is not in it yet).
    await store.append([entry('44444444-4444-4444-8444-444444444444', ['functionality'])])
    for (let i = 0; i < 40; i++) expect((await get(`/counts/made-up-${i}`)).status).toBe(404)
    expect(json(await get('/counts/cookies')).choices).toBe(2)
  })

  it('answers a visitor without records 404, a malformed ID 400, and the preflight', async () => {
    const instance = api()
    const none = await instance.reply('GET', `/${VISITOR}`, {}, async () => Buffer.alloc(0))
    expect(none.status).toBe(404)
    expect(json(none).error.code).toBe('not_found')
    const bad = await instance.reply('GET', '/12345', {}, async () => Buffer.alloc(0))
    expect([bad.status, json(bad).error.field]).toEqual([400, 'consentId'])
    const wrong = await instance.reply('DELETE', `/${VISITOR}`, {}, async () => Buffer.alloc(0))
    expect(wrong.status).toBe(405)
    const preflight = await instance.reply('OPTIONS', '', {}, async () => Buffer.alloc(0))
    expect(preflight.status).toBe(204)
    expect(preflight.headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
    })
  })
})

describe('the browser family kept with a record', () => {
  it.each([
    [FIREFOX, 'Firefox'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      'Chrome',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'Safari',
    ],
    ['curl/8.5.0', 'other'],
  ])('%s is %s', (userAgent, family) => {
    expect(browserFamily(userAgent)).toBe(family)
  })
})
