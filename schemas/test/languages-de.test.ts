// A deployment that also publishes in German: a German text translates a French-binding policy.
import { afterAll, describe, expect, it, vi } from 'vitest'

// LANGUAGES is read when the module loads: set the deployment's languages before any import runs.
const saved = vi.hoisted(() => {
  const previous = process.env.POLICY_LANGUAGES
  process.env.POLICY_LANGUAGES = 'fr,en,de'
  return previous
})

import { catalogSchema, readCatalogInForce } from '../src/contracts'
import { createGroqRunner } from '../src/dataset'
import { importPolicy, parsePolicyText } from '../src/import'
import { DEFAULT_BINDING_LANGUAGE, LANGUAGES } from '../src/languages'
import { retentionLabel } from '../src/model/retention'
import { fixture, importTexts, latestVersion, noon } from './helpers'

afterAll(() => {
  if (saved === undefined) delete process.env.POLICY_LANGUAGES
  else process.env.POLICY_LANGUAGES = saved
})

const FR_FILE = '012-french-with-german.fr.txt'
const DE_FILE = '012-french-with-german.de.txt'

async function frenchPolicy() {
  return importTexts([{ text: fixture(FR_FILE), file: FR_FILE, options: { slug: 'jardin' } }])
}

async function withGerman() {
  return importPolicy(await frenchPolicy(), parsePolicyText(fixture(DE_FILE), DE_FILE), {
    lang: 'de',
    slug: 'jardin',
  })
}

