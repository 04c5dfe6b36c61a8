// Editors' preview links in the embedded mode: a path signed with the site's SANITY_PREVIEW_SECRET and an
// expiry, so that the secret itself never travels in an address (browser history, logs, Referer) and a
// link that leaks stops working within the hour. `npm run preview-link` makes one; the site checks it.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** How long a preview link works by default. */
export const PREVIEW_LINK_MINUTES = 60
/** The longest a link may be made for: a day. */
const MAX_MINUTES = 24 * 60

export interface PreviewLinkParams {
  redirect: string
  /** Seconds since the epoch. */
  expires: string
  signature: string
}

function signatureOf(secret: string, redirect: string, expires: string): string {
  return createHmac('sha256', secret)
    .update(`preview-link\n${redirect}\n${expires}`)
    .digest('base64url')
}

/** The query of a preview link to `redirect`, valid `minutes` from `now`. */
export function signPreviewLink(
  redirect: string,
  secret: string,
  { now = Date.now(), minutes = PREVIEW_LINK_MINUTES } = {},
): PreviewLinkParams {
  if (!(minutes > 0 && minutes <= MAX_MINUTES))
    throw new Error(`A preview link lasts from 1 to ${MAX_MINUTES} minutes, not ${minutes}`)
  const expires = String(Math.floor(now / 1000 + minutes * 60))
  return { redirect, expires, signature: signatureOf(secret, redirect, expires) }
}

/** Whether the link's signature is the secret's (constant time) and it has not expired. */
export function isValidPreviewLink(
  params: URLSearchParams,
  secret: string | undefined,
  now = Date.now(),
): boolean {
  const redirect = params.get('redirect')
  const expires = params.get('expires')
  const given = params.get('signature')
  if (!secret || redirect === null || expires === null || given === null) return false
  const seconds = Number(expires)
  if (!/^\d{1,12}$/.test(expires) || seconds * 1000 <= now) return false
  if (seconds * 1000 > now + MAX_MINUTES * 60_000) return false
  const [a, b] = [Buffer.from(given), Buffer.from(signatureOf(secret, redirect, expires))]
  return a.length === b.length && timingSafeEqual(a, b)
}
