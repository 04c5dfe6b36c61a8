// The local Content Lake's HTTP API: the part of Sanity's API the Studio uses, answered from a LocalLake.
// Whatever else the Studio asks is answered 501 and written to the dev server's log, never silently.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LakeError, parseQuery, type LocalLake, type Perspective, type Transaction } from './lake'
import { readLimitedBody } from '@cookie-policy/schemas/node'
import { LOCAL_DATASET, LOCAL_EDITOR, LOCAL_PROJECT_ID } from './constants'
import { LAKE_BODY_LIMIT, lakeRefusal } from './guard'

type Params = Record<string, unknown>

/** Every document, for every operation the Studio checks before it offers one. */
const GRANTS = [
  { filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history'] },
]

const PROJECT = {
  id: LOCAL_PROJECT_ID,
  displayName: 'Local mode',
  studioHost: null,
  isBlocked: false,
  isDisabled: false,
  isDisabledByUser: false,
  metadata: {},
  members: [
    { id: LOCAL_EDITOR.id, role: 'administrator', roles: LOCAL_EDITOR.roles, isRobot: false },
  ],
  features: [],
  organizationId: null,
}

const USER = {
  id: LOCAL_EDITOR.id,
  displayName: LOCAL_EDITOR.name,
  familyName: null,
  givenName: null,
  middleName: null,
  imageUrl: null,
  sanityUserId: LOCAL_EDITOR.id,
  projectId: LOCAL_PROJECT_ID,
  isCurrentUser: true,
}

/**
 * What Sanity's cloud adds around the Content Lake, answered as "nothing here": no project features, no
 * applications, no upsell offer, no help feed, a schema that needs no upload, a ping for the Studio's
 * protocol check.
 */
const CLOUD_ONLY: [RegExp, unknown][] = [
  [/^GET \/features$/, []],
  [/^GET \/projects\/[^/]+\/features$/, []],
  [/^GET \/projects\/[^/]+\/user-applications$/, []],
  // Project-level grants (inviting members, deploying the Studio): none in local mode (sanity 6 asks).
  [/^GET \/projects\/[^/]+\/grants$/, {}],
  [/^GET \/journey\//, null],
  [/^GET \/help$/, {}],
  [/^POST \/descriptors\/claim$/, { synchronization: { type: 'complete' } }],
  // The Studio's usage telemetry: received and discarded.
  [/^POST \/intake\/batch$/, {}],
  [/^GET \/(data\/)?ping(\/[^/]+)?$/, { ok: true }],
]

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  response.end(text)
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readLimitedBody(request, request.headers['content-length'], LAKE_BODY_LIMIT)
  if (body === null)
    throw new LakeError(
      413,
      'requestTooLarge',
      `The request body is larger than ${LAKE_BODY_LIMIT / 1_000_000} MB`,
    )
  const text = body.toString('utf8')
  if (text === '') return {}
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    throw new LakeError(
      400,
      'invalidJson',
      `The request body is not JSON: ${(error as Error).message}`,
    )
  }
}

/** GROQ parameters of a GET query: `$name=<JSON>`. */
function queryParams(search: URLSearchParams): Params {
  const params: Params = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw new LakeError(400, 'queryParseError', `The parameter ${key} is not JSON: ${value}`)
    }
  }
  return params
}

/** The perspective a query asks for; the API's default since 2025-02-19 is published, raw before. */
function perspectiveOf(value: unknown, apiVersion: string): Perspective {
  if (value === undefined || value === null || value === '')
    return apiVersion >= '2025-02-19' ? 'published' : 'raw'
  const names = (Array.isArray(value) ? value : String(value).split(',')).map(String)
  if (names.length === 1 && (names[0] === 'raw' || names[0] === 'published')) return names[0]
  // previewDrafts is the name drafts had before 2025-02-19.
  if (names.every((name) => ['drafts', 'previewDrafts', 'published'].includes(name)))
    return 'drafts'
  throw new LakeError(
    501,
    'notServed',
    `The local content lake serves the raw, published and drafts perspectives, not ${names.join(',')}`,
  )
}

const flag = (search: URLSearchParams, name: string, fallback: boolean) =>
  search.has(name) ? search.get(name) !== 'false' : fallback

type Emit = (name: string, data: unknown, id?: string) => void

