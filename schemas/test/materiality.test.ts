// The materiality rule, case by case: what each kind of change does to each category a visitor may refuse.
import { describe, expect, it } from 'vitest'
import type { VersionContent } from '../src/model/diff'
import {
  categoryMateriality,
  textChange,
  whatChangedLine,
  type CategoryMateriality,
} from '../src/model/materiality'

interface Cookie {
  cookieId: string
  name: string
  purpose: { _type: 'localeText'; fr: string; en?: string }
  retention: { _type: 'retention'; kind: 'session' } | Duration
  provider?: { name: string } | null
  type?: { _type: 'localeString'; fr: string }
  moreInfoUrl?: string
}
type Duration = {
  _type: 'retention'
  kind: 'duration'
  amount: number
  unit: 'day' | 'month' | 'year'
}
interface Category {
  key: string
  title: { _type: 'localeString'; fr: string; en?: string }
  description: { _type: 'localeText'; fr: string; en?: string }
  required: boolean
  consentModes: string[]
  cookies: Cookie[]
}

const days = (amount: number, unit: Duration['unit'] = 'day'): Duration => ({
  _type: 'retention',
  kind: 'duration',
  amount,
  unit,
})
const cookie = (name: string, purpose: string, retention: Cookie['retention']): Cookie => ({
  cookieId: `cookie-${name}`,
  name,
  purpose: { _type: 'localeText', fr: purpose, en: `${purpose} (en)` },
  retention,
  provider: { name: 'InMemori' },
})

/** Version 1 of a small policy: one necessary category, two a visitor may refuse. */
function base(): Category[] {
  return [
    {
      key: 'necessary',
      title: { _type: 'localeString', fr: 'Cookies nécessaires' },
      description: { _type: 'localeText', fr: 'Indispensables au site.' },
      required: true,
      consentModes: [],
      cookies: [
        cookie('im_session', 'Garder la session ouverte', { _type: 'retention', kind: 'session' }),
      ],
    },
    {
      key: 'analytics',
      title: { _type: 'localeString', fr: 'Mesure d’audience', en: 'Analytics' },
      description: {
        _type: 'localeText',
        fr: 'Ces cookies mesurent la fréquentation du site pour l’améliorer.',
        en: 'These cookies measure visits to improve the site.',
      },
      required: false,
      consentModes: ['analytics_storage'],
      cookies: [
        cookie(
          'im_mkt_tracking',
          'Mesurer l’efficacité de nos campagnes de communication',
          days(1),
        ),
        cookie('_ga', 'Distinguer les visiteurs pour compter les visites', days(13, 'month')),
      ],
    },
    {
      key: 'functionality',
      title: { _type: 'localeString', fr: 'Fonctionnalités' },
      description: { _type: 'localeText', fr: 'Ces cookies retiennent vos préférences.' },
      required: false,
      consentModes: ['functionality_storage'],
      cookies: [cookie('im_lang', 'Retenir la langue choisie par le visiteur', days(1, 'year'))],
    },
  ]
}

const content = (categories: Category[]): VersionContent =>
  ({ snapshot: { categories } }) as unknown as VersionContent

/** The rule's answer for version 1 against version 1 changed by `edit`. */
function after(edit: (categories: Category[]) => void): Record<string, CategoryMateriality> {
  const changed = base()
  edit(changed)
  return Object.fromEntries(
    categoryMateriality(content(base()), content(changed), 'fr').map((entry) => [
      entry.category,
      entry,
    ]),
  )
}
const analytics = (categories: Category[]) => categories[1]!
const functionality = (categories: Category[]) => categories[2]!

const summary = (result: Record<string, CategoryMateriality>) =>
  Object.fromEntries(
    Object.values(result).map((entry) => [
      entry.category,
      `${entry.change}${entry.changes.length ? ` (${entry.changes.map((c) => c.kind).join(', ')})` : ''}`,
    ]),
  )

