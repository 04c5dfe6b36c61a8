// The content source in production mode: the real @sanity/client against a loopback stand-in for the
// Content Lake's query endpoint, which answers from a fixture dataset with groq-js and, like the Content
// Lake, shows drafts unless the published perspective is asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPolicyState, readVersions } from '@cookie-policy/schemas/state'
import { seed } from './helpers'
import { startLakeStandIn, type LakeStandIn } from './lakeStandIn'

const version = seed.find((document) => document._id === 'policyVersion-cookies-1')!
const draft = {
  ...version,
  _id: 'drafts.policyVersion-cookies-2',
  version: 2,
  effectiveFrom: '2022-01-01',
}
let lake: LakeStandIn

beforeAll(async () => {
  lake = await startLakeStandIn([...seed, draft])
  process.env.SANITY_PROJECT_ID = 'testproject'
  process.env.SANITY_DATASET = 'production'
  process.env.SANITY_API_HOST = lake.url
})
afterAll(async () => {
  delete process.env.SANITY_PROJECT_ID
  delete process.env.SANITY_DATASET
  delete process.env.SANITY_API_HOST
  await lake.close()
})

describe('the content source with SANITY_PROJECT_ID set', () => {
  it('runs the same GROQ through @sanity/client, published documents only', async () => {
    const { runQuery } = await import('../src/lib/contentSource')
    const state = await readPolicyState(runQuery, 'cookies', new Date('2026-11-29T12:00:00Z'))
    expect(state!.versions.map((entry) => entry.version)).toEqual([1])
    const history = lake.queries.at(-1)!
    expect(history.searchParams.get('perspective')).toBe('published')
    const [current] = await readVersions(runQuery, 'cookies', [state!.inForce!.version])
    expect(
      current!.snapshot.categories!.flatMap((category) => category.cookies ?? []),
    ).toHaveLength(15)
    const asked = lake.queries.at(-1)!
    expect(asked.pathname).toBe('/v2025-02-19/data/query/production')
    expect(asked.searchParams.get('perspective')).toBe('published')
    expect(asked.searchParams.get('$slug')).toBe('"cookies"')
  })
})
