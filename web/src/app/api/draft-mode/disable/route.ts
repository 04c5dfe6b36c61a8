// GET /api/draft-mode/disable?redirect=/fr/cookies: leave the preview, back to the published page.
import { cookies, draftMode } from 'next/headers'
import { safeRedirect } from '@/lib/draftLink'
import { PREVIEW_COOKIE } from '@/lib/previewCookie'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(PREVIEW_COOKIE)
  return new Response(null, {
    status: 307,
    headers: {
      Location: safeRedirect(new URL(request.url).searchParams.get('redirect')),
      'Cache-Control': 'no-store',
    },
  })
}
