import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createGroqRunner,
  DatasetError,
  parseNdjson,
  readNdjsonFile,
  serializeNdjson,
  type SanityDocument,
} from '../src/dataset'
import { objectFields } from '../src/jsonFields'
import { policiesQuery, policyVersionsByNumberQuery } from '../src/queries'
import type { PolicyVersionsByNumberQueryResult } from '../src/sanity.types'
import { readPolicyState, readVersions } from '../src/state'
import { importTexts, noon, seedDataset, seedFr } from './helpers'

const v2 = seedFr
  .replace('9 mars 2021', '1er juin 2024')
  .replace(
    "im_lang\tFonctionnement\tMémoriser vos préférences de langue d'affichage du site inmemori\tSession",
    "im_lang\tFonctionnement\tMémoriser vos préférences de langue d'affichage du site inmemori\t1 an",
  )
const v3 = v2
  .replace('1er juin 2024', '1er janvier 2027')
  .replace('.segment.com\tStatistique', '.mixpanel.com\tStatistique')

/** Three versions: 1 (2021), 2 (2024), and 3 announced for 2027 asking consent again. */
async function threeVersions(): Promise<SanityDocument[]> {
  return importTexts([
    { text: seedFr },
    { text: v2 },
    { text: v3, options: { requiresNewConsent: true } },
  ])
}

describe('the queries over a dataset', () => {
  it('lists policies with an address, never a draft or a policy without a slug', async () => {
    const documents = await seedDataset()
    const policy = documents.find((document) => document._id === 'policy-cookies')!
    const withDrafts = [
      ...documents,
      {
        ...policy,
        _id: 'drafts.policy-cookies',
        title: { _type: 'localeString', fr: 'Brouillon' },
      },
      { ...policy, _id: 'policy-noslug', slug: undefined },
      { ...policy, _id: 'drafts.policy-secret', slug: { _type: 'slug', current: 'secret' } },
    ]
    const policies = await createGroqRunner(withDrafts)(policiesQuery)
    expect(
      policies.map((entry) => [
        entry._id,
        entry.slug,
        entry.title.fr,
        entry.bindingLanguage,
        entry.timeZone,
        entry.isDefault,
      ]),
    ).toEqual([
      [
        'policy-cookies',
        'cookies',
        "Politique d'InMemori relative aux cookies",
        'fr',
        'Europe/Paris',
        null,
      ],
    ])
  })

  it('never serves a draft version, even one already in force', async () => {
    const documents = await seedDataset()
    const version = documents.find((document) => document._id === 'policyVersion-cookies-1')!
    const draft = {
      ...version,
      _id: 'drafts.policyVersion-cookies-2',
      version: 2,
      effectiveFrom: '2022-01-01',
    }
    const run = createGroqRunner([...documents, draft])
    const state = (await readPolicyState(run, 'cookies', noon('2026-11-29')))!
    expect(state.versions.map((entry) => entry.version)).toEqual([1])
    expect(state.inForce!.version).toBe(1)
    expect(state.latest!.version).toBe(1)
    expect((await readVersions(run, 'cookies', [1, 2])).map((entry) => entry.version)).toEqual([1])
  })

  it('serves the version in force, lists upcoming ones, and counts the consent revision', async () => {
    const run = createGroqRunner(await threeVersions())
    const on = async (today: string) => (await readPolicyState(run, 'cookies', noon(today)))!
    /** The version in force in full, as a policy page reads it. */
    const current = async (today: string) => {
      const state = await on(today)
      if (!state.inForce) return null
      const [version] = await readVersions(run, 'cookies', [state.inForce.version])
      return version!
    }
    const now = await on('2026-11-29')
    expect(now.today).toBe('2026-11-29')
    expect(now.timeZone).toBe('Europe/Paris')
    expect(now.binding).toBe('fr')
    expect(
      now.versions.map((entry) => [entry.version, entry.effectiveFrom, entry.requiresNewConsent]),
    ).toEqual([
      [3, '2027-01-01', true],
      [2, '2024-06-01', false],
      [1, '2021-03-09', true],
    ])
    expect(now.inForce!.version).toBe(2)
    expect(now.latest!.version).toBe(3)
    expect(now.consentRevision).toBe(1)
    expect((await current('2026-11-29'))!.version).toBe(2)
    expect((await on('2024-05-31')).inForce!.version).toBe(1)
    expect((await current('2024-05-31'))!.version).toBe(1)
    const later = await on('2027-01-01')
    expect(later.inForce!.version).toBe(3)
    expect(later.consentRevision).toBe(3)
    expect((await current('2027-01-01'))!.version).toBe(3)
    expect(await on('2021-03-08')).toMatchObject({ inForce: null, consentRevision: 0 })
    expect(await current('2021-03-08')).toBeNull()
    expect(await readPolicyState(run, 'nope', noon('2026-11-29'))).toBeNull()
  })

  it('reads versions by number with their own snapshot', async () => {
    const run = createGroqRunner(await threeVersions())
    const versions = await run(policyVersionsByNumberQuery, {
      slug: 'cookies',
      versions: [1, 3],
    })
    expect(versions.map((version) => version.version)).toEqual([1, 3])
    const names = (version: PolicyVersionsByNumberQueryResult[number]) =>
      version.snapshot.categories!.flatMap((category) =>
        category.cookies!.map((cookie) => cookie.name),
      )
    expect(names(versions[0]!)).toContain('.segment.com')
    expect(names(versions[1]!)).not.toContain('.segment.com')
    expect(names(versions[1]!)).toContain('.mixpanel.com')
    expect(await readVersions(run, 'cookies', [1, 3])).toEqual(versions)
    expect(await readVersions(run, 'cookies', [])).toEqual([])
  })
})

