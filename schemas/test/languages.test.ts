// Languages of a deployment (the default fr,en) and policies whose binding language is not French.
import { afterAll, describe, expect, it, vi } from 'vitest'

// LANGUAGES is read when the module loads: make sure this file sees the default, whatever the shell says.
const saved = vi.hoisted(() => {
  const previous = {
    POLICY_LANGUAGES: process.env.POLICY_LANGUAGES,
    SANITY_STUDIO_POLICY_LANGUAGES: process.env.SANITY_STUDIO_POLICY_LANGUAGES,
  }
  delete process.env.POLICY_LANGUAGES
  delete process.env.SANITY_STUDIO_POLICY_LANGUAGES
  return previous
})

import { readCatalogInForce } from '../src/contracts'
import { createGroqRunner, type SanityDocument } from '../src/dataset'
import { importPolicy, parsePolicyText, PolicyImportError } from '../src/import'
import {
  DEFAULT_BINDING_LANGUAGE,
  isLang,
  KNOWN_LANGUAGES,
  LANGUAGES,
  languageName,
  parseLanguages,
} from '../src/languages'
import { withContentHash } from '../src/model/contentHash'
import { retentionLabel } from '../src/model/retention'
import { currentCatalogQuery } from '../src/queries'
import { readPolicyState } from '../src/state'
import { fixture, latestVersion, noon } from './helpers'

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value !== undefined) process.env[name] = value
  }
})

const EN_FILE = '011-english-only.en.txt'
const FR_FILE = '011-english-only.fr.txt'

async function importEnglish(options: { timeZone?: string } = {}) {
  return importPolicy([], parsePolicyText(fixture(EN_FILE), EN_FILE), {
    lang: 'en',
    slug: 'uk-cookies',
    ...options,
  })
}

async function translateIntoFrench(documents: SanityDocument[]) {
  return importPolicy(documents, parsePolicyText(fixture(FR_FILE), FR_FILE), {
    lang: 'fr',
    slug: 'uk-cookies',
  })
}

/** Every row of the catalog: category, name, names, kind, provider, type, purpose, retention, link. */
function catalogRows(catalog: NonNullable<Awaited<ReturnType<typeof readCatalogInForce>>>) {
  return catalog.categories.flatMap((category) =>
    category.cookies.map((cookie) => [
      category.key,
      cookie.name,
      cookie.names,
      cookie.kind,
      cookie.provider,
      cookie.type,
      cookie.purpose,
      cookie.retention,
      cookie.moreInfoUrl,
    ]),
  )
}

const session = { label: 'Session', duration: null, session: true }
const frenchDays = (label: string, duration: string) => ({ label, duration, session: false })

describe('the languages of the deployment', () => {
  it('are fr and en unless POLICY_LANGUAGES says otherwise; the code knows fr, en and de', () => {
    expect(LANGUAGES).toEqual(['fr', 'en'])
    expect(DEFAULT_BINDING_LANGUAGE).toBe('fr')
    expect(KNOWN_LANGUAGES).toEqual(['fr', 'en', 'de'])
    expect(isLang('en')).toBe(true)
    expect(isLang('de')).toBe(false)
    expect(languageName('de')).toBe('Deutsch')
  })

  it('reads a list of language codes, and refuses an unknown code or an empty list', () => {
    expect(parseLanguages('fr,en')).toEqual(['fr', 'en'])
    expect(parseLanguages(' EN , fr,en,, de ')).toEqual(['en', 'fr', 'de'])
    expect(() => parseLanguages('fr,xx')).toThrow(
      'POLICY_LANGUAGES: "xx" has no words in this code yet (known: fr, en, de); see "Adding a language" in docs/editors.md',
    )
    expect(() => parseLanguages('fr,xx', 'SANITY_STUDIO_POLICY_LANGUAGES')).toThrow(
      'SANITY_STUDIO_POLICY_LANGUAGES: "xx" has no words in this code yet (known: fr, en, de); see "Adding a language" in docs/editors.md',
    )
    expect(() => parseLanguages('')).toThrow(
      'POLICY_LANGUAGES is empty: list language codes such as "fr,en"',
    )
    expect(() => parseLanguages(' , ')).toThrow(
      'POLICY_LANGUAGES is empty: list language codes such as "fr,en"',
    )
  })
})

