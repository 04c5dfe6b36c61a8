// Answers kept as ready bytes: identity, gzip and brotli computed once, with a strong ETag each; a request is
// then a lookup and one write. The catalog endpoint and the policy pages share this one mechanism.
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { jsonSecurityHeaders } from './security'

export type Encoding = 'br' | 'gzip' | 'identity'

export interface Reply {
  status: number
  headers: Record<string, string>
  body: Buffer | null
}

/** A JSON answer that is not kept (never cached unless `headers` say so), with the JSON security headers. */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  const body = Buffer.from(JSON.stringify(value))
  return {
    status,
    headers: {
      ...jsonSecurityHeaders(),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      ...headers,
    },
    body,
  }
}

/** The error answer every endpoint gives: `{ "error": { "code", "message" } }`. */
export const errorReply = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Reply => jsonReply(status, { error: { code, message } }, headers)

export interface Ready {
  status: number
  /** The content generation it was made from; an answer of an older one is made again. */
  generation: number
  /** When it stops being right without any content change (midnight in the policy's time zone). */
  expiresAt: number
  hash: string
  bodies: Record<Encoding, Buffer>
  headers: Record<Encoding, Record<string, string>>
  notModified: Record<Encoding, Record<string, string>>
}

/** "name", with any q-value but zero, as one item of an Accept-Encoding list. */
function acceptance(name: string): RegExp {
  return new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`, 'i')
}
// Built once: negotiation runs on every request.
const ACCEPTS_BR = acceptance('br')
const ACCEPTS_GZIP = acceptance('gzip')

/** br when the client takes it, then gzip, else the plain bytes; a q=0 refusal is honoured. */
export function negotiateEncoding(header: string | undefined | null): Encoding {
  if (!header) return 'identity'
  if (ACCEPTS_BR.test(header)) return 'br'
  if (ACCEPTS_GZIP.test(header)) return 'gzip'
  return 'identity'
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
/**
 * Above this size the strongest settings cost more time than the bytes they save: brotli 11 takes some 60 ms
 * for a 60 KB history page (the first visitor waits for it), brotli 5 a few, for some 10% more bytes.
 */
const LARGE_BODY_BYTES = 32 * 1024

/**
 * `headers` are the answer's own (Content-Type, Cache-Control, …); length, encoding and ETag are added. The
 * compression runs off the main thread, both encodings at once.
 */
export async function prepareReady(answer: {
  status: number
  body: Buffer
  headers: Record<string, string>
  generation: number
  expiresAt: number
}): Promise<Ready> {
  const identity = answer.body
  const large = identity.length > LARGE_BODY_BYTES
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27)
  const [gzipped, brotlied] = await Promise.all([
    gzipAsync(identity, { level: large ? 6 : 9 }),
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: large ? 5 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ])
  const bodies: Record<Encoding, Buffer> = { identity, gzip: gzipped, br: brotlied }
  const common: Record<string, string> = { ...answer.headers, Vary: 'Accept-Encoding' }
  const etag = (encoding: Encoding) =>
    encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`
  const withoutType = Object.fromEntries(
    Object.entries(common).filter(([name]) => name.toLowerCase() !== 'content-type'),
  )
  const headersFor = (encoding: Encoding): Record<string, string> => ({
    ...common,
    'Content-Length': String(bodies[encoding].length),
    ETag: etag(encoding),
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
  })
  const notModifiedFor = (encoding: Encoding) => ({ ...withoutType, ETag: etag(encoding) })
  return {
    status: answer.status,
    generation: answer.generation,
    expiresAt: answer.expiresAt,
    hash,
    bodies,
    headers: { identity: headersFor('identity'), gzip: headersFor('gzip'), br: headersFor('br') },
    notModified: {
      identity: notModifiedFor('identity'),
      gzip: notModifiedFor('gzip'),
      br: notModifiedFor('br'),
    },
  }
}

/**
 * A 304 to a matching If-None-Match (any encoding's ETag of a 200; it carries the ETag of the encoding the
 * client takes now), else the bytes in the best accepted encoding.
 */
export function serveReady(
  ready: Ready,
  method: string,
  ifNoneMatch: string | undefined | null,
  acceptEncoding: string | undefined | null,
): Reply {
  const encoding = negotiateEncoding(acceptEncoding)
  if (
    ready.status === 200 &&
    ifNoneMatch &&
    (ifNoneMatch.includes(ready.hash) || ifNoneMatch.trim() === '*')
  )
    return { status: 304, headers: ready.notModified[encoding], body: null }
  return {
    status: ready.status,
    headers: ready.headers[encoding],
    body: method === 'HEAD' ? null : ready.bodies[encoding],
  }
}

