import { describe, expect, it } from 'vitest'
import {
  diffVersions,
  isEmptyDiff,
  type CookieContent,
  type VersionContent,
} from '../src/model/diff'

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
    expect(isEmptyDiff(diffVersions(v1, v1, 'fr'))).toBe(true)
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
    const diff = diffVersions(v1, v2, 'fr')
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
    const diff = diffVersions(v1, v2, 'fr')
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
    expect(diffVersions(v1, v2, 'en').cookies.changed[0]!.changes).toEqual([
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
    const [section] = diffVersions(v1, v2, 'fr').sections.changed
    expect(section!.number).toBe('1')
    expect(section!.parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual([
      'peu de',
    ])
    expect(section!.parts.filter((part) => part.removed).map((part) => part.value.trim())).toEqual([
      'des',
    ])
    expect(section!.parts.map((part) => part.value).join('')).not.toContain('peu de de')
  })
})
