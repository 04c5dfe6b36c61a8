// GET /api/draft-mode/enable?secret=…&redirect=/fr/cookies: the Studio's preview link. A wrong or missing
// secret is a 401 and sets no cookie; the right one turns Next.js draft mode on and goes to the page.
import { draftMode } from 'next/headers'
import { isPreviewSecret, safeRedirect } from '@/lib/preview'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (!isPreviewSecret(url.searchParams.get('secret'))) {
    return Response.json(
      { error: { code: 'invalid_secret', message: 'This preview link is not valid.' } },
      { status: 401, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  ;(await draftMode()).enable()
  return new Response(null, {
    status: 307,
    headers: {
      Location: safeRedirect(url.searchParams.get('redirect')),
      'Cache-Control': 'no-store',
    },
  })
}