const sizeOf = (ready: Ready) =>
  ready.bodies.identity.length + ready.bodies.gzip.length + ready.bodies.br.length

/**
 * Ready answers by key, bounded in bytes (every encoding counted): the least recently used go first. Keys
 * must name what a request means (its parsed form), never its raw text.
 */
export function createReadyLru(maxBytes: number) {
  const entries = new Map<string, Ready>()
  let bytes = 0

  function remove(key: string): void {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= sizeOf(entry)
  }

  return {
    /** The entry, now the most recently used. */
    get(key: string): Ready | undefined {
      const entry = entries.get(key)
      if (entry) {
        entries.delete(key)
        entries.set(key, entry)
      }
      return entry
    },
    /** Keeps the entry; older ones go until the total fits (the new one always stays). */
    set(key: string, ready: Ready): void {
      remove(key)
      entries.set(key, ready)
      bytes += sizeOf(ready)
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes || oldest === key) break
        remove(oldest)
      }
    },
    delete: remove,
    get bytes() {
      return bytes
    },
    get size() {
      return entries.size
    },
  }
}

export type RequestHeaders = { ifNoneMatch?: string | null; acceptEncoding?: string | null }

export interface ReadyCacheOptions<R> {
  /** What a request means, whatever its spelling: the key its answer is kept under. */
  keyOf: (request: R) => string
  /**
   * Makes the answer of a request from the content: ready bytes to keep, or a reply to pass on once (a
   * redirect, a request error). A throw means the content could not be read: the last good answer is served.
   */
  make: (request: R, generation: number) => Promise<Ready | Reply>
  /** The content generation now served: an answer made from an older one is made again. */
  generation: () => number
  /** The most bytes of answers kept (all encodings); the least recently used go first. */
  maxBytes: number
  now?: () => number
}

/** 404s kept at most: addresses nobody published cannot push the real answers out. */
const MISSING_ENTRIES = 256

/**
 * The one cache of ready answers (the catalog's and the pages'): each is made once per content generation and
 * until it expires, however many ask at once; while the content cannot be read, the last good one answers.
 */
export function createReadyCache<R>(options: ReadyCacheOptions<R>) {
  const now = options.now ?? Date.now
  const cache = createReadyLru(options.maxBytes)
  const inflight = new Map<string, Promise<Ready | Reply>>()
  const missing = new Set<string>()

  function keep(key: string, ready: Ready): void {
    missing.delete(key)
    cache.set(key, ready)
    if (ready.status !== 404) return
    missing.add(key)
    if (missing.size > MISSING_ENTRIES) {
      const oldest = missing.values().next().value!
      missing.delete(oldest)
      cache.delete(oldest)
    }
  }

  /** A fresh kept answer, synchronously (the hot path: no promise); null when it must be made. */
  function kept(method: string, request: R, headers: RequestHeaders): Reply | null {
    const cached = cache.get(options.keyOf(request))
    if (!cached || cached.generation !== options.generation() || now() >= cached.expiresAt)
      return null
    return serveReady(cached, method, headers.ifNoneMatch, headers.acceptEncoding)
  }

  /** The answer; it throws only when the content cannot be read and nothing was kept before. */
  async function reply(method: string, request: R, headers: RequestHeaders): Promise<Reply> {
    const fresh = kept(method, request, headers)
    if (fresh) return fresh
    const key = options.keyOf(request)
    const generation = options.generation()
    const cached = cache.get(key)
    const flight = `${generation}|${key}`
    let pending = inflight.get(flight)
    if (!pending) {
      pending = options.make(request, generation).finally(() => inflight.delete(flight))
      inflight.set(flight, pending)
    }
    let made: Ready | Reply
    try {
      made = await pending
    } catch (error) {
      if (cached) return serveReady(cached, method, headers.ifNoneMatch, headers.acceptEncoding)
      throw error
    }
    if (!('hash' in made)) return method === 'HEAD' ? { ...made, body: null } : made
    if (cache.get(key) !== made) keep(key, made)
    return serveReady(made, method, headers.ifNoneMatch, headers.acceptEncoding)
  }

  return { kept, reply }
}
