// Flood limits on POST /api/consent: each client may record so many choices a minute (a token bucket). A
// client is known by a salted hash of its address, held in memory only: no address is stored anywhere, and
// the salt changes every hour, when every bucket starts afresh.
import { createHmac, randomBytes } from 'node:crypto'
import { isIP } from 'node:net'

const SALT_LIFETIME_MS = 60 * 60_000
/** Clients tracked at most: past it, the longest idle go first. */
const MAX_CLIENTS = 100_000

export interface RateLimiter {
  /** 0 when the client may go on; else the seconds it should wait. */
  take: (address: string) => number
}

/** `perMinute` choices a minute per client, in bursts of as many; 0 turns the limit off. */
export function createRateLimiter(perMinute: number, now = Date.now): RateLimiter | null {
  if (perMinute === 0) return null
  const perMs = perMinute / 60_000
  let salt = randomBytes(16)
  let saltedAt = now()
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(address) {
      const time = now()
      if (time - saltedAt >= SALT_LIFETIME_MS) {
        salt = randomBytes(16)
        saltedAt = time
        buckets.clear()
      }
      const key = createHmac('sha256', salt).update(address).digest('base64url')
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: time }
      buckets.delete(key)
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * perMs)
      bucket.at = time
      buckets.set(key, bucket)
      if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value!)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return 0
      }
      return Math.ceil((1 - bucket.tokens) / perMs / 1000)
    },
  }
}

/**
 * The client's address: the connection's, unless it comes from a trusted proxy, then the nearest address
 * in X-Forwarded-For that is not a trusted proxy itself. Nothing a client writes is believed otherwise.
 */
export function clientAddress(
  connection: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: ReadonlySet<string>,
): string | null {
  const proxy = connection ? normalize(connection) : null
  if (!proxy || !trusted.has(proxy) || !forwardedFor) return proxy
  const hops = forwardedFor.split(',').map((hop) => normalize(hop.trim()))
  let address = proxy
  for (let i = hops.length - 1; i >= 0; i--) {
    // A hop that is not an address: the nearest one known is the client (never no limit at all).
    if (!isIP(hops[i]!)) return address
    address = hops[i]!
    if (!trusted.has(address)) return address
  }
  return address
}

/** "::ffff:127.0.0.2" is 127.0.0.2. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
}

/** TRUSTED_PROXIES: the addresses of the proxies in front of the site, comma-separated; none by default. */
export function trustedProxies(value = process.env.TRUSTED_PROXIES ?? ''): Set<string> {
  const addresses = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const address of addresses)
    if (!isIP(address))
      throw new Error(
        `TRUSTED_PROXIES: "${address}" is not an IP address (list them, comma-separated)`,
      )
  return new Set(addresses.map(normalize))
}

/** CONSENT_RATE_LIMIT: choices a minute per client (default 60); 0 turns the limit off (load tests). */
export function consentRateLimit(value = process.env.CONSENT_RATE_LIMIT): number {
  if (value === undefined || value === '') return 60
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 0)
    throw new Error(
      `CONSENT_RATE_LIMIT: "${value}" is not a whole number of choices a minute (0: no limit)`,
    )
  return limit
}
