// Sends addresses that name no page to the 404 page with status 404, rendered on the server like any page.
import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_BINDING_LANGUAGE, isLang } from '@cookie-policy/schemas/model'
import { pageExists } from './lib/routes'

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl
  if (await pageExists(pathname, searchParams)) return NextResponse.next()
  const first = pathname.split('/')[1]
  const lang = isLang(first) ? first : DEFAULT_BINDING_LANGUAGE
  // A clone of nextUrl keeps the rewrite internal, whatever host name the server listens on.
  const target = request.nextUrl.clone()
  target.pathname = `/${lang}/page-not-found`
  target.search = ''
  return NextResponse.rewrite(target, { status: 404 })
}

export const config = {
  // Pages only: not the catalog API, Next's assets, the root redirect, or files of public/ (a dot in
  // the first segment: languages have none).
  matcher: ['/((?!api/|_next/)[^/.]+(?:/.*)?)'],
}