describe("the drafts perspective (editors' previews)", () => {
  it('shows each document as edited, under its published id; the published perspective never does', async () => {
    const documents = await seedDataset()
    const provider = documents.find((document) => document._id === 'provider-stripe-com')!
    const edited = { ...provider, _id: 'drafts.provider-stripe-com', name: 'Stripe, Inc.' }
    const created = { _id: 'drafts.provider-new', _type: 'provider', name: 'New provider' }
    const all = [...documents, edited, created]
    const providers = (perspective: 'published' | 'drafts') =>
      createGroqRunner(
        all,
        perspective,
      )(
        '*[_type == "provider" && _id in ["provider-stripe-com", "provider-new"]] | order(_id asc) { _id, name }',
      )
    expect(await providers('drafts')).toEqual([
      { _id: 'provider-new', name: 'New provider' },
      { _id: 'provider-stripe-com', name: 'Stripe, Inc.' },
    ])
    expect(await providers('published')).toEqual([
      { _id: 'provider-stripe-com', name: provider.name },
    ])
  })
})

describe('NDJSON datasets', () => {
  it('round-trips documents byte for byte', async () => {
    const text = serializeNdjson(await seedDataset())
    expect(serializeNdjson(parseNdjson(text, 'dataset.ndjson'))).toBe(text)
  })

  it('keeps a large document as its line: read by queries in full, written back as read', async () => {
    const documents = await threeVersions()
    const text = serializeNdjson(documents)
    const reread = parseNdjson(Buffer.from(text), 'dataset.ndjson')
    // A version (its catalog snapshot and text) is a large document: its line is kept, not its parsed fields.
    const version = reread.find((document) => document._type === 'policyVersion')!
    expect(Object.getOwnPropertyDescriptor(version, 'snapshot')!.get).toBeTypeOf('function')
    expect(Object.getOwnPropertyDescriptor(version, 'version')!.value).toBe(1)
    expect(() => {
      ;(version as Record<string, unknown>).snapshot = null
    }).toThrow(TypeError)
    const read = (docs: SanityDocument[]) =>
      readVersions(createGroqRunner(docs), 'cookies', [1, 2, 3])
    expect(await read(reread)).toEqual(await read(documents))
    expect(serializeNdjson(reread)).toBe(text)
    // Drafts over a large document keep it whole.
    const asDraft = parseNdjson(
      Buffer.from(text.replace('"_id":"policyVersion-', '"_id":"drafts.policyVersion-')),
      'x',
    )
    const drafts = createGroqRunner(asDraft, 'drafts')
    expect(await readVersions(drafts, 'cookies', [1, 2, 3])).toEqual(await read(documents))
  })

  it('reads a large document from its file when asked, from the file it was read from', async () => {
    const documents = await threeVersions()
    const dir = mkdtempSync(join(tmpdir(), 'dataset-'))
    const file = join(dir, 'dataset.ndjson')
    writeFileSync(file, serializeNdjson(documents))
    const fromFile = await readNdjsonFile(file)
    // Read in pieces smaller than a line, the documents are the same.
    expect(serializeNdjson(await readNdjsonFile(file, 1_000))).toBe(serializeNdjson(documents))
    const read = (docs: SanityDocument[]) =>
      readVersions(createGroqRunner(docs), 'cookies', [1, 2, 3])
    // The file is replaced (as every write does) by one with a single version: what was read stays whole.
    writeFileSync(`${file}.new`, serializeNdjson(documents.slice(0, 1)))
    renameSync(`${file}.new`, file)
    expect(await read(fromFile)).toEqual(await read(documents))
    expect(serializeNdjson(fromFile)).toBe(serializeNdjson(documents))
    await expect(readNdjsonFile(join(dir, 'missing.ndjson'))).rejects.toThrow(/ENOENT/)
    // A file rewritten in place under documents still in use is refused, not misread.
    writeFileSync(`${file}.new`, serializeNdjson(documents))
    renameSync(`${file}.new`, file)
    const inUse = await readNdjsonFile(file)
    writeFileSync(file, serializeNdjson(documents).replace('"version":1', '"version":7'))
    await expect(read(inUse)).rejects.toThrow(
      `${file}: the file was rewritten in place while it was in use`,
    )
    rmSync(dir, { recursive: true })
  })

  it('finds the fields of a JSON object without parsing their values', () => {
    const text = '{"a": "x\\\\\\"}", "b" : [1, {"c": "]}"}, true] ,"n":-1.5e3,"a":null }'
    const bytes = Buffer.from(text)
    const fields = objectFields(bytes, 0, bytes.length)!
    expect(
      Object.fromEntries(fields.map((f) => [f.key, JSON.parse(text.slice(f.start, f.end))])),
    ).toEqual(JSON.parse(text))
    for (const bad of ['[1]', '{"a":1', '{"a" 1}', '{"a":"x}', '{"a":1}x', '{"a":1,}'])
      expect(objectFields(Buffer.from(bad), 0, bad.length), bad).toBeNull()
  })

  it('names the file, line and field of a large document that is not JSON when read', async () => {
    const long = 'x'.repeat(10_000)
    const line = `{"_id":"v","_type":"policyVersion","version":1,"snapshot":{"a":"${long}","b":tru}}`
    const [document] = parseNdjson(`${line}\n`, 'data.ndjson')
    expect(document!.version).toBe(1)
    expect(() => document!.snapshot).toThrow(/^data\.ndjson:1: "snapshot" is not valid JSON/)
  })

  it('names the file and line of a bad document', () => {
    expect(() => parseNdjson('{"_id":"a","_type":"policy"}\n{oops\n', 'data.ndjson')).toThrow(
      DatasetError,
    )
    expect(() => parseNdjson('{"_id":"a","_type":"policy"}\n{oops\n', 'data.ndjson')).toThrow(
      /^data\.ndjson:2: not valid JSON/,
    )
    expect(() => parseNdjson('{"_id":"a"}\n', 'data.ndjson')).toThrow(
      'data.ndjson:1: a document needs a string "_id" and "_type"',
    )
    expect(() =>
      parseNdjson('{"_id":"a","_type":"x"}\n{"_id":"a","_type":"x"}\n', 'data.ndjson'),
    ).toThrow('data.ndjson:2: "_id" a already used on line 1')
  })
})
