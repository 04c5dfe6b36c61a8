// GET /api/draft-mode/enable: an editor's preview link. From the Studio (Content Lake): a short-lived secret the
// Studio created for the signed-in editor (Sanity's preview-url-secret, checked with SANITY_API_READ_TOKEN).
// Otherwise (the embedded mode, tools): ?redirect=/fr/cookies&expires=…&signature=…, signed with
// SANITY_PREVIEW_SECRET (`npm run preview-link`). A wrong, expired or missing signature is a 401 and sets no
// cookie; a good one turns Next.js draft mode on, sets this site's preview cookie, and goes to the page.
import { cookies, draftMode } from 'next/headers'
import { previewTarget } from '@/lib/draftLink'
import { PREVIEW_COOKIE, PREVIEW_COOKIE_SECONDS, previewCookieValue } from '@/lib/previewCookie'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const target = await previewTarget(new URL(request.url)).catch(() => null)
  const cookie = previewCookieValue()
  if (target === null || cookie === null) {
    return Response.json(
      { error: { code: 'invalid_secret', message: 'This preview link is not valid.' } },
      { status: 401, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  ;(await draftMode()).enable()
  ;(await cookies()).set(PREVIEW_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: PREVIEW_COOKIE_SECONDS,
    secure: process.env.SITE_URL?.startsWith('https://') ?? false,
  })
  return new Response(null, {
    status: 307,
    headers: { Location: target, 'Cache-Control': 'no-store' },
  })
}