/** A stream of server-sent events on `response`; returns the function that sends one. */
function eventStream(response: ServerResponse, onClose: () => void): Emit {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  })
  // A comment now and then keeps proxies and browsers from closing a quiet stream.
  const keepAlive = setInterval(() => response.write(':\n\n'), 15_000)
  response.on('close', () => {
    clearInterval(keepAlive)
    onClose()
  })
  return (name, data, id) =>
    response.write(`event: ${name}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`)
}

/**
 * A listener as the Content Lake runs one, its query checked first (a bad one is a 400, not a stream). The
 * function returned starts it on a stream: `welcome` first, then a `mutation` event per change its query
 * selects, in transaction order; it returns the function that stops it.
 */
function listener(
  lake: LocalLake,
  search: URLSearchParams,
  log: (line: string) => void,
): (emit: Emit) => () => void {
  const query = search.get('query')
  if (!query) throw new LakeError(400, 'queryParseError', 'A listener needs a query')
  const params = queryParams(search)
  parseQuery(query, params)
  const options = {
    includeResult: flag(search, 'includeResult', true),
    includePreviousRevision: flag(search, 'includePreviousRevision', false),
    includeMutations: flag(search, 'includeMutations', true),
    mendoza: search.get('effectFormat') === 'mendoza',
    visibility: search.get('visibility') ?? 'query',
  }
  return (emit) => {
    emit('welcome', { listenerName: `local-${Math.random().toString(36).slice(2)}` })
    // Events of one transaction go out in order, after the ones of the transaction before.
    let queue = Promise.resolve()
    return lake.subscribe((transaction: Transaction) => {
      queue = queue.then(async () => {
        const selected = []
        for (const change of transaction.changes) {
          const [before, after] = await Promise.all([
            lake.matches(query, params, change.before),
            lake.matches(query, params, change.after),
          ])
          if (before || after) selected.push({ change, before, after })
        }
        selected.forEach(({ change, before, after }, index) => {
          emit(
            'mutation',
            {
              eventId: `${transaction.id}#${change.id}`,
              documentId: change.id,
              transactionId: transaction.id,
              transition: !before ? 'appear' : !after ? 'disappear' : 'update',
              identity: LOCAL_EDITOR.id,
              ...(options.includeMutations
                ? {
                    mutations: [
                      change.after
                        ? { createOrReplace: change.after }
                        : { delete: { id: change.id } },
                    ],
                  }
                : {}),
              ...(options.includeResult && change.after ? { result: change.after } : {}),
              ...(options.includePreviousRevision && change.before
                ? { previous: change.before }
                : {}),
              ...(change.before ? { previousRev: change.before._rev } : {}),
              resultRev: change.after?._rev ?? transaction.id,
              timestamp: transaction.timestamp,
              visibility: options.visibility,
              // Mendoza patches that replace the whole document: [0, value] is "the value is this".
              ...(options.mendoza
                ? { effects: { apply: [0, change.after], revert: [0, change.before] } }
                : {}),
              transactionTotalEvents: selected.length,
              transactionCurrentEvent: index + 1,
            },
            `${transaction.id}#${change.id}`,
          )
        })
      })
      // A listener that cannot follow a change says so, as the Content Lake's do: the Studio shows it.
      queue = queue.catch((error: Error) => {
        log(`listener ${query} failed on transaction ${transaction.id}: ${error.message}`)
        emit('channelError', { message: error.message })
      })
    })
  }
}

/**
 * Listener channels. A browser opens at most six HTTP/1.1 connections to a host, and the Studio keeps a dozen
 * listeners open (the Content Lake multiplexes them over HTTP/2). In local mode the Studio's listeners share
 * one stream per page, a channel: `GET /channel` opens it, `POST /channel/{id}` starts a listener on it and
 * `DELETE /channel/{id}/{listener}` stops one. The browser half is in listeners.ts.
 */
class Channels {
  constructor(private readonly log: (line: string) => void) {}

  #channels = new Map<string, { emit: Emit; listeners: Map<string, () => void> }>()

  open(response: ServerResponse): void {
    const id = Math.random().toString(36).slice(2)
    const listeners = new Map<string, () => void>()
    const emit = eventStream(response, () => {
      for (const stop of listeners.values()) stop()
      this.#channels.delete(id)
    })
    this.#channels.set(id, { emit, listeners })
    emit('ready', { channel: id })
  }

