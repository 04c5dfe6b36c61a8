// The policy pages kept as ready bytes, like the catalog: each address is rendered by Next.js once per content
// generation (a dataset change, a webhook) and per day in its policy's time zone, then answered from memory
// with a strong ETag (304 to If-None-Match) in the encoding the client takes.
import { prepareReady, serveReady, type Ready, type Reply } from './readyBytes'

interface Rendered {
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
  maxEntries?: number
}

const FALLBACK_TTL_MS = 60_000
/** Set by the proxy on a page (ms since the epoch of its next change); read and removed by the server. */
export const VALID_UNTIL_HEADER = 'x-valid-until'

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now
  const maxEntries = options.maxEntries ?? 500
  const cache = new Map<string, Ready>()
  const inflight = new Map<string, Promise<Ready | null>>()

  async function make(url: string, generation: number): Promise<Ready | null> {
    const rendered = await options.render(url)
    // Redirects, 503s and anything unusual are not kept: Next.js answers them each time.
    if (rendered.status !== 200 && rendered.status !== 404) return null
    return prepareReady({
      status: rendered.status,
      body: rendered.body,
      headers: {
        ...rendered.headers,
        'Cache-Control':
          rendered.status === 200 ? options.cacheControl.page : options.cacheControl.notFound,
      },
      generation,
      expiresAt: rendered.validUntil ?? now() + FALLBACK_TTL_MS,
    })
  }

  /** The answer from ready bytes; null when the page is not kept (the caller lets Next.js answer). */
  async function reply(
    method: string,
    url: string,
    headers: { ifNoneMatch?: string | null; acceptEncoding?: string | null },
  ): Promise<Reply | null> {
    const generation = options.generation()
    const cached = cache.get(url)
    if (cached && cached.generation === generation && now() < cached.expiresAt)
      return serveReady(cached, method, headers.ifNoneMatch, headers.acceptEncoding)
    const key = `${generation}|${url}`
    let pending = inflight.get(key)
    if (!pending) {
      pending = make(url, generation).finally(() => inflight.delete(key))
      inflight.set(key, pending)
    }
    try {
      const ready = await pending
      if (!ready) return null
      if (cache.size >= maxEntries) cache.clear()
      cache.set(url, ready)
      return serveReady(ready, method, headers.ifNoneMatch, headers.acceptEncoding)
    } catch {
      // Rendering failed: the last good page is better than none; else Next.js answers (its 503 page).
      return cached ? serveReady(cached, method, headers.ifNoneMatch, headers.acceptEncoding) : null
    }
  }

  return { reply }
}
