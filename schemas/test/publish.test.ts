import { describe, expect, it } from 'vitest'
import { createGroqRunner, type SanityDocument } from '../src/dataset'
import { planPublication, PublishError } from '../src/model/publish'
import { readForPublishing } from '../src/state'
import { seedDataset } from './helpers'

/** What the Studio's publish action reads before it plans: the policy, the catalog as edited, the latest version. */
async function state(documents: SanityDocument[]) {
  const found = await readForPublishing(createGroqRunner(documents), 'cookies')
  if (!found) throw new Error('no "cookies" policy')
  const { policy, catalog, latest } = found
  return { policy, catalog, latest }
}

function edit(
  documents: SanityDocument[],
  id: string,
  change: (document: SanityDocument) => SanityDocument,
): SanityDocument[] {
  return documents.map((document) =>
    document._id === id ? change(structuredClone(document)) : document,
  )
}

describe('planPublication (the Studio action and the importer)', () => {
  it('publishes a first version that always asks for consent', async () => {
    const { policy, catalog } = await state(await seedDataset())
    const plan = planPublication({
      policy,
      catalog,
      latest: null,
      effectiveFrom: '2021-03-09',
      requiresNewConsent: false,
    })
    expect(plan.kind).toBe('publish')
    if (plan.kind !== 'publish') return
    expect(plan.document).toMatchObject({
      _id: 'policyVersion-cookies-1',
      version: 1,
      effectiveFrom: '2021-03-09',
      requiresNewConsent: true,
    })
    expect(
      plan.document.snapshot.categories?.flatMap((category) => category.cookies ?? []),
    ).toHaveLength(15)
    // Written in every language of the deployment (fr, en by default).
    expect(plan.document.changeSummary).toEqual({
      _type: 'localeText',
      fr: 'Première version publiée.',
      en: 'First published version.',
    })
    expect(plan.diff).toBeNull()
  })

  it('reads what it plans from the policy as edited now, with its binding language', async () => {
    const documents = await seedDataset()
    const found = (await readForPublishing(createGroqRunner(documents), 'cookies'))!
    expect(found.policy._id).toBe('policy-cookies')
    expect(found.policy.bindingLanguage).toBe('fr')
    expect(found.catalog.map((category) => [category.key, category.cookies.length])).toEqual([
      ['necessary', 6],
      ['analytics', 7],
      ['functionality', 2],
    ])
    expect(found.latest!.version).toBe(1)
    expect(found.state.latest!.version).toBe(1)
    expect(await readForPublishing(createGroqRunner(documents), 'nope')).toBeNull()
  })

  it('shows what a translation changed on its own, apart from the binding text’s differences', async () => {
    const documents = await seedDataset()
    const edited = edit(
      edit(documents, 'cookie-cookies-im_lang', (cookie) => ({
        ...cookie,
        purpose: { ...(cookie.purpose as object), en: 'Remember the language you chose' },
      })),
      'cookie-cookies-im_web_jwt',
      (cookie) => ({
        ...cookie,
        retention: { _type: 'retention', kind: 'duration', amount: 31, unit: 'day' },
      }),
    )
    const plan = planPublication({ ...(await state(edited)), effectiveFrom: '2026-12-01' })
    if (plan.kind !== 'publish') throw new Error('expected a version')
    // French (binding): only the retention, which every language shows.
    expect(plan.diff!.cookies.changed.map((cookie) => [cookie.name, cookie.changes])).toEqual([
      ['im_web_jwt', [{ field: 'retention', before: '30 jours', after: '31 jours' }]],
    ])
    // English: the reworded purpose alone, not the retention again.
    expect(
      plan.translations.map(({ lang, diff }) => [
        lang,
        diff.cookies.changed.map((cookie) => [cookie.name, cookie.changes]),
      ]),
    ).toEqual([
      [
        'en',
        [
          [
            'im_lang',
            [
              {
                field: 'purpose',
                before: 'Remember your display language preferences for the inmemori site',
                after: 'Remember the language you chose',
              },
            ],
          ],
        ],
      ],
    ])
  })

  it('refuses to publish when nothing changed', async () => {
    const plan = planPublication({
      ...(await state(await seedDataset())),
      effectiveFrom: '2026-12-01',
    })
    expect(plan).toEqual({ kind: 'unchanged', latestVersion: 1 })
  })

  it('copies the catalog into the version: editing the catalog later leaves the version as published', async () => {
    const documents = await seedDataset()
    const before = structuredClone(
      documents.find((document) => document._id === 'policyVersion-cookies-1'),
    )
    const edited = edit(documents, 'cookie-cookies-im_lang', (cookie) => ({
      ...cookie,
      purpose: { _type: 'localeText', fr: 'Nouvelle finalité' },
    }))
    const plan = planPublication({ ...(await state(edited)), effectiveFrom: '2026-12-01' })
    expect(edited.find((document) => document._id === 'policyVersion-cookies-1')).toEqual(before)
    if (plan.kind !== 'publish') throw new Error('expected a version')
    const imLang = plan.document.snapshot.categories![0]!.cookies!.find(
      (cookie) => cookie.name === 'im_lang',
    )!
    expect(imLang.purpose).toEqual({ _type: 'localeText', fr: 'Nouvelle finalité' })
    expect(imLang.cookieId).toBe('cookie-cookies-im_lang')
    expect(imLang.provider).toEqual({ _type: 'snapshotProvider', name: 'InMemori' })
    expect(plan.document.changeSummary).toEqual({
      _type: 'localeText',
      fr: 'Cookie modifié : im_lang.',
      en: 'Cookie changed: im_lang.',
    })
  })

  it('pre-selects new consent when a refusable cookie is added, its purpose changes or it is kept longer, not for a necessary one', async () => {
    const documents = await seedDataset()
    const necessaryPurpose = edit(documents, 'cookie-cookies-im_lang', (cookie) => ({
      ...cookie,
      purpose: { _type: 'localeText', fr: 'Autre' },
    }))
    const analyticsPurpose = edit(documents, 'cookie-cookies-im_mkt_tracking', (cookie) => ({
      ...cookie,
      purpose: { _type: 'localeText', fr: 'Autre' },
    }))
    const analyticsRetention = edit(documents, 'cookie-cookies-im_mkt_tracking', (cookie) => ({
      ...cookie,
      retention: { _type: 'retention', kind: 'duration', amount: 2, unit: 'day' },
    }))
    const added = [
      ...documents,
      {
        _id: 'cookie-new',
        _type: 'cookie',
        name: '_ga_*',
        category: { _type: 'reference', _ref: 'cookieCategory-cookies-analytics' },
        purpose: { _type: 'localeText', fr: 'Mesurer' },
        retention: { _type: 'retention', kind: 'duration', amount: 13, unit: 'month' },
        order: 9,
      },
    ]
    const suggestion = async (docs: SanityDocument[]) => {
      const plan = planPublication({ ...(await state(docs)), effectiveFrom: '2026-12-01' })
      if (plan.kind !== 'publish') throw new Error('expected a version')
      return [plan.suggestedRequiresNewConsent, plan.document.requiresNewConsent]
    }
    expect(await suggestion(necessaryPurpose)).toEqual([false, false])
    expect(await suggestion(analyticsPurpose)).toEqual([true, true])
    // 1 day to 2 days: a tracker kept longer than the visitor agreed to.
    expect(await suggestion(analyticsRetention)).toEqual([true, true])
    expect(await suggestion(added)).toEqual([true, true])
  })

  it('takes the editor’s decision over the suggestion, and checks the dates', async () => {
    const documents = edit(await seedDataset(), 'cookie-cookies-im_mkt_tracking', (cookie) => ({
      ...cookie,
      purpose: { _type: 'localeText', fr: 'Autre' },
    }))
    const current = await state(documents)
    const plan = planPublication({
      ...current,
      effectiveFrom: '2026-12-01',
      consentChanges: [
        { category: 'analytics', change: 'editorial', reason: 'The purpose was only clarified.' },
      ],
    })
    if (plan.kind !== 'publish') throw new Error('expected a version')
    expect(plan.document.requiresNewConsent).toBe(false)
    expect(plan.document.consentChanges).toEqual([
      {
        _key: 'analytics',
        _type: 'consentChange',
        category: 'analytics',
        change: 'editorial',
        suggested: 'material',
        reason: 'The purpose was only clarified.',
      },
      {
        _key: 'functionality',
        _type: 'consentChange',
        category: 'functionality',
        change: 'none',
        suggested: 'none',
      },
    ])
    // Another decision than the suggestion needs its reason; a category must exist.
    expect(() =>
      planPublication({
        ...current,
        effectiveFrom: '2026-12-01',
        consentChanges: [{ category: 'analytics', change: 'none' }],
      }),
    ).toThrow(
      'Category "analytics": the differences suggest "material", not "none". Give the reason for the change you chose.',
    )
    expect(() =>
      planPublication({
        ...current,
        effectiveFrom: '2026-12-01',
        consentChanges: [{ category: 'necessary', change: 'material', reason: 'x' }],
      }),
    ).toThrow(
      'There is no category "necessary" that visitors may refuse in this version: analytics, functionality.',
    )
    // Asked again as material: the line visitors read, written from the differences in every language.
    const asked = planPublication({ ...current, effectiveFrom: '2026-12-01' })
    if (asked.kind !== 'publish') throw new Error('expected a version')
    expect(asked.document.consentChanges?.[0]).toMatchObject({
      category: 'analytics',
      change: 'material',
      whatChanged: {
        _type: 'localeText',
        fr: 'Finalité de im_mkt_tracking modifiée.',
        en: 'Purpose of im_mkt_tracking changed.',
      },
    })
    expect(() => planPublication({ ...current, effectiveFrom: '2021-03-08' })).toThrow(PublishError)
    expect(() => planPublication({ ...current, effectiveFrom: '2021-03-08' })).toThrow(
      "The effective date 2021-03-08 is before version 1's (2021-03-09)",
    )
    expect(() => planPublication({ ...current, effectiveFrom: '1 décembre 2026' })).toThrow(
      'The effective date "1 décembre 2026" is not a date written YYYY-MM-DD.',
    )
    const sameDay = planPublication({ ...current, effectiveFrom: '2021-03-09' })
    expect(sameDay.kind === 'publish' && sameDay.document.version).toBe(2)
  })
})