describe('an English-only policy', () => {
  it('imported first into an empty dataset, binds in English, with every row', async () => {
    const result = await importEnglish()
    expect(result.outcome).toBe('published')
    expect(result.message).toBe(
      'published version 1, in force from 2025-03-01, asking every visitor for consent',
    )
    const { state, latest } = await latestVersion(result.documents, 'uk-cookies')
    expect(state.policy).toEqual({
      _id: 'policy-uk-cookies',
      slug: 'uk-cookies',
      title: { _type: 'localeString', en: 'Acme Ltd Cookie Policy' },
      publisher: 'Acme',
      siteUrl: 'https://www.acme.co.uk',
      bindingLanguage: 'en',
      timeZone: 'Europe/Paris',
      isDefault: null,
    })
    expect(state.binding).toBe('en')
    expect(state.versions.map((version) => version.version)).toEqual([1])
    expect(state.versions[0]!.effectiveFrom).toBe('2025-03-01')
    expect(latest.changeSummary).toEqual({
      _type: 'localeText',
      fr: 'Première version publiée.',
      en: 'First published version.',
    })
    expect(latest.sections!.map((section) => [section.number, section.heading])).toEqual([
      ['1', { _type: 'localeString', en: 'Strictly necessary cookies' }],
      ['2', { _type: 'localeString', en: 'Analytics cookies' }],
    ])
    expect(
      latest.snapshot.categories!.map((category) => [
        category.key,
        category.title,
        category.required,
        category.consentModes,
      ]),
    ).toEqual([
      [
        'necessary',
        { _type: 'localeString', en: 'Strictly necessary cookies' },
        true,
        ['security_storage'],
      ],
      [
        'analytics',
        { _type: 'localeString', en: 'Analytics cookies' },
        false,
        ['analytics_storage'],
      ],
    ])
    expect(
      latest.snapshot.categories!.flatMap((category) =>
        category.cookies!.map((cookie) => [
          category.key,
          cookie.name,
          cookie.kind,
          cookie.provider?.name,
          cookie.type,
          cookie.purpose,
          retentionLabel(cookie.retention, 'en'),
          cookie.moreInfoUrl,
        ]),
      ),
    ).toEqual([
      [
        'necessary',
        'acme_session',
        'name',
        'Acme',
        { _type: 'localeString', en: 'Operation' },
        { _type: 'localeText', en: 'Keep you signed in' },
        'Session',
        null,
      ],
      [
        'necessary',
        'acme_csrf',
        'name',
        'Acme',
        { _type: 'localeString', en: 'Security' },
        { _type: 'localeText', en: 'Protect forms against forgery' },
        '1 day',
        null,
      ],
      [
        'necessary',
        'acme_consent',
        'name',
        'Acme',
        { _type: 'localeString', en: 'Operation' },
        { _type: 'localeText', en: 'Remember your cookie choices' },
        '6 months',
        null,
      ],
      [
        'analytics',
        '_ga',
        'name',
        'Acme',
        { _type: 'localeString', en: 'Analytics' },
        { _type: 'localeText', en: 'Distinguish visitors' },
        '13 months',
        null,
      ],
      [
        'analytics',
        '_ga_*',
        'pattern',
        'Acme',
        { _type: 'localeString', en: 'Analytics' },
        { _type: 'localeText', en: 'Keep the state of the visit' },
        '13 months',
        null,
      ],
    ])
    // The intro keeps the bold definitions and links the site.
    const intro = latest.intro!.en!
    expect(intro[0]!.markDefs).toEqual([
      { _type: 'link', _key: expect.any(String), href: 'https://www.acme.co.uk' },
    ])
  })

  it('gives its catalog in English to a French reader, saying so, until it is translated', async () => {
    const { documents } = await importEnglish()
    const run = createGroqRunner(documents)
    const now = noon('2025-06-01')
    const french = (await readCatalogInForce(run, { slug: 'uk-cookies', lang: 'fr', now }))!
    expect(french.lang).toBe('fr')
    expect(french.textLang).toBe('en')
    expect(french.policy).toEqual({
      slug: 'uk-cookies',
      title: 'Acme Ltd Cookie Policy',
      version: 1,
      effectiveFrom: '2025-03-01',
      consentRevision: 1,
      bindingLanguage: 'en',
      url: '/fr/uk-cookies',
    })
    expect(
      french.categories.map((category) => [category.key, category.title, category.description]),
    ).toEqual([
      [
        'necessary',
        'Strictly necessary cookies',
        'These cookies make the website work. They cannot be switched off.',
      ],
      [
        'analytics',
        'Analytics cookies',
        'These cookies count visits so that we can improve the website.',
      ],
    ])
    // Texts in English; retention words in the reader's language.
    expect(catalogRows(french)).toEqual([
      [
        'necessary',
        'acme_session',
        ['acme_session'],
        'name',
        'Acme',
        'Operation',
        'Keep you signed in',
        session,
        null,
      ],
      [
        'necessary',
        'acme_csrf',
        ['acme_csrf'],
        'name',
        'Acme',
        'Security',
        'Protect forms against forgery',
        frenchDays('1 jour', 'P1D'),
        null,
      ],
      [
        'necessary',
        'acme_consent',
        ['acme_consent'],
        'name',
        'Acme',
        'Operation',
        'Remember your cookie choices',
        frenchDays('6 mois', 'P6M'),
        null,
      ],
      [
        'analytics',
        '_ga',
        ['_ga'],
        'name',
        'Acme',
        'Analytics',
        'Distinguish visitors',
        frenchDays('13 mois', 'P13M'),
        null,
      ],
      [
        'analytics',
        '_ga_*',
        ['_ga_*'],
        'pattern',
        'Acme',
        'Analytics',
        'Keep the state of the visit',
        frenchDays('13 mois', 'P13M'),
        null,
      ],
    ])
    const english = (await readCatalogInForce(run, { slug: 'uk-cookies', lang: 'en', now }))!
    expect(english.lang).toBe('en')
    expect(english.textLang).toBe('en')
    expect(english.policy.bindingLanguage).toBe('en')
    expect(english.policy.url).toBe('/en/uk-cookies')
    expect(english.categories[1]!.cookies.map((cookie) => cookie.retention!.label)).toEqual([
      '13 months',
      '13 months',
    ])
    // Without a language, the catalog speaks the binding one.
    expect(await readCatalogInForce(run, { slug: 'uk-cookies', now })).toEqual(english)
  })

  it('takes a French text of the same date as a translation, and then speaks French', async () => {
    const { documents } = await importEnglish()
    const result = await translateIntoFrench(documents)
    expect(result.outcome).toBe('translated')
    expect(result.version).toBe(1)
    expect(result.message).toBe(
      'added the French translation to version 1 (in force from 2025-03-01)',
    )
    const { state, latest } = await latestVersion(result.documents, 'uk-cookies')
    expect(state.binding).toBe('en')
    expect(state.versions.map((version) => version.version)).toEqual([1])
    expect(latest.title).toEqual({
      _type: 'localeString',
      en: 'Acme Ltd Cookie Policy',
      fr: "Politique d'Acme Ltd relative aux cookies",
    })
    const run = createGroqRunner(result.documents)
    const now = noon('2025-06-01')
    const french = (await readCatalogInForce(run, { slug: 'uk-cookies', lang: 'fr', now }))!
    expect(french.lang).toBe('fr')
    expect(french.textLang).toBe('fr')
    expect(french.policy).toEqual({
      slug: 'uk-cookies',
      title: "Politique d'Acme Ltd relative aux cookies",
      version: 1,
      effectiveFrom: '2025-03-01',
      consentRevision: 1,
      bindingLanguage: 'en',
      url: '/fr/uk-cookies',
    })
    expect(
      french.categories.map((category) => [category.key, category.title, category.description]),
    ).toEqual([
      [
        'necessary',
        'Cookies strictement nécessaires',
        'Ces cookies font fonctionner le site. Ils ne peuvent pas être désactivés.',
      ],
      [
        'analytics',
        "Cookies d'analyse",
        'Ces cookies comptent les visites afin que nous puissions améliorer le site.',
      ],
    ])
    expect(catalogRows(french)).toEqual([
      [
        'necessary',
        'acme_session',
        ['acme_session'],
        'name',
        'Acme',
        'Fonctionnement',
        'Garder votre session ouverte',
        session,
        null,
      ],
      [
        'necessary',
        'acme_csrf',
        ['acme_csrf'],
        'name',
        'Acme',
        'Sécurité',
        'Protéger les formulaires contre la falsification',
        frenchDays('1 jour', 'P1D'),
        null,
      ],
      [
        'necessary',
        'acme_consent',
        ['acme_consent'],
        'name',
        'Acme',
        'Fonctionnement',
        'Mémoriser vos choix en matière de cookies',
        frenchDays('6 mois', 'P6M'),
        null,
      ],
      [
        'analytics',
        '_ga',
        ['_ga'],
        'name',
        'Acme',
        'Analytique',
        'Distinguer les visiteurs',
        frenchDays('13 mois', 'P13M'),
        null,
      ],
      [
        'analytics',
        '_ga_*',
        ['_ga_*'],
        'pattern',
        'Acme',
        'Analytique',
        "Conserver l'état de la visite",
        frenchDays('13 mois', 'P13M'),
        null,
      ],
    ])
    // The English catalog is unchanged, and the catalog as edited now carries the translation too.
    const english = (await readCatalogInForce(run, { slug: 'uk-cookies', lang: 'en', now }))!
    expect(english.textLang).toBe('en')
    expect(english.categories[0]!.cookies[0]!.purpose).toBe('Keep you signed in')
    const edited = await run(currentCatalogQuery, { policyId: 'policy-uk-cookies' })
    expect(edited[0]!.cookies[0]!.purpose).toEqual({
      _type: 'localeText',
      en: 'Keep you signed in',
      fr: 'Garder votre session ouverte',
    })
    // Importing the same translation again changes nothing.
    const again = await translateIntoFrench(result.documents)
    expect(again.outcome).toBe('unchanged')
    expect(again.message).toBe('unchanged: version 1 already has this French translation')
  })

  it('refuses a translation that changes a retention, naming English as the binding language', async () => {
    const { documents } = await importEnglish()
    const text = fixture(FR_FILE).replace('\t6 mois', '\t7 mois')
    expect(text).not.toBe(fixture(FR_FILE))
    await expect(
      importPolicy(documents, parsePolicyText(text, FR_FILE), { lang: 'fr', slug: 'uk-cookies' }),
    ).rejects.toThrow(
      "011-english-only.fr.txt:14: the retention of acme_consent differs from the English version's: translate it, do not change it",
    )
  })
})

