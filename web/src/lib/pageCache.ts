// The policy pages kept as ready bytes, like the catalog: each address is rendered by Next.js once per content
// generation (a dataset change, a webhook) and per day in its policy's time zone, then answered from memory
// with a strong ETag (304 to If-None-Match) in the encoding the client takes.
import { createReadyLru, prepareReady, serveReady, type Ready, type Reply } from './readyBytes'
import { documentCsp } from './security'

export interface Rendered {
  status: number
  headers: Record<string, string>
  body: Buffer
  /** When the page stops being right without a content change; null: no later than a minute from now. */
  validUntil: number | null
}

export interface PageCacheOptions {
  /** Renders an address (path and query) as Next.js answers it. */
  render: (url: string) => Promise<Rendered>
  /** The content generation now served (the catalog service's): a new one renders every page again. */
  generation: () => number
  /** The Cache-Control of a page (200) and of a missing one (404). */
  cacheControl: { page: string; notFound: string }
  now?: () => number
  /** The most bytes of pages kept (all encodings); the least recently used go first. */
  maxBytes?: number
}

const FALLBACK_TTL_MS = 60_000
/** Missing pages kept at most: addresses nobody published cannot push the real pages out. */
const MISSING_ENTRIES = 256

/** Every script but the banner's: Next.js's runtime files, its inline bootstrap and the page's payload. */
const FRAMEWORK_SCRIPT = /<script\b(?![^>]*\bsrc="\/cookie-banner\.js")[^>]*>[\s\S]*?<\/script>/g
const SCRIPT_PRELOAD = /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>/g

/**
 * A page as every visitor gets it: a document. Nothing on a policy page runs in the browser but the banner, so
 * Next.js's runtime and the page's payload for it (more than half the bytes of a long policy) are left out; its
 * links are plain links. It carries no visitor's nonce, and needs none: no script is inline.
 */
export function forEveryVisitor(html: string, nonce: string | null): string {
  return (nonce ? html.replaceAll(` nonce="${nonce}"`, '') : html)
    .replace(FRAMEWORK_SCRIPT, '')
    .replace(SCRIPT_PRELOAD, '')
}

const VERSION_PAGE = /^\/[^/]+\/[^/]+\/versions\/[^/]+$/

/**
 * The address a page is kept under: its path, and the compare parameter of a version page (one version
 * number). Anything else (dot segments, encoded or doubled slashes, a trailing slash, a compare that is not a
 * number) goes to Next.js as it is, never kept: a made-up query cannot fill the cache.
 */
export function pageKey(path: string, search: string): string | null {
  if (/\/\.|%2e|%2f|\/\/|.\/$/i.test(path)) return null
  if (search === '' || search === '?') return path
  const params = new URLSearchParams(search)
  if (!VERSION_PAGE.test(path) || !params.has('compare')) return path
  const compare = params.getAll('compare')
  return compare.length === 1 && /^[1-9]\d{0,5}$/.test(compare[0]!)
    ? `${path}?compare=${compare[0]}`
    : null
}

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024
  const cache = createReadyLru(maxBytes)
  const inflight = new Map<string, Promise<Ready | Rendered>>()
  /** The kept 404s, oldest first. */
  const missing = new Set<string>()

  function keep(url: string, ready: Ready): void {
    forget(url)
    cache.set(url, ready)
    if (ready.status === 404) {
      missing.add(url)
      if (missing.size > MISSING_ENTRIES) forget(missing.values().next().value!)
    }
  }

  function forget(url: string): void {
    cache.delete(url)
    missing.delete(url)
  }

  /** A 200 or a 404 is kept; anything else (a redirect, a failure) is passed on as rendered, once. */
  async function make(url: string, generation: number): Promise<Ready | Rendered> {
    const rendered = await options.render(url)
    if (rendered.status !== 200 && rendered.status !== 404) return rendered
    const nonce = /'nonce-([^']+)'/.exec(rendered.headers['content-security-policy'] ?? '')?.[1]
    const html = forEveryVisitor(rendered.body.toString('utf8'), nonce ?? null)
    const { 'cache-control': _private, ...headers } = rendered.headers
    // Next.js names the stylesheet it preloads with the nonce too.
    if (headers.link && nonce) headers.link = headers.link.replaceAll(`; nonce="${nonce}"`, '')
    return prepareReady({
      status: rendered.status,
      body: Buffer.from(html),
      headers: {
        ...headers,
        'content-security-policy': documentCsp(),
        'Cache-Control':
          rendered.status === 200 ? options.cacheControl.page : options.cacheControl.notFound,
      },
      generation,
      expiresAt: rendered.validUntil ?? now() + FALLBACK_TTL_MS,
    })
  }

  type RequestHeaders = { ifNoneMatch?: string | null; acceptEncoding?: string | null }

  /** A fresh kept page, synchronously (the hot path: no promise); null when it must be rendered. */
  function kept(method: string, url: string, headers: RequestHeaders): Reply | null {
    const cached = cache.get(url)
    if (!cached || cached.generation !== options.generation() || now() >= cached.expiresAt)
      return null
    return serveReady(cached, method, headers.ifNoneMatch, headers.acceptEncoding)
  }

  /** The answer from ready bytes; null when rendering failed and no earlier page is kept. */
  async function reply(
    method: string,
    url: string,
    headers: RequestHeaders,
  ): Promise<Reply | null> {
    const ready = kept(method, url, headers)
    if (ready) return ready
    const serve = (page: Ready) =>
      serveReady(page, method, headers.ifNoneMatch, headers.acceptEncoding)
    const generation = options.generation()
    const cached = cache.get(url)
    const key = `${generation}|${url}`
    let pending = inflight.get(key)
    if (!pending) {
      pending = make(url, generation).finally(() => inflight.delete(key))
      inflight.set(key, pending)
    }
    try {
      const made = await pending
      if (!('hash' in made)) {
        // A page that failed to render (a 500, a 503 while the content is unreadable): the last good one.
        if (made.status >= 500 && cached) return serve(cached)
        forget(url)
        return {
          status: made.status,
          headers: made.headers,
          body: method === 'HEAD' ? null : made.body,
        }
      }
      if (cache.get(url) !== made) keep(url, made)
      return serve(made)
    } catch {
      // Rendering failed: the last good page is better than none.
      return cached ? serve(cached) : null
    }
  }

  return { reply, kept }
}
