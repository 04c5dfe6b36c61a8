// Which requests are an editor's preview: those carrying this site's own signed cookie, set when a preview
// link was good. Nothing else (the name of a framework's cookie, a header) makes a request skip the pages
// every visitor shares, so a forged cookie cannot force a render.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { previewSecret } from './env'

export const PREVIEW_COOKIE = 'cookie-policy-preview'
/** As long as a Studio preview secret lives. */
export const PREVIEW_COOKIE_SECONDS = 3600

/** The cookie's key, derived from the secret previews are checked with; null when previews are off. */
function cookieKey(): string | null {
  const secret = previewSecret() ?? process.env.SANITY_API_READ_TOKEN
  if (!secret) return null
  return createHmac('sha256', secret).update('cookie-policy preview cookie').digest('hex')
}

const sign = (key: string, expires: string) =>
  createHmac('sha256', key).update(expires).digest('base64url')

/** A new cookie value, valid PREVIEW_COOKIE_SECONDS from `now`; null when previews are off. */
export function previewCookieValue(now = Date.now()): string | null {
  const key = cookieKey()
  if (!key) return null
  const expires = String(Math.floor(now / 1000) + PREVIEW_COOKIE_SECONDS)
  return `${expires}.${sign(key, expires)}`
}

/** Whether a Cookie header carries a good, unexpired preview cookie. */
export function hasPreviewCookie(header: string | null | undefined, now = Date.now()): boolean {
  if (!header) return false
  const key = cookieKey()
  if (!key) return false
  for (const part of header.split(';')) {
    const pair = part.trim()
    if (!pair.startsWith(`${PREVIEW_COOKIE}=`)) continue
    const [expires = '', given = ''] = pair.slice(PREVIEW_COOKIE.length + 1).split('.')
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now) continue
    const [a, b] = [Buffer.from(given), Buffer.from(sign(key, expires))]
    if (a.length === b.length && timingSafeEqual(a, b)) return true
  }
  return false
}
