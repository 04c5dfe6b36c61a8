// The Studio's words: every key in every language the code knows, none empty, the same placeholders; the
// schema made in each language; the sentences as an editor reads them, placeholders filled.
import { describe, expect, it } from 'vitest'
import { LOCALES, type KnownLang } from '../src/locales'
import {
  STUDIO_LOCALE_IDS,
  STUDIO_WORDS,
  studioLangOf,
  studioText,
  type StudioKey,
} from '../src/studioWords'
import { schemaTypesIn } from '../src/types'

const LANGS = Object.keys(LOCALES) as KnownLang[]
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort()

describe('the Studio’s bundles', () => {
  it('exist for every language the code knows, with a Sanity locale id each', () => {
    expect(Object.keys(STUDIO_WORDS).sort()).toEqual([...LANGS].sort())
    expect(LANGS.map((lang) => STUDIO_LOCALE_IDS[lang])).toEqual(['fr-FR', 'en-US', 'de-DE'])
  })

  it.each(LANGS)(
    '%s has every key of every other language, none empty, the same placeholders',
    (lang) => {
      const keys = Object.keys(STUDIO_WORDS.en).sort()
      expect(Object.keys(STUDIO_WORDS[lang]).sort()).toEqual(keys)
      const empty = keys.filter((key) => !STUDIO_WORDS[lang][key as StudioKey].trim())
      expect(empty).toEqual([])
      const mismatched = keys.filter(
        (key) =>
          placeholders(STUDIO_WORDS[lang][key as StudioKey]).join() !==
          placeholders(STUDIO_WORDS.en[key as StudioKey]).join(),
      )
      expect(mismatched).toEqual([])
    },
  )

  it('no French or German word is left in English', () => {
    // A word may be the same in two languages ("Cookie", "Session", "Description"); a whole sentence may not.
    const same = (lang: KnownLang) =>
      (Object.keys(STUDIO_WORDS.en) as StudioKey[]).filter(
        (key) =>
          STUDIO_WORDS[lang][key] === STUDIO_WORDS.en[key] && STUDIO_WORDS.en[key].includes(' '),
      )
    // "Version {{version}} · {{title}}" is French too.
    expect(same('fr')).toEqual(['preview.version'])
    expect(same('de')).toEqual([])
  })
})

describe('the sentences an editor reads', () => {
  it('name the binding language in the editor’s language', () => {
    const binding = { language: { lang: 'fr' } }
    expect(studioText('fr', 'rule.bindingRequired', binding)).toBe(
      'Le texte en français est obligatoire : c’est la langue qui fait foi pour cette politique.',
    )
    expect(studioText('de', 'rule.bindingRequired', binding)).toBe(
      'Der Text auf Französisch ist erforderlich: Französisch ist die maßgebliche Sprache dieser Richtlinie.',
    )
    expect(studioText('en', 'rule.bindingRequired', binding)).toBe(
      'The French text is required: French is this policy’s binding language.',
    )
    expect(
      studioText('de', 'rule.translationMissing', {
        language: { lang: 'en' },
        binding: { lang: 'fr' },
      }),
    ).toBe(
      'Die Übersetzung auf Englisch fehlt: Besucher, die auf Englisch lesen, sehen den Text auf Französisch, der maßgeblichen Sprache, mit einem Hinweis.',
    )
  })

  it('reads a Studio locale id as its words’ language, English for one without words', () => {
    expect(['fr-FR', 'de-DE', 'en-US', 'nb-NO', undefined].map(studioLangOf)).toEqual([
      'fr',
      'de',
      'en',
      'en',
      'en',
    ])
  })
})

describe('the schema in each language', () => {
  const field = (lang: KnownLang, type: string, name: string) => {
    const found = schemaTypesIn(lang).find((entry) => entry.name === type) as unknown as {
      title: string
      fields: { name: string; title: string; description?: string; options?: { list: unknown[] } }[]
    }
    return { ...found.fields.find((entry) => entry.name === name)!, typeTitle: found.title }
  }

  it.each([
    ['fr', 'Catégorie de cookies', 'Durée de conservation', 'Session, Durée, Inconnue'],
    ['de', 'Cookie-Kategorie', 'Speicherdauer', 'Sitzung, Dauer, Unbekannt'],
    ['en', 'Cookie category', 'Retention period', 'Session, Duration, Unknown'],
  ] as const)(
    '%s: titles, descriptions and choices from the bundle',
    (lang, category, retention, kinds) => {
      expect(field(lang, 'cookieCategory', 'key').typeTitle).toBe(category)
      expect(field(lang, 'cookie', 'retention').title).toBe(retention)
      expect(field(lang, 'cookie', 'retention').description).toBe(
        STUDIO_WORDS[lang]['cookie.retention.help'],
      )
      const kind = field(lang, 'retention', 'kind').options!.list as { title: string }[]
      expect(kind.map((item) => item.title).join(', ')).toBe(kinds)
    },
  )

  it('words the sort orders of lists (Sanity adds its own "Sort by")', () => {
    const orders = (lang: KnownLang) =>
      schemaTypesIn(lang)
        .filter((type) => ['cookie', 'policyVersion'].includes(type.name))
        .flatMap((type) => (type as { orderings?: { title: string }[] }).orderings ?? [])
        .map((order) => order.title)
    // The versions' order, then the cookies'.
    expect(orders('fr')).toEqual(['Les plus récents d’abord', 'Ordre de la politique'])
    expect(orders('de')).toEqual(['Neueste zuerst', 'Reihenfolge der Richtlinie'])
  })

  it('titles a language’s field by its own name, described in the schema’s language', () => {
    const french = field('de', 'localeText', 'fr')
    expect([french.title, french.description]).toEqual([
      'Français',
      'Der Text auf Französisch. In der maßgeblichen Sprache der Richtlinie erforderlich; in einer anderen Sprache leer lassen, um den maßgeblichen Text mit einem Hinweis anzuzeigen.',
    ])
  })
})
