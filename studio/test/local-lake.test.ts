// The local Content Lake over HTTP on loopback, as the Studio uses it in local mode: on a copy of the seed's
// dataset, through @sanity/client where the Studio uses it, and raw HTTP for the listener streams.
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseNdjson, serializeNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'
import { LOCAL_API_PATH, LOCAL_DATASET, LOCAL_PROJECT_ID } from '../local/constants'
import { lakeHandler } from '../local/http'
import { LocalLake } from '../local/lake'

const SEED = new URL('../../content/dataset.ndjson', import.meta.url)
const COOKIE = 'cookie-cookies-im_mkt_tracking'
const DRAFT = `drafts.${COOKIE}`

let folder: string
let file: string
let server: Server
let base: string
let client: SanityClient
let logged: string[]
let lake: LocalLake

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'local-lake-'))
  file = join(folder, 'dataset.ndjson')
  copyFileSync(SEED, file)
  logged = []
  lake = new LocalLake(file)
  const handler = lakeHandler(lake, (line) => logged.push(line))
  server = createServer((request, response) => {
    request.url = request.url!.slice(LOCAL_API_PATH.length)
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${LOCAL_API_PATH}`
  client = createClient({
    projectId: LOCAL_PROJECT_ID,
    dataset: LOCAL_DATASET,
    apiHost: base,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
  })
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  rmSync(folder, { recursive: true, force: true })
})

const stored = () => parseNdjson(readFileSync(file), file)
const storedById = (id: string) => stored().find((document) => document._id === id)

async function act(actions: object[], transactionId?: string) {
  const response = await fetch(`${base}/v2025-02-19/data/actions/${LOCAL_DATASET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ actions, transactionId }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const edit = (patch: object) => ({
  actionType: 'sanity.action.document.edit',
  draftId: DRAFT,
  publishedId: COOKIE,
  patch,
})
const publish = {
  actionType: 'sanity.action.document.publish',
  draftId: DRAFT,
  publishedId: COOKIE,
}

/** Server-sent events of a stream, parsed as they arrive. */
async function* events(url: string, signal: AbortSignal) {
  const response = await fetch(url, { signal })
  const decoder = new TextDecoder()
  let text = ''
  const reader = response.body!.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value, { stream: true })
    for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n')) {
      const block = text.slice(0, end)
      text = text.slice(end + 2)
      const name = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (name && data) yield { name, data: JSON.parse(data) as Record<string, unknown> }
    }
  }
}

/** The next `count` events of a stream. */
async function take(
  stream: AsyncGenerator<{ name: string; data: Record<string, unknown> }>,
  count: number,
) {
  const taken = []
  while (taken.length < count) taken.push((await stream.next()).value!)
  return taken
}

