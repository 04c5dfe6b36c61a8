import { describe, expect, it } from 'vitest'
import { diffVersions, isEmptyDiff, summarizeDiff, type VersionContent } from '../src/model/diff'

type CategoryContent = NonNullable<
  NonNullable<NonNullable<VersionContent['snapshot']>['categories']>[number]
>
type CookieContent = NonNullable<NonNullable<CategoryContent['cookies']>[number]>

const str = (fr: string, en?: string) => ({
  _type: 'localeString' as const,
  fr,
  ...(en ? { en } : {}),
})
const txt = (fr: string) => ({ _type: 'localeText' as const, fr })
const body = (text: string) => ({
  _type: 'localeBlockContent' as const,
  fr: [
    { _type: 'block' as const, _key: 'a', children: [{ _type: 'span' as const, _key: 's', text }] },
  ],
})

const category = (key: string, title: string, cookies: CookieContent[]) => ({
  key,
  title: str(title, `${title} (en)`),
  required: key === 'necessary',
  cookies,
})
const cookie = (
  id: string,
  purpose: string,
  retention: { kind: 'session' } | { kind: 'duration'; amount: number; unit: 'day' | 'month' },
) => ({
  cookieId: id,
  name: id,
  purpose: txt(purpose),
  retention: { _type: 'retention' as const, ...retention },
})

const v1: VersionContent = {
  title: str('Politique'),
  sections: [{ number: '1', heading: str('Cookies'), body: body('Nous utilisons des cookies.') }],
  snapshot: {
    categories: [
      category('necessary', 'Nécessaires', [
        cookie('session', 'Garder la session', { kind: 'session' }),
      ]),
      category('analytics', 'Mesure', [
        cookie('_ga', 'Mesurer', { kind: 'duration', amount: 13, unit: 'month' }),
        cookie('_old', 'Ancien', { kind: 'session' }),
      ]),
    ],
  },
}

describe('diffVersions', () => {
  it('finds nothing between a version and itself', () => {
    expect(isEmptyDiff(diffVersions(v1, v1, 'fr', 'fr'))).toBe(true)
  })

  it('reports a renamed category once, not as a change to each of its cookies', () => {
    const v2: VersionContent = {
      ...v1,
      snapshot: {
        categories: [
          v1.snapshot!.categories![0]!,
          { ...v1.snapshot!.categories![1]!, title: str('Mesure d’audience') },
        ],
      },
    }
    const diff = diffVersions(v1, v2, 'fr', 'fr')
    expect(diff.categories.renamed).toEqual([
      { key: 'analytics', before: 'Mesure', after: 'Mesure d’audience' },
    ])
    expect(diff.cookies.changed).toEqual([])
  })

  it('lists cookies added, removed, changed field by field, and moved between categories', () => {
    const v2: VersionContent = {
      ...v1,
      snapshot: {
        categories: [
          category('necessary', 'Nécessaires', [
            cookie('session', 'Garder la session', { kind: 'duration', amount: 30, unit: 'day' }),
            cookie('_ga', 'Mesurer', { kind: 'duration', amount: 13, unit: 'month' }),
          ]),
          category('analytics', 'Mesure', [cookie('_new', 'Nouveau', { kind: 'session' })]),
        ],
      },
    }
    const diff = diffVersions(v1, v2, 'fr', 'fr')
    expect(diff.cookies.added).toEqual([{ name: '_new', category: 'Mesure' }])
    expect(diff.cookies.removed).toEqual([{ name: '_old', category: 'Mesure' }])
    expect(diff.cookies.changed).toEqual([
      {
        name: 'session',
        category: 'Nécessaires',
        changes: [{ field: 'retention', before: 'Session', after: '30 jours' }],
      },
      {
        name: '_ga',
        category: 'Nécessaires',
        changes: [{ field: 'category', before: 'Mesure', after: 'Nécessaires' }],
      },
    ])
    expect(diffVersions(v1, v2, 'en', 'fr').cookies.changed[0]!.changes).toEqual([
      { field: 'retention', before: 'Session', after: '30 days' },
    ])
  })

  it('shows a prose change as a word diff', () => {
    const v2: VersionContent = {
      ...v1,
      sections: [
        { number: '1', heading: str('Cookies'), body: body('Nous utilisons peu de cookies.') },
      ],
    }
    const [section] = diffVersions(v1, v2, 'fr', 'fr').sections.changed
    expect(section!.number).toBe('1')
    expect(section!.parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual([
      'peu de',
    ])
    expect(section!.parts.filter((part) => part.removed).map((part) => part.value.trim())).toEqual([
      'des',
    ])
    expect(section!.parts.map((part) => part.value).join('')).not.toContain('peu de de')
  })

  it('words the differences in the reader language, the binding language standing in for a missing translation', () => {
    // An English-binding policy: titles and purposes fall back to English, retention words follow the reader.
    const analytics = { _type: 'localeString' as const, en: 'Analytics', de: 'Analyse' }
    const version = (purpose: string, months: number): VersionContent => ({
      title: { _type: 'localeString', en: 'Cookie policy' },
      snapshot: {
        categories: [
          {
            key: 'analytics',
            title: analytics,
            required: false,
            cookies: [
              {
                cookieId: '_ga',
                name: '_ga',
                purpose: { _type: 'localeText', en: purpose },
                retention: { _type: 'retention', kind: 'duration', amount: months, unit: 'month' },
              },
            ],
          },
        ],
      },
    })
    const before = version('Measure the audience', 13)
    const after = version('Measure the audience and the campaigns', 6)
    const french = diffVersions(before, after, 'fr', 'en')
    expect(french.title).toBeNull()
    expect(french.cookies.changed).toEqual([
      {
        name: '_ga',
        category: 'Analytics',
        changes: [
          {
            field: 'purpose',
            before: 'Measure the audience',
            after: 'Measure the audience and the campaigns',
          },
          { field: 'retention', before: '13 mois', after: '6 mois' },
        ],
      },
    ])
    const german = diffVersions(before, after, 'de', 'en')
    expect(german.cookies.changed).toEqual([
      {
        name: '_ga',
        category: 'Analyse',
        changes: [
          {
            field: 'purpose',
            before: 'Measure the audience',
            after: 'Measure the audience and the campaigns',
          },
          { field: 'retention', before: '13 Monate', after: '6 Monate' },
        ],
      },
    ])
    expect(summarizeDiff(french, 'fr')).toBe('Cookie modifié : _ga.')
    expect(summarizeDiff(german, 'de')).toBe('Cookie geändert: _ga.')
    expect(summarizeDiff(diffVersions(before, after, 'en', 'en'), 'en')).toBe(
      'Cookie changed: _ga.',
    )
    expect(summarizeDiff(null, 'de')).toBe('Erste veröffentlichte Fassung.')
  })
})
