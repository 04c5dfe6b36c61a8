// The preview link's checks: its secret (the Studio's short-lived one, or a link signed with
// SANITY_PREVIEW_SECRET that expires) and where it may lead (this site only).
import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { urlSearchParamPreviewSecret } from '@sanity/preview-url-secret/constants'
import { isValidPreviewLink } from '@cookie-policy/schemas/previewLink'
import { sanityPreviewClient } from './contentSource'
import { previewSecret } from './env'

/**
 * Only a path of this site: "/fr/cookies", never anything a browser would take to another host ("//x",
 * "/\x", "/.//x", "/%2e//x", "https://x"). The path is given back as a URL parser resolves it.
 */
export function safeRedirect(path: string | null): string {
  if (!path?.startsWith('/')) return '/'
  const base = 'http://this.site'
  let url: URL
  try {
    url = new URL(path, base)
  } catch {
    return '/'
  }
  if (url.origin !== base || /^\/[/\\]/.test(url.pathname)) return '/'
  return `${url.pathname}${url.search}`
}

/** Where the link leads when its secret is good; null when it is not. */
export async function previewTarget(url: URL): Promise<string | null> {
  if (url.searchParams.has(urlSearchParamPreviewSecret)) {
    const client = sanityPreviewClient()
    if (!client) return null
    const { isValid, redirectTo } = await validatePreviewUrl(client, url.href)
    return isValid ? safeRedirect(redirectTo ?? null) : null
  }
  return isValidPreviewLink(url.searchParams, previewSecret())
    ? safeRedirect(url.searchParams.get('redirect'))
    : null
}
