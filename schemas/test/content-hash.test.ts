// A published version's content hash: what it says is hashed when it is published, and a version rewritten
// afterwards (its catalog, its text, a translation) is refused by the one reader of versions, named.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createGroqRunner, parseNdjson, type SanityDocument } from '../src/dataset'
import { canonicalContent, contentHashOf, type HashedContent } from '../src/model'
import { AlteredVersionError, readVersions } from '../src/state'

const fixture = parseNdjson(
  readFileSync(new URL('../../web/e2e/fixtures/three-versions.ndjson', import.meta.url), 'utf8'),
  'three-versions.ndjson',
)

/** A stored document's JSON, reached into by path to change one value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests write into arbitrary depths of a document
type Json = any

/** The fixture with version 2 changed by `change`, as someone writing the dataset behind the Studio would. */
function altered(change: (version: Json) => void): SanityDocument[] {
  return fixture.map((document) => {
    if (document._id !== 'policyVersion-cookies-2') return document
    const copy = structuredClone(document) as Json
    change(copy)
    return copy as SanityDocument
  })
}

describe('content hashes of published versions', () => {
  it('every version of the shipped datasets carries the hash of what it says', async () => {
    const versions = fixture.filter((document) => document._type === 'policyVersion')
    expect(versions).toHaveLength(3)
    for (const version of versions)
      expect((version as { contentHash?: string }).contentHash).toBe(
        await contentHashOf(version as HashedContent),
      )
    const read = await readVersions(createGroqRunner(fixture), 'cookies', [1, 2, 3])
    expect(read.map((version) => version.version)).toEqual([1, 2, 3])
  })

  it.each<[string, (version: Json) => void]>([
    [
      'a cookie’s retention in the catalog',
      (v) => (v.snapshot.categories[1].cookies[0].retention.amount = 13),
    ],
    ['a category’s description', (v) => (v.snapshot.categories[1].description.fr += ' (modifié)')],
    ['the title', (v) => (v.title = { _type: 'localeString', fr: 'Une autre politique' })],
    ['a section’s text', (v) => (v.sections[0].body.fr[0].children[0].text = 'Réécrit.')],
    ['a translation', (v) => (v.snapshot.categories[0].title.en = 'Rewritten')],
  ])('refuses a version whose %s changed after publication, naming it', async (_, change) => {
    const run = createGroqRunner(altered(change))
    const error = await readVersions(run, 'cookies', [1, 2]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AlteredVersionError)
    expect((error as Error).message).toBe(
      'Version 2 of "cookies" was changed after it was published: its content no longer matches its content hash.',
    )
    // The others are still read.
    expect((await readVersions(run, 'cookies', [1, 3])).map((version) => version.version)).toEqual([
      1, 3,
    ])
  })

  it('reads a version published before hashes existed, and hashes a canonical form', async () => {
    const unhashed = altered((version) => delete version.contentHash)
    expect(await readVersions(createGroqRunner(unhashed), 'cookies', [2])).toHaveLength(1)
    expect(canonicalContent({ title: { fr: 'a', _type: 'x' }, sections: null })).toBe(
      canonicalContent({ sections: undefined, title: { _type: 'x', fr: 'a' } }),
    )
    expect(await contentHashOf({ title: 'a' })).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})
