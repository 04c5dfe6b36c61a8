// Every page passes here first: a fresh CSP nonce for its scripts, a real 404 for an address that names no
// page, and a 503 page in the visitor's language while the content source has never answered.
import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_BINDING_LANGUAGE, isLang, nextMidnight } from '@cookie-policy/schemas/model'
import { hasPreviewCookie } from './lib/previewCookie'
import { checkPage, VALID_UNTIL_HEADER } from './lib/routes'
import { commonSecurityHeaders, newNonce, pageCsp } from './lib/security'

/** Seconds a visitor (or a crawler) should wait before asking again while the content is unavailable. */
const RETRY_AFTER = '30'

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl
  const nonce = newNonce()
  const csp = pageCsp(nonce)
  // Next.js reads the nonce of its own scripts from the request's policy; the layout reads x-nonce.
  const headers = new Headers(request.headers)
  headers.delete('x-policy')
  headers.set('x-nonce', nonce)
  headers.set('Content-Security-Policy', csp)
  const first = pathname.split('/')[1]
  const lang = isLang(first) ? first : DEFAULT_BINDING_LANGUAGE
  // A clone of nextUrl keeps a rewrite internal, whatever host name the server listens on.
  const target = request.nextUrl.clone()
  target.search = ''
  let response: NextResponse
  // An editor's preview may show a policy that has no version in force yet: the page decides.
  const preview =
    hasPreviewCookie(request.headers.get('cookie')) && /^\/[^/]+\/[^/]+\/?$/.test(pathname)
  try {
    const check =
      preview && isLang(first)
        ? { exists: true, timeZone: null }
        : await checkPage(pathname, searchParams)
    if (check.exists) {
      // The banner on a policy's pages is that policy's (the layout reads this header).
      const slug = pathname.split('/')[2]
      if (slug) headers.set('x-policy', slug)
      response = NextResponse.next({ request: { headers } })
      // Asked by the production server's page cache: this page may change at midnight in its policy's zone.
      const token = process.env.PAGE_RENDER_TOKEN
      if (check.timeZone && token && request.headers.get(VALID_UNTIL_HEADER) === token)
        response.headers.set(VALID_UNTIL_HEADER, String(nextMidnight(check.timeZone, Date.now())))
    } else {
      target.pathname = `/${lang}/page-not-found`
      response = NextResponse.rewrite(target, { status: 404, request: { headers } })
    }
  } catch {
    // The content source logs its outage once; here the visitor gets a readable page, not a 500.
    target.pathname = `/${lang}/unavailable`
    response = NextResponse.rewrite(target, { status: 503, request: { headers } })
    response.headers.set('Retry-After', RETRY_AFTER)
    response.headers.set('Cache-Control', 'no-store')
  }
  response.headers.set('Content-Security-Policy', csp)
  // At run time, not from the build: HSTS follows SITE_URL as the server was started with it.
  for (const [name, value] of Object.entries(commonSecurityHeaders()))
    response.headers.set(name, value)
  return response
}

export const config = {
  // Pages only: not the API, Next's assets, the health check, the root redirect, or files of public/ (a
  // dot in the first segment: languages have none).
  matcher: ['/((?!api/|_next/|healthz)[^/.]+(?:/.*)?)'],
}
