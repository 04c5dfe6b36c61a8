// "/" sends visitors to the default policy in their language (Accept-Language), else in its binding language.
import { NextResponse, type NextRequest } from 'next/server'
import { bindingOf } from '@cookie-policy/schemas/state'
import { getDefaultPolicy } from '@/lib/policy'
import { preferredLang } from '@/lib/acceptLanguage'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  const policy = await getDefaultPolicy()
  const lang =
    preferredLang(request.headers.get('accept-language')) ?? (policy ? bindingOf(policy) : null)
  const response = NextResponse.redirect(
    new URL(`/${lang ?? 'fr'}/${policy?.slug ?? ''}`, request.url),
    307,
  )
  response.headers.set('Vary', 'Accept-Language')
  return response
}