  #channel(id: string) {
    const channel = this.#channels.get(id)
    if (!channel) throw new LakeError(404, 'notFound', `No listener channel ${id}: open a new one`)
    return channel
  }

  async start(lake: LocalLake, id: string, request: IncomingMessage): Promise<unknown> {
    this.#channel(id)
    const { listener: key, url } = (await readJson(request)) as { listener?: string; url?: string }
    if (typeof key !== 'string' || typeof url !== 'string')
      throw new LakeError(400, 'badRequest', 'A listener needs "listener" and "url"')
    const start = listener(lake, new URL(url, 'http://lake.invalid').searchParams, this.log)
    // Looked up again: the channel may have closed while the request's body arrived.
    const channel = this.#channel(id)
    channel.listeners.get(key)?.()
    channel.listeners.set(
      key,
      start((name, data, eventId) =>
        channel.emit('listener', { listener: key, name, data, eventId }),
      ),
    )
    return { listener: key }
  }

  stop(id: string, listener: string): unknown {
    const channel = this.#channel(id)
    channel.listeners.get(listener)?.()
    channel.listeners.delete(listener)
    return { listener }
  }
}

/** One request of the Content Lake's API. */
interface Call {
  method: string
  /** The path after the API version. */
  path: string[]
  search: URLSearchParams
  apiVersion: string
  request: IncomingMessage
  response: ServerResponse
}

/** What the lake keeps besides documents: the editor's Studio settings, and where to log. */
interface Context {
  lake: LocalLake
  keyValues: Map<string, unknown>
  log: (line: string) => void
}

/** The answer to one request of the Content Lake's API (undefined once a stream is open), or a LakeError. */
async function answer(
  { lake, keyValues, log }: Context,
  { method, path, search, apiVersion, request, response }: Call,
): Promise<unknown> {
  // data/{endpoint}/{dataset}/{ids}, users/me/keyvalue/{keys}, projects/{id}/datasets/{dataset}/acl
  const [area, action, target, rest] = path
  const dataset = area === 'data' ? target : undefined
  if (dataset !== undefined && dataset !== LOCAL_DATASET)
    throw new LakeError(404, 'notFound', `The local content lake has one dataset, ${LOCAL_DATASET}`)
  const route = `${method} ${area}/${action ?? ''}`
  switch (route) {
    case 'GET data/query':
    case 'POST data/query': {
      const body = method === 'POST' ? await readJson(request) : {}
      const query = method === 'POST' ? body.query : search.get('query')
      if (typeof query !== 'string') throw new LakeError(400, 'queryParseError', 'No query given')
      const params = method === 'POST' ? ((body.params as Params) ?? {}) : queryParams(search)
      const perspective = perspectiveOf(
        (method === 'POST' ? body.perspective : undefined) ?? search.get('perspective'),
        apiVersion,
      )
      const started = performance.now()
      const result = await lake.query(query, params, perspective)
      return { query, result, ms: Math.round(performance.now() - started) }
    }
    case 'GET data/doc':
      return lake.documents((rest ?? '').split(',').filter(Boolean))
    case 'GET data/listen': {
      const start = listener(lake, search, log)
      let stop = () => {}
      stop = start(eventStream(response, () => stop()))
      return undefined
    }
    case 'POST data/mutate': {
      const body = await readJson(request)
      if (!Array.isArray(body.mutations))
        throw new LakeError(400, 'mutationError', 'The body needs "mutations", an array')
      const mutations = body.mutations
      const committed = lake.mutate(mutations as Record<string, unknown>[], {
        transactionId: (body.transactionId as string) ?? search.get('transactionId') ?? undefined,
        dryRun: flag(search, 'dryRun', false),
      })
      const withDocuments = flag(search, 'returnDocuments', false)
      return {
        transactionId: committed.transactionId,
        results: committed.results.map((result) => ({
          ...result,
          ...(withDocuments
            ? { document: committed.documents.find((document) => document._id === result.id) }
            : {}),
        })),
      }
    }
    case 'POST data/actions': {
      const body = await readJson(request)
      const actions = Array.isArray(body.actions) ? body.actions : [body.actions]
      if (actions.some((action) => typeof action !== 'object' || action === null))
        throw new LakeError(400, 'actionError', 'The body needs "actions", an array of actions')
      const committed = lake.act(actions as Record<string, unknown>[], {
        transactionId: body.transactionId as string | undefined,
        dryRun: body.dryRun === true,
      })
      return { transactionId: committed.transactionId }
    }
  }
  if (method === 'GET' && area === 'users' && action && path.length === 2)
    return action === 'me'
      ? { ...LOCAL_EDITOR, profileImage: null, provider: 'local' }
      : action.split(',').map((id) => ({ ...USER, id, isCurrentUser: id === USER.id }))
  if (area === 'users' && action === 'me' && target === 'keyvalue') {
    if (method === 'GET')
      return (rest ?? '')
        .split(',')
        .map((key) => ({ key, value: keyValues.has(key) ? keyValues.get(key) : null }))
    if (method === 'PUT' || method === 'POST') {
      const body = (await readJson(request)) as unknown as { key: string; value: unknown }[]
      for (const { key, value } of body) keyValues.set(key, value)
      return body
    }
  }
  const cloudOnly = CLOUD_ONLY.find(([route]) => route.test(`${method} /${path.join('/')}`))
  if (cloudOnly) return cloudOnly[1]
  if (method === 'GET' && area === 'projects' && action === LOCAL_PROJECT_ID) {
    if (path.length === 2) return PROJECT
    if (path.length === 3 && target === 'datasets')
      return [{ name: LOCAL_DATASET, aclMode: 'public', tags: [] }]
    if (path.length === 5 && target === 'datasets' && path[4] === 'acl') return GRANTS
  }
  return notServed(method, path)
}