describe("a policy's time zone", () => {
  it('decides the day a version takes effect: midnight in London, not in Paris', async () => {
    const london = await importEnglish({ timeZone: 'Europe/London' })
    const policy = london.documents.find((document) => document._id === 'policy-uk-cookies')!
    expect(policy.timeZone).toBe('Europe/London')
    const run = createGroqRunner(london.documents)
    // 23:30 UTC on 28 February is 23:30 in London (GMT): 1 March has not begun.
    const before = (await readPolicyState(run, 'uk-cookies', new Date('2025-02-28T23:30:00Z')))!
    expect(before.timeZone).toBe('Europe/London')
    expect(before.today).toBe('2025-02-28')
    expect(before.inForce).toBeNull()
    expect(before.consentRevision).toBe(0)
    expect(
      await readCatalogInForce(run, {
        slug: 'uk-cookies',
        now: new Date('2025-02-28T23:30:00Z'),
      }),
    ).toBeNull()
    const midnight = (await readPolicyState(run, 'uk-cookies', new Date('2025-03-01T00:00:00Z')))!
    expect(midnight.today).toBe('2025-03-01')
    expect(midnight.inForce!.version).toBe(1)
    expect(midnight.consentRevision).toBe(1)

    // The same text without a time zone takes effect at midnight in Paris, an hour earlier.
    const paris = await importEnglish()
    expect(paris.documents.find((document) => document._id === 'policy-uk-cookies')!.timeZone).toBe(
      'Europe/Paris',
    )
    const inParis = (await readPolicyState(
      createGroqRunner(paris.documents),
      'uk-cookies',
      new Date('2025-02-28T23:30:00Z'),
    ))!
    expect(inParis.today).toBe('2025-03-01')
    expect(inParis.inForce!.version).toBe(1)
  })

  it('must be one Intl knows', async () => {
    let error: unknown
    try {
      await importEnglish({ timeZone: 'Mars/Olympus' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PolicyImportError)
    expect((error as Error).message).toBe(
      '011-english-only.en.txt: --time-zone "Mars/Olympus" is not a time zone (write it like Europe/London)',
    )
  })
})

/** Every localised text moved from `en` to `de`. */
function relabel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relabel)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).map(([key, item]) => [key, relabel(item)] as const)
  const localized = String((value as { _type?: unknown })._type ?? '').startsWith('locale')
  return Object.fromEntries(
    entries.map(([key, item]) => [localized && key === 'en' ? 'de' : key, item]),
  )
}

describe('a binding language the deployment does not publish in', () => {
  it('is still the policy’s: its text is what every page and catalog shows, said so', async () => {
    const documents = (
      await importPolicy([], parsePolicyText(fixture('011-english-only.en.txt'), 'en.txt'), {
        lang: 'en',
        slug: 'uk-cookies',
      })
    ).documents.map((document) =>
      // As if a German-binding policy had been written by a deployment that publishes German.
      relabel(document._type === 'policy' ? { ...document, bindingLanguage: 'de' } : document),
    ) as SanityDocument[]
    // Its versions were published with the German texts: hashed with them.
    for (const [index, document] of documents.entries())
      if (document._type === 'policyVersion') documents[index] = await withContentHash(document)
    const run = createGroqRunner(documents)
    expect((await readPolicyState(run, 'uk-cookies', noon('2026-01-01')))!.binding).toBe('de')
    const catalog = await readCatalogInForce(run, { slug: 'uk-cookies', lang: 'fr' })
    expect([catalog!.lang, catalog!.textLang, catalog!.policy.bindingLanguage]).toEqual([
      'fr',
      'de',
      'de',
    ])
  })
})