describe('German beside French', () => {
  it('is a language of this deployment', () => {
    expect(LANGUAGES).toEqual(['fr', 'en', 'de'])
    expect(DEFAULT_BINDING_LANGUAGE).toBe('fr')
  })

  it('reads the German version line and headings', () => {
    const parsed = parsePolicyText(fixture(DE_FILE), DE_FILE)
    expect(parsed.title).toBe('Cookie-Richtlinie von Jardin')
    expect(parsed.effectiveFrom).toBe('2021-03-09')
    expect(parsed.sections.map((section) => [section.number, section.heading])).toEqual([
      ['1', 'VERWENDETE COOKIES'],
      ['1.1', 'Notwendige Cookies'],
      ['1.2', 'Cookies zur Reichweitenmessung'],
      ['2', 'ÄNDERUNGEN'],
    ])
    expect(
      parsed.sections.flatMap((section) =>
        (section.rows ?? []).map((row) => [row.name, row.type, row.purpose, row.retention]),
      ),
    ).toEqual([
      ['jardin_session', 'Betrieb', 'Ihre Sitzung geöffnet halten', { kind: 'session' }],
      [
        'jardin_panier',
        'Betrieb',
        'Ihren Warenkorb speichern',
        { kind: 'duration', amount: 30, unit: 'day' },
      ],
      [
        '_pk_id',
        'Analyse',
        'Besucher unterscheiden',
        { kind: 'duration', amount: 13, unit: 'month' },
      ],
    ])
  })

  it('writes the first version’s change summary in every language of the deployment', async () => {
    const { latest } = await latestVersion(await frenchPolicy(), 'jardin')
    expect(latest.changeSummary).toEqual({
      _type: 'localeText',
      fr: 'Première version publiée.',
      en: 'First published version.',
      de: 'Erste veröffentlichte Fassung.',
    })
  })

  it('imports a German text as a translation of the French-binding version of the same date', async () => {
    const result = await withGerman()
    expect(result.outcome).toBe('translated')
    expect(result.version).toBe(1)
    expect(result.effectiveFrom).toBe('2021-03-09')
    expect(result.message).toBe(
      'added the German translation to version 1 (in force from 2021-03-09)',
    )
    const { state, latest } = await latestVersion(result.documents, 'jardin')
    expect(state.binding).toBe('fr')
    expect(state.versions.map((version) => version.version)).toEqual([1])
    expect(latest.title).toEqual({
      _type: 'localeString',
      fr: 'Politique de Jardin relative aux cookies',
      de: 'Cookie-Richtlinie von Jardin',
    })
    expect(latest.sections!.map((section) => [section.number, section.heading])).toEqual([
      ['1', { _type: 'localeString', fr: 'LES COOKIES UTILISÉS', de: 'VERWENDETE COOKIES' }],
      ['1.1', { _type: 'localeString', fr: 'Cookies nécessaires', de: 'Notwendige Cookies' }],
      [
        '1.2',
        {
          _type: 'localeString',
          fr: "Cookies de mesure d'audience",
          de: 'Cookies zur Reichweitenmessung',
        },
      ],
      ['2', { _type: 'localeString', fr: 'MODIFICATIONS', de: 'ÄNDERUNGEN' }],
    ])
    expect(
      latest.snapshot.categories!.map((category) => [
        category.key,
        category.title,
        category.description,
      ]),
    ).toEqual([
      [
        'necessary',
        { _type: 'localeString', fr: 'Cookies nécessaires', de: 'Notwendige Cookies' },
        {
          _type: 'localeText',
          fr: 'Ces cookies font fonctionner le site.',
          de: 'Diese Cookies sorgen dafür, dass die Website funktioniert.',
        },
      ],
      [
        'analytics',
        {
          _type: 'localeString',
          fr: "Cookies de mesure d'audience",
          de: 'Cookies zur Reichweitenmessung',
        },
        {
          _type: 'localeText',
          fr: 'Ces cookies comptent les visites.',
          de: 'Diese Cookies zählen die Besuche.',
        },
      ],
    ])
    expect(
      latest.snapshot.categories!.flatMap((category) =>
        category.cookies!.map((cookie) => [
          cookie.name,
          cookie.type,
          cookie.purpose,
          retentionLabel(cookie.retention, 'fr'),
          retentionLabel(cookie.retention, 'de'),
        ]),
      ),
    ).toEqual([
      [
        'jardin_session',
        { _type: 'localeString', fr: 'Fonctionnement', de: 'Betrieb' },
        {
          _type: 'localeText',
          fr: 'Garder votre session ouverte',
          de: 'Ihre Sitzung geöffnet halten',
        },
        'Session',
        'Sitzung',
      ],
      [
        'jardin_panier',
        { _type: 'localeString', fr: 'Fonctionnement', de: 'Betrieb' },
        { _type: 'localeText', fr: 'Mémoriser votre panier', de: 'Ihren Warenkorb speichern' },
        '30 jours',
        '30 Tage',
      ],
      [
        '_pk_id',
        { _type: 'localeString', fr: 'Analytique', de: 'Analyse' },
        { _type: 'localeText', fr: 'Distinguer les visiteurs', de: 'Besucher unterscheiden' },
        '13 mois',
        '13 Monate',
      ],
    ])
  })

  it('serves the German catalog in German, and the untranslated English one in French', async () => {
    const { documents } = await withGerman()
    const run = createGroqRunner(documents)
    const now = noon('2025-06-01')
    const german = (await readCatalogInForce(run, { slug: 'jardin', lang: 'de', now }))!
    expect(catalogSchema.parse(german)).toEqual(german)
    expect(german.lang).toBe('de')
    expect(german.textLang).toBe('de')
    expect(german.policy).toEqual({
      slug: 'jardin',
      title: 'Cookie-Richtlinie von Jardin',
      version: 1,
      effectiveFrom: '2021-03-09',
      consentRevision: 1,
      bindingLanguage: 'fr',
      url: '/de/jardin',
    })
    expect(
      german.categories.map((category) => [
        category.key,
        category.title,
        category.cookies.map((cookie) => [
          cookie.name,
          cookie.provider,
          cookie.type,
          cookie.purpose,
          cookie.retention,
        ]),
      ]),
    ).toEqual([
      [
        'necessary',
        'Notwendige Cookies',
        [
          [
            'jardin_session',
            'Jardin',
            'Betrieb',
            'Ihre Sitzung geöffnet halten',
            { label: 'Sitzung', duration: null, session: true },
          ],
          [
            'jardin_panier',
            'Jardin',
            'Betrieb',
            'Ihren Warenkorb speichern',
            { label: '30 Tage', duration: 'P30D', session: false },
          ],
        ],
      ],
      [
        'analytics',
        'Cookies zur Reichweitenmessung',
        [
          [
            '_pk_id',
            'Jardin',
            'Analyse',
            'Besucher unterscheiden',
            { label: '13 Monate', duration: 'P13M', session: false },
          ],
        ],
      ],
    ])
    const english = (await readCatalogInForce(run, { slug: 'jardin', lang: 'en', now }))!
    expect(english.lang).toBe('en')
    expect(english.textLang).toBe('fr')
    expect(english.policy.title).toBe('Politique de Jardin relative aux cookies')
    expect(
      english.categories.flatMap((category) =>
        category.cookies.map((cookie) => [cookie.purpose, cookie.retention!.label]),
      ),
    ).toEqual([
      ['Garder votre session ouverte', 'Session'],
      ['Mémoriser votre panier', '30 days'],
      ['Distinguer les visiteurs', '13 months'],
    ])
  })
})
