// The preview link's checks: its secret (the Studio's short-lived one, or SANITY_PREVIEW_SECRET in constant
// time) and where it may lead (this site only).
import { timingSafeEqual } from 'node:crypto'
import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { urlSearchParamPreviewSecret } from '@sanity/preview-url-secret/constants'
import { sanityPreviewClient } from './contentSource'
import { previewSecret } from './env'

/** Whether a preview link's secret is this site's (constant time); false when previews are off. */
export function isPreviewSecret(given: string | null): boolean {
  const secret = previewSecret()
  if (!secret || !given) return false
  const [a, b] = [Buffer.from(given), Buffer.from(secret)]
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Only an address of this site: "/fr/cookies", never "//elsewhere", "/\t/elsewhere" or "https://…". */
export function safeRedirect(path: string | null): string {
  if (!path?.startsWith('/')) return '/'
  const base = 'http://this.site'
  const url = new URL(path, base)
  return url.origin === base ? `${url.pathname}${url.search}` : '/'
}

/** Where the link leads when its secret is good; null when it is not. */
export async function previewTarget(url: URL): Promise<string | null> {
  if (url.searchParams.has(urlSearchParamPreviewSecret)) {
    const client = sanityPreviewClient()
    if (!client) return null
    const { isValid, redirectTo } = await validatePreviewUrl(client, url.href)
    return isValid ? safeRedirect(redirectTo ?? null) : null
  }
  return isPreviewSecret(url.searchParams.get('secret'))
    ? safeRedirect(url.searchParams.get('redirect'))
    : null
}