describe('the local Content Lake', () => {
  it('answers GROQ over the perspective asked: published, drafts standing in, or raw', async () => {
    await act([edit({ set: { 'retention.amount': 2 } })])
    const query = '*[_id in [$id, "drafts." + $id]]{_id, "amount": retention.amount}'
    const ask = (perspective: 'published' | 'drafts' | 'raw') =>
      client.withConfig({ perspective }).fetch(query, { id: COOKIE })
    expect(await ask('published')).toEqual([{ _id: COOKIE, amount: 1 }])
    expect(await ask('drafts')).toEqual([{ _id: COOKIE, amount: 2 }])
    expect(await ask('raw')).toEqual(
      expect.arrayContaining([
        { _id: COOKIE, amount: 1 },
        { _id: DRAFT, amount: 2 },
      ]),
    )
    expect(await client.getDocuments([COOKIE, 'no-such-document'])).toEqual([
      expect.objectContaining({ _id: COOKIE, name: 'im_mkt_tracking' }),
      null,
    ])
  })

  it('edits make a draft, publishing replaces the published document: each write a new _rev, saved to the file', async () => {
    const before = readFileSync(file, 'utf8')
    const edited = await act(
      [edit({ set: { 'retention.amount': 13, 'retention.unit': 'month' } })],
      'tx-edit',
    )
    expect(edited).toEqual({ status: 200, body: { transactionId: 'tx-edit' } })
    expect(storedById(DRAFT)).toMatchObject({
      _rev: 'tx-edit',
      retention: { amount: 13, unit: 'month' },
    })
    expect(storedById(COOKIE)?.retention).toEqual({
      _type: 'retention',
      amount: 1,
      kind: 'duration',
      unit: 'day',
    })

    expect(await act([publish], 'tx-publish')).toEqual({
      status: 200,
      body: { transactionId: 'tx-publish' },
    })
    expect(storedById(DRAFT)).toBeUndefined()
    const published = storedById(COOKIE)!
    expect(published).toMatchObject({
      _rev: 'tx-publish',
      retention: { amount: 13, unit: 'month' },
    })
    expect(published._updatedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/))
    // Only that document's line changed: the others are written back as they were read.
    const unchanged = (text: string) =>
      text.split('\n').filter((line) => !line.includes(`"_id":"${COOKIE}"`))
    expect(unchanged(readFileSync(file, 'utf8'))).toEqual(unchanged(before))
  })

  it('mutations keep Sanity’s semantics: create refuses an id taken, a stale revision is refused, a failed transaction changes nothing', async () => {
    const before = readFileSync(file)
    const mutate = (mutations: object[]) => client.mutate(mutations as never)
    await expect(mutate([{ create: { _id: COOKIE, _type: 'cookie' } }])).rejects.toThrow(
      `Document by ID "${COOKIE}" already exists`,
    )
    const revision = storedById(COOKIE)!._rev
    expect(revision).toBeUndefined()
    const current = (await client.getDocument(COOKIE))!._rev
    await expect(
      mutate([{ patch: { id: COOKIE, ifRevisionID: 'stale', set: { order: 9 } } }]),
    ).rejects.toThrow(`Document "${COOKIE}" has revision ${current}, not stale`)
    // The first mutation would succeed; the second fails: neither is applied.
    await expect(
      mutate([
        { patch: { id: COOKIE, set: { order: 9 } } },
        { patch: { id: 'no-such-document', set: { order: 1 } } },
      ]),
    ).rejects.toThrow('Cannot patch document "no-such-document": it does not exist')
    expect(readFileSync(file)).toEqual(before)
    const created = await client.create({ _id: 'provider-new', _type: 'provider', name: 'New' })
    expect(created).toMatchObject({ _id: 'provider-new', name: 'New', _rev: expect.any(String) })
    expect(storedById('provider-new')).toMatchObject({ name: 'New', _rev: created._rev })
  })

  it('a listener hears welcome, then one mutation event per document a transaction changes, with revisions', async () => {
    const abort = new AbortController()
    const query = encodeURIComponent('*[_id in $ids]')
    const ids = encodeURIComponent(JSON.stringify([COOKIE, DRAFT]))
    const stream = events(
      `${base}/v2025-02-19/data/listen/${LOCAL_DATASET}?query=${query}&$ids=${ids}&effectFormat=mendoza&includeResult=false`,
      abort.signal,
    )
    expect((await take(stream, 1))[0]!.name).toBe('welcome')
    const published = (await client.getDocument(COOKIE))!
    await act([edit({ set: { order: 7 } })], 'tx-1')
    const [appear] = await take(stream, 1)
    expect(appear).toMatchObject({
      name: 'mutation',
      data: {
        documentId: DRAFT,
        transactionId: 'tx-1',
        transition: 'appear',
        resultRev: 'tx-1',
        transactionTotalEvents: 1,
        transactionCurrentEvent: 1,
      },
    })
    expect(appear!.data).not.toHaveProperty('previousRev')
    expect(appear!.data).not.toHaveProperty('result')
    expect((appear!.data.effects as { apply: unknown[] }).apply).toEqual([
      0,
      expect.objectContaining({ _id: DRAFT, order: 7, _rev: 'tx-1' }),
    ])
    await act([publish], 'tx-2')
    const publishing = await take(stream, 2)
    expect(
      publishing.map(({ data }) => [
        data.documentId,
        data.transition,
        data.previousRev,
        data.resultRev,
      ]),
    ).toEqual([
      [COOKIE, 'update', published._rev, 'tx-2'],
      [DRAFT, 'disappear', 'tx-1', 'tx-2'],
    ])
    expect(publishing.map(({ data }) => data.transactionTotalEvents)).toEqual([2, 2])
    abort.abort()
  })

  it('listeners share one channel: started and stopped by id, their events carried on the channel', async () => {
    const abort = new AbortController()
    const channel = events(`${base}/channel`, abort.signal)
    const [ready] = await take(channel, 1)
    expect(ready!.name).toBe('ready')
    const id = ready!.data.channel as string
    const start = await fetch(`${base}/channel/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        listener: 'l1',
        url: `${base}/v2025-02-19/data/listen/${LOCAL_DATASET}?query=${encodeURIComponent('*[_type == "provider"]')}`,
      }),
    })
    expect(start.status).toBe(200)
    expect(await take(channel, 1)).toEqual([
      { name: 'listener', data: expect.objectContaining({ listener: 'l1', name: 'welcome' }) },
    ])
    await client.createOrReplace({
      _id: 'provider-inmemori',
      _type: 'provider',
      name: 'InMemori SAS',
    })
    const [event] = await take(channel, 1)
    expect(event!.data).toMatchObject({
      listener: 'l1',
      name: 'mutation',
      data: {
        documentId: 'provider-inmemori',
        transition: 'update',
        result: { name: 'InMemori SAS' },
      },
    })
    const bad = await fetch(`${base}/channel/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        listener: 'l2',
        url: `${base}/v2025-02-19/data/listen/${LOCAL_DATASET}?query=${encodeURIComponent('*[_type ==')}`,
      }),
    })
    expect(bad.status).toBe(400)
    expect(logged).toEqual([expect.stringContaining('in query *[_type ==')])
    expect((await fetch(`${base}/channel/${id}/l1`, { method: 'DELETE' })).status).toBe(200)
    expect(
      (
        await fetch(`${base}/channel/unknown`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(404)
    abort.abort()
  })

  it('reads the file again when another program replaces it, and tells listeners', async () => {
    const abort = new AbortController()
    const stream = events(
      `${base}/v2025-02-19/data/listen/${LOCAL_DATASET}?query=${encodeURIComponent('*[_type == "provider"]')}`,
      abort.signal,
    )
    await take(stream, 1)
    const documents = stored().map((document: SanityDocument) =>
      document._id === 'provider-stripe-com' ? { ...document, name: 'Stripe, Inc.' } : document,
    )
    writeFileSync(`${file}.next`, serializeNdjson(documents))
    renameSync(`${file}.next`, file)
    // What the dev server does every second, with no request from the Studio.
    lake.refresh()
    expect((await take(stream, 1))[0]).toMatchObject({
      name: 'mutation',
      data: { documentId: 'provider-stripe-com', transition: 'update' },
    })
    expect(await client.fetch('*[_id == "provider-stripe-com"][0].name')).toBe('Stripe, Inc.')
    abort.abort()
  })

  it('queries without a perspective read the published documents, as the API does since 2025-02-19', async () => {
    await act([edit({ set: { order: 5 } })])
    const ask = async (version: string) => {
      const query = encodeURIComponent(`*[_id in ["${COOKIE}", "${DRAFT}"]].order`)
      const response = await fetch(`${base}/${version}/data/query/${LOCAL_DATASET}?query=${query}`)
      return ((await response.json()) as { result: number[] }).result.sort()
    }
    expect(await ask('v2025-02-19')).toEqual([1])
    expect(await ask('v2021-10-21')).toEqual([1, 5])
  })

  it('unpublish, discard and delete act on the draft and the published document as the Actions API does', async () => {
    const provider = 'provider-segment-com'
    const draft = `drafts.${provider}`
    const ids = () =>
      stored()
        .map((document) => document._id)
        .filter((id) => id.includes(provider))
    // A published document another one refers to cannot be removed: the site would read a reference to nothing.
    const refused = await act([
      { actionType: 'sanity.action.document.unpublish', draftId: draft, publishedId: provider },
    ])
    expect(refused).toMatchObject({
      status: 409,
      body: {
        error: {
          description: `Document "${provider}" cannot be deleted: "cookie-cookies-segment-com" refers to it`,
        },
      },
    })
    expect(ids()).toEqual([provider])
    await client.delete('cookie-cookies-segment-com')
    expect(
      await act([
        { actionType: 'sanity.action.document.unpublish', draftId: draft, publishedId: provider },
      ]),
    ).toMatchObject({ status: 200 })
    expect(ids()).toEqual([draft])
    expect(
      await act([{ actionType: 'sanity.action.document.discard', draftId: draft }]),
    ).toMatchObject({ status: 200 })
    expect(ids()).toEqual([])
    expect(
      await act([{ actionType: 'sanity.action.document.discard', draftId: draft }]),
    ).toMatchObject({ status: 409 })
    await client.createIfNotExists({ _id: provider, _type: 'provider', name: 'Segment' })
    await act([edit({ set: { order: 3 } })])
    expect(
      await act([
        {
          actionType: 'sanity.action.document.delete',
          publishedId: COOKIE,
          includeDrafts: [DRAFT],
        },
      ]),
    ).toMatchObject({ status: 200 })
    expect(storedById(COOKIE)).toBeUndefined()
    expect(storedById(DRAFT)).toBeUndefined()
    // createIfNotExists leaves an existing document alone; a dry run changes nothing.
    const none = await client.createIfNotExists({ _id: provider, _type: 'provider', name: 'Other' })
    expect(none).toMatchObject({ name: 'Segment' })
    const before = readFileSync(file)
    await client.mutate([{ createOrReplace: { _id: provider, _type: 'provider', name: 'X' } }], {
      dryRun: true,
    })
    expect(readFileSync(file)).toEqual(before)
    await expect(act([edit({ set: { order: 1 } })], 'tx-same')).resolves.toMatchObject({
      status: 409,
    })
  })

  it('a file that does not parse is refused, named with its line, and never saved over; a missing one is written back', async () => {
    const good = readFileSync(file, 'utf8')
    const broken = good.replace('"_type":"provider"', '"_type":')
    writeFileSync(`${file}.next`, broken)
    renameSync(`${file}.next`, file)
    const editing = await act([edit({ set: { order: 2 } })])
    expect(editing.status).toBe(500)
    expect(JSON.stringify(editing.body)).toMatch(new RegExp(`${file}:\\d+: not valid JSON`))
    expect(readFileSync(file, 'utf8')).toBe(broken)
    writeFileSync(`${file}.next`, good)
    renameSync(`${file}.next`, file)
    rmSync(file)
    // Between a removal and a new file (a checkout), the documents read stay, and a save writes them all.
    expect(await act([edit({ set: { order: 2 } })])).toMatchObject({ status: 200 })
    expect(stored().length).toBe(parseNdjson(good, 'seed').length + 1)
  })

  it('answers what it does not serve with 501, and logs it', async () => {
    const response = await fetch(
      `${base}/v2025-02-19/data/history/${LOCAL_DATASET}/documents/${COOKIE}`,
    )
    expect(response.status).toBe(501)
    expect(await response.json()).toMatchObject({
      error: {
        type: 'notServed',
        description: `The local content lake does not serve GET /data/history/${LOCAL_DATASET}/documents/${COOKIE}`,
      },
    })
    expect(logged).toEqual([
      `GET /v2025-02-19/data/history/${LOCAL_DATASET}/documents/${COOKIE} → 501: The local content lake does not serve GET /data/history/${LOCAL_DATASET}/documents/${COOKIE}`,
    ])
    const release = await act([{ actionType: 'sanity.action.release.create', releaseId: 'r1' }])
    expect(release.status).toBe(501)
    expect(logged[1]).toContain('does not run the action sanity.action.release.create')
  })

  it('refuses writes from another site, in any dress, and leaves the file byte for byte as it was', async () => {
    const before = readFileSync(file)
    const url = `${base}/v2025-02-19/data/mutate/${LOCAL_DATASET}`
    const body = JSON.stringify({
      mutations: [
        { patch: { id: 'policyVersion-cookies-1', set: { 'changeSummary.fr': 'PWNED' } } },
      ],
    })
    const attempts: [string, Record<string, string>][] = [
      // What a page elsewhere sends with fetch(…, {mode: 'no-cors'}): no preflight needed.
      [
        'another origin, text/plain',
        { origin: 'https://evil.example', 'content-type': 'text/plain' },
      ],
      [
        'another origin, JSON',
        { origin: 'https://evil.example', 'content-type': 'application/json' },
      ],
      [
        'a cross-site page without Origin',
        { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      ],
      [
        'a host name rebound to this machine',
        {
          host: 'evil.example:3333',
          origin: 'http://evil.example:3333',
          'content-type': 'application/json',
        },
      ],
      ['this origin, but text/plain', { 'content-type': 'text/plain' }],
    ]
    for (const [name, headers] of attempts) {
      const response = await rawRequest('POST', url, headers, body)
      expect(response.status, name).toBe(403)
    }
    expect(readFileSync(file).equals(before)).toBe(true)
    // Each refusal is logged, with its reason.
    expect(logged.map((line) => line.replace(/^refused POST \S+: /, ''))).toEqual([
      'it comes from another origin, https://evil.example',
      'it comes from another origin, https://evil.example',
      'the browser says it comes from a cross-site page',
      'the host evil.example is not this machine (set server.allowedHosts to open the Studio by it)',
      'its body is text/plain, not application/json',
    ])
    // A read from another site is refused too: it could be a rebound name reading the drafts.
    const read = await rawRequest(
      'GET',
      `${base}/v2025-02-19/data/query/${LOCAL_DATASET}?query=*`,
      {
        'sec-fetch-site': 'cross-site',
      },
    )
    expect(read.status).toBe(403)
    // The Studio itself, on its own origin, still writes.
    const own = new URL(base).host
    const studio = await rawRequest(
      'POST',
      url,
      {
        origin: `http://${own}`,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body,
    )
    expect(studio.status).toBe(200)
    expect(storedById('policyVersion-cookies-1')?.changeSummary).toMatchObject({ fr: 'PWNED' })
  })

  it('refuses a body over 1 MB with 413, changing nothing', async () => {
    const before = readFileSync(file)
    const huge = JSON.stringify({
      mutations: [{ patch: { id: COOKIE, set: { note: 'x'.repeat(1_100_000) } } }],
    })
    const response = await rawRequest(
      'POST',
      `${base}/v2025-02-19/data/mutate/${LOCAL_DATASET}`,
      { 'content-type': 'application/json' },
      huge,
    )
    expect(response.status).toBe(413)
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

/** A request with exactly these headers (fetch would not send another Host). */
function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}