function notServed(method: string, path: string[]): never {
  throw new LakeError(
    501,
    'notServed',
    `The local content lake does not serve ${method} /${path.join('/')}`,
  )
}

/** Why the lake will not answer this request (another origin, a rebound host name, a body not JSON), or null. */
export function refusalOf(request: IncomingMessage, allowedHosts: readonly string[] = []) {
  const header = (name: string) => {
    const value = request.headers[name]
    return Array.isArray(value) ? value[0] : value
  }
  return lakeRefusal(
    {
      method: request.method ?? 'GET',
      host: header('host'),
      origin: header('origin'),
      secFetchSite: header('sec-fetch-site'),
      contentType: header('content-type'),
    },
    allowedHosts,
  )
}

/**
 * A Connect handler (Vite's dev server) for requests under the lake's path: `/v{apiVersion}/{endpoint}`.
 * `log` receives every request the lake refuses or does not serve. Requests from anywhere but the Studio's
 * own origin are refused with 403 before anything is read.
 */
export function lakeHandler(
  lake: LocalLake,
  log: (line: string) => void,
  allowedHosts: readonly string[] = [],
) {
  const keyValues = new Map<string, unknown>()
  const channels = new Channels(log)
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://lake.invalid')
    const refusal = refusalOf(request, allowedHosts)
    if (refusal !== null) {
      log(`refused ${request.method} ${url.pathname}: ${refusal}`)
      request.resume()
      return send(response, 403, {
        error: { description: `Refused: ${refusal}`, type: 'forbidden' },
        message: `Refused: ${refusal}`,
        statusCode: 403,
      })
    }
    const [version, ...path] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
    const method = request.method ?? 'GET'
    const apiVersion = (version ?? '').replace(/^v/, '')
    const respond = async () => {
      // A channel only carries listeners: it opens even while the file cannot be read.
      if (version === 'channel') {
        const [channel, listener] = path
        if (method === 'GET' && !channel) return channels.open(response)
        if (method === 'POST' && channel && !listener) return channels.start(lake, channel, request)
        if (method === 'DELETE' && channel && listener) return channels.stop(channel, listener)
        return notServed(method, [version, ...path])
      }
      if (!/^v(\d{4}-\d{2}-\d{2}|\d+|X)$/.test(version ?? ''))
        throw new LakeError(404, 'notFound', `No API version in ${url.pathname}`)
      lake.refresh()
      const call = { method, path, search: url.searchParams, apiVersion, request, response }
      return answer({ lake, keyValues, log }, call)
    }
    respond().then(
      (body) => {
        if (body !== undefined) send(response, 200, body)
      },
      (error: unknown) => {
        const failure =
          error instanceof LakeError
            ? error
            : new LakeError(500, 'serverError', (error as Error).message ?? String(error))
        log(`${method} ${url.pathname}${url.search} → ${failure.status}: ${failure.message}`)
        if (response.headersSent) return response.end()
        send(response, failure.status, {
          error: { description: failure.message, type: failure.type },
          message: failure.message,
          statusCode: failure.status,
        })
      },
    )
  }
}