describe('categoryMateriality', () => {
  const cases: [string, (categories: Category[]) => void, Record<string, string>][] = [
    ['nothing changed', () => {}, { analytics: 'none', functionality: 'none' }],
    [
      'an analytics cookie added',
      (c) => analytics(c).cookies.push(cookie('_gid', 'Compter les visites du jour', days(1))),
      { analytics: 'material (cookie-added)', functionality: 'none' },
    ],
    [
      'a cookie removed',
      (c) => analytics(c).cookies.pop(),
      { analytics: 'editorial (cookie-removed)', functionality: 'none' },
    ],
    [
      'a retention lengthened from 1 day to 13 months',
      (c) => (analytics(c).cookies[0]!.retention = days(13, 'month')),
      { analytics: 'material (retention-lengthened)', functionality: 'none' },
    ],
    [
      'a retention shortened',
      (c) => (analytics(c).cookies[1]!.retention = days(6, 'month')),
      { analytics: 'editorial (retention-shortened)', functionality: 'none' },
    ],
    [
      'a persistent cookie made a session cookie',
      (c) => (analytics(c).cookies[1]!.retention = { _type: 'retention', kind: 'session' }),
      { analytics: 'editorial (retention-shortened)', functionality: 'none' },
    ],
    [
      'a retention no longer given',
      (c) =>
        (functionality(c).cookies[0]!.retention = {
          _type: 'retention',
          kind: 'unknown',
        } as unknown as Duration),
      { analytics: 'none', functionality: 'material (retention-lengthened)' },
    ],
    [
      'a purpose reworded',
      (c) => (analytics(c).cookies[1]!.purpose.fr = 'Suivre les visiteurs d’un site à l’autre'),
      { analytics: 'material (purpose-changed)', functionality: 'none' },
    ],
    [
      'a typo corrected in a purpose',
      (c) =>
        (analytics(c).cookies[1]!.purpose.fr =
          'Distinguer les visiteurs pour compter les visistes'),
      { analytics: 'editorial (purpose-corrected)', functionality: 'none' },
    ],
    [
      'punctuation and case only',
      (c) =>
        (analytics(c).cookies[1]!.purpose.fr =
          'distinguer les visiteurs, pour compter les visites.'),
      { analytics: 'editorial (purpose-corrected)', functionality: 'none' },
    ],
    [
      'a translation reworded, the binding text unchanged',
      (c) => (analytics(c).cookies[1]!.purpose.en = 'Tell visitors apart'),
      { analytics: 'editorial (translation-changed)', functionality: 'none' },
    ],
    [
      'a provider changed',
      (c) => (analytics(c).cookies[1]!.provider = { name: 'Google' }),
      { analytics: 'material (provider-changed)', functionality: 'none' },
    ],
    [
      'the category’s legal description changed',
      (c) =>
        (analytics(c).description.fr = 'Ces cookies mesurent la fréquentation et la revendent.'),
      { analytics: 'material (description-changed)', functionality: 'none' },
    ],
    [
      'a typo corrected in the description',
      (c) =>
        (analytics(c).description.fr =
          'Ces cookies mesurent la fréquentation du site pour l’amélirer.'),
      { analytics: 'editorial (description-corrected)', functionality: 'none' },
    ],
    [
      'the category renamed',
      (c) => (analytics(c).title.fr = 'Statistiques'),
      { analytics: 'editorial (title-changed)', functionality: 'none' },
    ],
    [
      'a cookie moved from functionality into analytics',
      (c) => analytics(c).cookies.push(functionality(c).cookies.pop()!),
      { analytics: 'material (cookie-moved-in)', functionality: 'editorial (cookie-moved-out)' },
    ],
    [
      'a Consent Mode signal added',
      (c) => analytics(c).consentModes.push('ad_storage'),
      { analytics: 'material (signal-added)', functionality: 'none' },
    ],
    [
      'a Consent Mode signal removed',
      (c) => (functionality(c).consentModes = []),
      { analytics: 'none', functionality: 'editorial (signal-removed)' },
    ],
    [
      'cookies reordered',
      (c) => analytics(c).cookies.reverse(),
      { analytics: 'editorial (order-changed)', functionality: 'none' },
    ],
    [
      'a cookie’s link changed',
      (c) => (analytics(c).cookies[1]!.moreInfoUrl = 'https://policies.google.com/privacy'),
      { analytics: 'editorial (details-changed)', functionality: 'none' },
    ],
    [
      'a cookie renamed under the same entry',
      (c) => (analytics(c).cookies[1]!.name = '_ga_*'),
      { analytics: 'material (cookie-renamed)', functionality: 'none' },
    ],
    [
      'a new refusable category',
      (c) =>
        c.push({
          ...functionality(base()),
          key: 'advertising',
          cookies: [cookie('_fbp', 'Publicité ciblée', days(3, 'month'))],
        }),
      { analytics: 'none', functionality: 'none', advertising: 'material (category-added)' },
    ],
    [
      'a necessary cookie reworded and one added: necessary categories are never asked',
      (c) => {
        c[0]!.cookies[0]!.purpose.fr = 'Tout autre chose que la session'
        c[0]!.cookies.push(cookie('im_csrf', 'Protéger les formulaires', days(1)))
      },
      { analytics: 'none', functionality: 'none' },
    ],
    [
      'a necessary category made refusable',
      (c) => (c[0]!.required = false),
      { necessary: 'material (category-added)', analytics: 'none', functionality: 'none' },
    ],
  ]
  for (const [name, edit, expected] of cases)
    it(name, () => expect(summary(after(edit))).toEqual(expected))

  it('a first version asks about every refusable category', () => {
    expect(
      categoryMateriality(null, content(base()), 'fr').map((entry) => [
        entry.category,
        entry.change,
      ]),
    ).toEqual([
      ['analytics', 'material'],
      ['functionality', 'material'],
    ])
  })

  it('says a lengthened retention in each language, from the stored values', () => {
    const result = after((c) => {
      analytics(c).cookies[0]!.retention = days(13, 'month')
      analytics(c).cookies.push(cookie('_gid', 'Compter les visites du jour', days(1)))
    })
    const changes = result.analytics!.changes
    expect(whatChangedLine(changes, 'fr')).toBe(
      'Durée de conservation de im_mkt_tracking allongée (1 jour → 13 mois) ; cookie ajouté : _gid.',
    )
    expect(whatChangedLine(changes, 'en')).toBe(
      'Retention of im_mkt_tracking lengthened (1 day → 13 months); cookie added: _gid.',
    )
    expect(whatChangedLine(changes, 'de')).toBe(
      'Speicherdauer von im_mkt_tracking verlängert (1 Tag → 13 Monate); Cookie hinzugefügt: _gid.',
    )
  })

  it('has no line for an editorial change', () => {
    expect(whatChangedLine(after((c) => analytics(c).cookies.pop()).analytics!.changes, 'en')).toBe(
      '',
    )
  })
})

describe('textChange', () => {
  it.each([
    ['Mesurer les visites du site', 'Mesurer les visites du site', 'none'],
    ['Mesurer les visites du site', 'Mesurer les visites du site.', 'corrected'],
    ['Mesurer les visites du site', 'Mesurer les visistes du site', 'corrected'],
    ['Mesurer les visites du site', 'Mesurer les achats du site', 'reworded'],
    // Short texts: a changed letter may be a different word ("cookie tiers" / "cookie tiens").
    ['Pub', 'Pop', 'reworded'],
  ])('%s → %s: %s', (before, after, expected) => {
    expect(textChange(before, after)).toBe(expected)
  })
})
