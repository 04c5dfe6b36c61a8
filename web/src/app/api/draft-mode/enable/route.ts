// GET /api/draft-mode/enable: an editor's preview link. From the Studio (Content Lake): a short-lived secret the
// Studio created for the signed-in editor (Sanity's preview-url-secret, checked with SANITY_API_READ_TOKEN).
// Otherwise (the embedded mode, tools): ?secret=SANITY_PREVIEW_SECRET&redirect=/fr/cookies. A wrong or missing
// secret is a 401 and sets no cookie; the right one turns Next.js draft mode on and goes to the page.
import { draftMode } from 'next/headers'
import { previewTarget } from '@/lib/draftLink'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const target = await previewTarget(new URL(request.url)).catch(() => null)
  if (target === null) {
    return Response.json(
      { error: { code: 'invalid_secret', message: 'This preview link is not valid.' } },
      { status: 401, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  ;(await draftMode()).enable()
  return new Response(null, {
    status: 307,
    headers: { Location: target, 'Cache-Control': 'no-store' },
  })
}
