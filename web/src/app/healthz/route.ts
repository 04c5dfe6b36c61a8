// GET /healthz: whether the content source answers, and which version of each policy is in force since
// when. Never cached. 503 while the source has never answered; 200 with `answering: false` while the
// last good content is served during an outage.
import { policiesQuery } from '@cookie-policy/schemas/queries'
import { readPolicyState } from '@cookie-policy/schemas/state'
import { contentSourceStatus, runQuery } from '@/lib/contentSource'

export const dynamic = 'force-dynamic'

const NO_STORE = { 'Cache-Control': 'no-store' }

export async function GET(): Promise<Response> {
  const checkedAt = new Date().toISOString()
  try {
    const policies = await runQuery(policiesQuery)
    const states = await Promise.all(
      policies.map((policy) => readPolicyState(runQuery, policy.slug)),
    )
    const source = contentSourceStatus()
    return Response.json(
      {
        status: source.failingSince ? 'degraded' : 'ok',
        contentSource: { ...source, answering: source.failingSince === null },
        policies: states.flatMap((state) =>
          state
            ? [
                {
                  slug: state.policy.slug,
                  versionInForce: state.inForce?.version ?? null,
                  inForceSince: state.inForce?.effectiveFrom ?? null,
                  timeZone: state.timeZone,
                },
              ]
            : [],
        ),
        checkedAt,
      },
      { headers: NO_STORE },
    )
  } catch (error) {
    // The details (paths, upstream messages) go to the log, not to whoever asks.
    console.error(`healthz: ${(error as Error).message}`)
    return Response.json(
      {
        status: 'unavailable',
        contentSource: { ...contentSourceStatus(), answering: false },
        reason: 'The content cannot be read right now; the server log says why.',
        checkedAt,
      },
      { status: 503, headers: { ...NO_STORE, 'Retry-After': '30' } },
    )
  }
}
