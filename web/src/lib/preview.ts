// An editor's preview: the next version as "Publish a new version" would create it from the drafts (the same
// publish plan), rendered by the same components as a published version. Draft mode only; never cached.
import 'server-only'
import { timingSafeEqual } from 'node:crypto'
import { createGroqRunner } from '@cookie-policy/schemas/dataset'
import { planPublication } from '@cookie-policy/schemas/model'
import {
  readForPublishing,
  readVersions,
  type FullVersion,
  type PolicyState,
} from '@cookie-policy/schemas/state'
import { runDraftQuery } from './contentSource'
import { previewSecret } from './env'

export interface Preview {
  state: PolicyState
  version: FullVersion
  /** The latest published version, when the drafts change it. */
  latest: FullVersion | null
  changed: boolean
}

/** Whether a preview link's secret is this site's (constant time); false when previews are off. */
export function isPreviewSecret(given: string | null): boolean {
  const secret = previewSecret()
  if (!secret || !given) return false
  const [a, b] = [Buffer.from(given), Buffer.from(secret)]
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Only an address of this site: "/fr/cookies", never "//elsewhere" or "https://…". */
export function safeRedirect(path: string | null): string {
  return path && /^\/(?![/\\])/.test(path) ? path : '/'
}

export async function readPreview(slug: string): Promise<Preview | null> {
  const publishing = await readForPublishing(runDraftQuery, slug)
  if (!publishing) return null
  const { state, latest } = publishing
  const day = latest && latest.effectiveFrom > state.today ? latest.effectiveFrom : state.today
  const plan = planPublication({ ...publishing, effectiveFrom: day })
  if (plan.kind === 'unchanged')
    return latest ? { state, version: latest, latest: null, changed: false } : null
  // Read back through the version query, so the preview has exactly a published version's shape.
  const policy = { _id: publishing.policy._id, _type: 'policy', slug: { current: slug } }
  const run = createGroqRunner([policy, plan.document])
  const [version] = await readVersions(run, slug, [plan.document.version])
  return version ? { state, version, latest, changed: true } : null
}
