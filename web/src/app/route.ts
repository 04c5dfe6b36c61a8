// "/" sends visitors to the default policy in their language (Accept-Language), else in its binding language.
import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_BINDING_LANGUAGE } from '@cookie-policy/schemas/model'
import { bindingOf } from '@cookie-policy/schemas/state'
import { getDefaultPolicy } from '@/lib/policy'
import { preferredLang } from '@/lib/acceptLanguage'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  const policy = await getDefaultPolicy().catch(() => undefined)
  // The content source has never answered: nowhere to send the visitor yet.
  if (policy === undefined)
    return new NextResponse('The cookie policy cannot be shown right now; try again shortly.\n', {
      status: 503,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': '30',
        'Cache-Control': 'no-store',
      },
    })
  const lang =
    preferredLang(request.headers.get('accept-language')) ?? (policy ? bindingOf(policy) : null)
  // A relative address: the Host the request came with, or a proxy's, is never trusted nor needed.
  return new NextResponse(null, {
    status: 307,
    headers: {
      Location: `/${lang ?? DEFAULT_BINDING_LANGUAGE}/${policy?.slug ?? ''}`,
      Vary: 'Accept-Language',
    },
  })
}
