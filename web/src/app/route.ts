// "/" sends visitors to the policy in their language (Accept-Language), French by default.
import { NextResponse, type NextRequest } from 'next/server'
import { getPolicies } from '@/lib/policy'
import { preferredLang } from '@/lib/acceptLanguage'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  const lang = preferredLang(request.headers.get('accept-language'))
  const [first] = await getPolicies()
  const response = NextResponse.redirect(
    new URL(`/${lang}/${first?.slug ?? 'cookies'}`, request.url),
    307,
  )
  response.headers.set('Vary', 'Accept-Language')
  return response
}
