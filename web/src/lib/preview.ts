// An editor's preview: the next version as "Publish a new version" would create it from the drafts (the same
// publish plan), rendered by the same components as a published version. Draft mode only; never cached.
import { createGroqRunner } from '@cookie-policy/schemas/dataset'
import { defaultEffectiveDay, planPublication } from '@cookie-policy/schemas/model'
import {
  readForPublishing,
  readVersions,
  type FullVersion,
  type PolicyState,
} from '@cookie-policy/schemas/state'
import { runDraftQuery } from './contentSource'

export interface Preview {
  state: PolicyState
  version: FullVersion
  /** The latest published version, when the drafts change it. */
  latest: FullVersion | null
  changed: boolean
}

export async function readPreview(slug: string): Promise<Preview | null> {
  const publishing = await readForPublishing(runDraftQuery, slug)
  if (!publishing) return null
  const { state, latest } = publishing
  const plan = planPublication({
    ...publishing,
    effectiveFrom: defaultEffectiveDay(state.today, latest),
  })
  if (plan.kind === 'unchanged')
    return latest ? { state, version: latest, latest: null, changed: false } : null
  // Read back through the version query, so the preview has exactly a published version's shape.
  const policy = { _id: publishing.policy._id, _type: 'policy', slug: { current: slug } }
  const run = createGroqRunner([policy, plan.document])
  const [version] = await readVersions(run, slug, [plan.document.version])
  return version ? { state, version, latest, changed: true } : null
}
