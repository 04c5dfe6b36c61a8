import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  catalogJsonSchema,
  catalogSchema,
  projectCatalog,
  readCatalogInForce,
  toKlaro,
  toVanillaCookieConsent,
  vanillaConfigSchema,
  type Catalog,
  type VanillaConfig,
} from '../src/contracts'
import { readPolicyState, readVersions } from '../src/state'
import { categoryRevision } from '../src/model/versions'
import { noon, query, seedDataset } from './helpers'

async function seedCatalog(lang: 'fr' | 'en'): Promise<Catalog> {
  const catalog = await readCatalogInForce(query(await seedDataset()), {
    slug: 'cookies',
    lang,
    now: noon('2026-11-29'),
  })
  return catalog!
}

describe('the catalog contract on the seed', () => {
  it('carries the policy header exactly', async () => {
    const catalog = await seedCatalog('fr')
    expect(catalog.schemaVersion).toBe(1)
    expect(catalog.lang).toBe('fr')
    expect(catalog.textLang).toBe('fr')
    expect(catalog.policy).toEqual({
      slug: 'cookies',
      title: "Politique d'InMemori relative aux cookies",
      version: 1,
      effectiveFrom: '2021-03-09',
      consentRevision: 1,
      bindingLanguage: 'fr',
      url: '/fr/cookies',
    })
  })

  it('is the projection of the version in force, for the policy named or the default one', async () => {
    const run = query(await seedDataset())
    const now = noon('2026-11-29')
    const state = (await readPolicyState(run, 'cookies', now))!
    const [version] = await readVersions(run, 'cookies', [state.inForce!.version])
    const projected = projectCatalog({
      slug: 'cookies',
      policyTitle: state.policy.title,
      version: version!,
      consentRevision: state.consentRevision,
      revisions: (category) => categoryRevision(state.versions, version!.version, category),
      lang: 'en',
      binding: state.binding,
      url: 'https://www.inmemori.com/en/cookies',
    })
    expect(
      await readCatalogInForce(run, { lang: 'en', siteUrl: 'https://www.inmemori.com', now }),
    ).toEqual(projected)
    expect(projected.policy.url).toBe('https://www.inmemori.com/en/cookies')
    // Without a language, the binding one.
    expect(await readCatalogInForce(run, { slug: 'cookies', now })).toEqual(await seedCatalog('fr'))
    // Before the first version, and for an unknown policy, there is none.
    expect(await readCatalogInForce(run, { slug: 'cookies', now: noon('2021-03-08') })).toBeNull()
    expect(await readCatalogInForce(run, { slug: 'nope', now })).toBeNull()
  })

  it('lists every seed row with its exact purpose and retention, in the policy order', async () => {
    const catalog = await seedCatalog('fr')
    const rows = catalog.categories.flatMap((category) =>
      category.cookies.map((cookie) => [
        category.key,
        cookie.name,
        cookie.kind,
        cookie.provider,
        cookie.purpose,
        cookie.retention,
        cookie.moreInfoUrl,
      ]),
    )
    expect(rows).toEqual([
      [
        'necessary',
        'im_web_jwt',
        'name',
        'InMemori',
        "Mémoriser l'identifiant unique associé à votre jeton de connexion",
        { label: '30 jours', duration: 'P30D', session: false },
        null,
      ],
      [
        'necessary',
        'im_web_fprint',
        'name',
        'InMemori',
        'Mémoriser un jeton de connexion unique pour chaque connexion depuis un nouvel appareil',
        { label: '13 mois', duration: 'P13M', session: false },
        null,
      ],
      [
        'necessary',
        'im_lang',
        'name',
        'InMemori',
        "Mémoriser vos préférences de langue d'affichage du site inmemori",
        { label: 'Session', duration: null, session: true },
        null,
      ],
      [
        'necessary',
        'im_web_cookie',
        'name',
        'InMemori',
        "Mémoriser la fermeture du bandeau d'information sur l'usage des cookies lorsque vous vous connectez une première fois sur l'espace inmemori",
        { label: '13 mois', duration: 'P13M', session: false },
        null,
      ],
      [
        'necessary',
        'cookie_validation',
        'name',
        'InMemori',
        "Mémoriser la fermeture du bandeau d'information sur l'usage des cookies lorsque vous vous connectez une première fois sur le site inmemori.com",
        { label: '365 jours', duration: 'P365D', session: false },
        null,
      ],
      [
        'necessary',
        '.stripe.com',
        'domain',
        'stripe.com',
        'Offrir un service de paiement sécurisé de bout en bout',
        { label: '13 mois', duration: 'P13M', session: false },
        null,
      ],
      [
        'analytics',
        'im_mkt_tracking',
        'name',
        'InMemori',
        "Mémoriser les pages consultées sur le site marketing inmemori.com afin de connaître l'origine de l'utilisateur au moment de la création d'un espace inmemori",
        { label: '1 jour', duration: 'P1D', session: false },
        null,
      ],
      [
        'analytics',
        '_utma / _utmz / _utmz',
        'name',
        'InMemori',
        "Identifier par quel canal l'espace a été créé depuis Google",
        { label: '13 mois', duration: 'P13M', session: false },
        null,
      ],
      [
        'analytics',
        '.amplitude.com',
        'domain',
        'amplitude.com',
        'Comptabiliser les visites et analyser les sessions utilisateurs',
        null,
        'https://amplitude.com/privacy',
      ],
      [
        'analytics',
        '.google.com',
        'domain',
        'google.com',
        "Analyser l'audience de manière anonymisée et améliorer l'expérience utilisateur en continu",
        null,
        'https://policies.google.com/technologies/cookies?hl=en-US',
      ],
      [
        'analytics',
        '.segment.com',
        'domain',
        'segment.com',
        'Comptabiliser les visites et analyser les sessions utilisateurs',
        null,
        'https://segment.com/docs',
      ],
      [
        'analytics',
        '.facebook.com',
        'domain',
        'facebook.com',
        'Analyse de réseau social et publicité',
        null,
        'https://facebook.com/policies',
      ],
      [
        'analytics',
        '.cloudinary.com',
        'domain',
        'cloudinary.com',
        'Analyser les comportements des utilisateurs relatifs aux images déposées sur inmemori',
        null,
        'https://cloudinary.com/privacy',
      ],
      [
        'functionality',
        '.helpscout.com',
        'domain',
        'helpscout.com',
        'Offrir une assistance aux utilisateurs via un chat, email ou téléphone',
        null,
        'https://www.helpscout.com/company/legal/privacy/',
      ],
      [
        'functionality',
        '.customer.io',
        'domain',
        'customer.io',
        'Offrir une assistance personnalisée aux utilisateurs en les guidant sur le site en fonction de leurs actions',
        null,
        'https://customer.io/legal/privacy-policy/',
      ],
    ])
  })

  it('speaks English where asked, retention words included', async () => {
    const catalog = await seedCatalog('en')
    expect(catalog.lang).toBe('en')
    expect(catalog.textLang).toBe('en')
    expect(catalog.policy).toEqual({
      slug: 'cookies',
      title: 'InMemori Cookie Policy',
      version: 1,
      effectiveFrom: '2021-03-09',
      consentRevision: 1,
      bindingLanguage: 'fr',
      url: '/en/cookies',
    })
    expect(catalog.categories[0]!.title).toBe('Internal cookies necessary for the Site to work')
    expect(catalog.categories[0]!.cookies[0]).toMatchObject({
      purpose: 'Remember the unique identifier associated with your login token',
      retention: { label: '30 days' },
    })
    expect(catalog.categories[1]!.cookies[0]!.retention?.label).toBe('1 day')
  })

  it('publishes a JSON Schema generated from the zod schema', () => {
    const schema = catalogJsonSchema()
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect((schema.required as string[]).sort()).toEqual([
      'categories',
      'lang',
      'policy',
      'schemaVersion',
      'textLang',
    ])
  })

  it('still reads a catalog written before per-category revisions, and adds them as optional fields', async () => {
    // A catalog as a server of schema version 1 wrote it before graded re-consent (the scanner's fixture).
    const older = JSON.parse(
      readFileSync(
        new URL('../../scripts/test/fixtures/001-scan-catalog.json', import.meta.url),
        'utf8',
      ),
    )
    expect(older.categories[0]).not.toHaveProperty('revision')
    expect(catalogSchema.parse(older)).toEqual(older)
    // The JSON Schema lists them without requiring them: a client of version 1 loses nothing it read.
    const category = (
      catalogJsonSchema() as {
        properties: { categories: { items: { properties: object; required: string[] } } }
      }
    ).properties.categories.items
    expect(Object.keys(category.properties)).toEqual(
      expect.arrayContaining(['revision', 'changed']),
    )
    expect(category.required).not.toContain('revision')
    // Today's catalog of the seed: every field a version-1 client read has the value it had.
    const today = await seedCatalog('fr')
    expect(today.policy.consentRevision).toBe(1)
    expect(today.categories.map((entry) => [entry.key, entry.revision, entry.changed])).toEqual([
      ['necessary', 0, null],
      ['analytics', 1, null],
      ['functionality', 1, null],
    ])
  })

  it('refuses a catalog that breaks the contract', async () => {
    const catalog = await seedCatalog('fr')
    expect(catalogSchema.parse(catalog)).toEqual(catalog)
    // lang is one the deployment publishes; the texts may be in any binding language the code knows.
    expect(() => catalogSchema.parse({ ...catalog, lang: 'de' })).toThrow()
    expect(catalogSchema.parse({ ...catalog, textLang: 'de' }).textLang).toBe('de')
    expect(() => catalogSchema.parse({ ...catalog, textLang: 'xx' })).toThrow()
    expect(() =>
      catalogSchema.parse({ ...catalog, policy: { ...catalog.policy, bindingLanguage: 'xx' } }),
    ).toThrow()
    expect(() =>
      catalogSchema.parse({
        ...catalog,
        policy: { ...catalog.policy, effectiveFrom: '9 mars 2021' },
      }),
    ).toThrow()
  })
})

describe('the banner adapters', () => {
  it('feeds vanilla-cookieconsent: revision, categories, autoClear patterns, one cookie table per category', async () => {
    const config = toVanillaCookieConsent(await seedCatalog('fr'), {
      cookieName: 'cookie_validation',
    })
    expect(config.revision).toBe(1)
    expect(config.cookie).toEqual({
      name: 'cookie_validation',
      expiresAfterDays: 182,
      sameSite: 'Lax',
    })
    expect(config.hideFromBots).toBe(false)
    expect(Object.keys(config.categories)).toEqual(['necessary', 'analytics', 'functionality'])
    expect(config.categories.necessary).toMatchObject({ enabled: true, readOnly: true })
    expect(config.categories.analytics).toEqual({
      enabled: false,
      readOnly: false,
      autoClear: {
        cookies: [
          { name: 'im_mkt_tracking', isRegex: false },
          { name: '_utma', isRegex: false },
          { name: '_utmz', isRegex: false },
        ],
        reloadPage: false,
      },
    })
    // The page's language chose the catalog's: one translation, no detection.
    expect(Object.keys(config.language)).toEqual(['default', 'translations'])
    expect(config.language.default).toBe('fr')
    expect(Object.keys(config.language.translations)).toEqual(['fr'])
    const translation = config.language.translations.fr!
    expect(translation.consentModal).toMatchObject({
      acceptAllBtn: 'Tout accepter',
      acceptNecessaryBtn: 'Tout refuser',
      showPreferencesBtn: 'Personnaliser',
    })
    expect(translation.consentModal.description).toContain('{{revisionMessage}}')
    const sections = translation.preferencesModal.sections as {
      linkedCategory?: string
      cookieTable?: { body: Record<string, string>[] }
    }[]
    expect(
      sections
        .filter((section) => section.linkedCategory)
        .map((section) => [section.linkedCategory, section.cookieTable!.body.length]),
    ).toEqual([
      ['necessary', 6],
      ['analytics', 7],
      ['functionality', 2],
    ])
    expect(sections[2]!.cookieTable!.body[2]).toEqual({
      name: '.amplitude.com',
      provider: 'amplitude.com',
      purpose: 'Comptabiliser les visites et analyser les sessions utilisateurs',
      retention: '<a href="https://amplitude.com/privacy">Voir le fournisseur</a>',
    })
    expect(config.consentModes).toEqual({
      necessary: ['security_storage'],
      analytics: ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'],
      functionality: ['functionality_storage', 'personalization_storage'],
    })
  })

  it('checks the vanilla-cookieconsent translations strictly: no unknown option slips through', async () => {
    const config = toVanillaCookieConsent(await seedCatalog('en'), {
      cookieName: 'cookie_validation',
    })
    expect(vanillaConfigSchema.parse(config)).toEqual(config)
    const translation = config.language.translations.en!
    expect(translation.consentModal).toEqual({
      title: 'Your cookie choices',
      description:
        'We use cookies that the site needs to work and, if you agree, others to measure our audience and improve our services. You can accept all, reject all or choose by category, and change your mind at any time. <a href="/en/cookies">Read the cookie policy</a>{{revisionMessage}}',
      acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Reject all',
      showPreferencesBtn: 'Manage preferences',
      revisionMessage:
        '<br><br><strong>Our cookie policy has changed since your last choice: please tell us again.</strong>',
      closeIconLabel: '',
    })
    const withExtra = (change: (copy: VanillaConfig) => void) => {
      const copy = structuredClone(config)
      change(copy)
      return () => vanillaConfigSchema.parse(copy)
    }
    expect(
      withExtra((copy) => {
        Object.assign(copy.language.translations.en!.consentModal, { footer: 'x' })
      }),
    ).toThrow()
    expect(
      withExtra((copy) => {
        Object.assign(copy.language.translations.en!.preferencesModal, { serviceCounterLabel: 'x' })
      }),
    ).toThrow()
    expect(
      withExtra((copy) => {
        Object.assign(copy.language.translations.en!.preferencesModal.sections[0]!, { extra: 1 })
      }),
    ).toThrow()
  })

  it('escapes editor text that vanilla-cookieconsent renders as HTML', async () => {
    const catalog = await seedCatalog('fr')
    catalog.categories[0]!.cookies[0]!.purpose = 'Garder <img src=x onerror=alert(1)> la session'
    const config = toVanillaCookieConsent(catalog, { cookieName: 'cookie_validation' })
    const sections = config.language.translations.fr!.preferencesModal.sections as {
      cookieTable?: { body: Record<string, string>[] }
    }[]
    expect(sections[1]!.cookieTable!.body[0]!.purpose).toBe(
      'Garder &#60;img src=x onerror=alert(1)&#62; la session',
    )
  })

  it('turns patterns into anchored RegExp sources', async () => {
    const catalog = await seedCatalog('fr')
    catalog.categories[1]!.cookies[0]!.names = ['_ga_*']
    const config = toVanillaCookieConsent(catalog, { cookieName: 'cookie_validation' })
    expect(config.categories.analytics!.autoClear.cookies[0]).toEqual({
      name: '^_ga_.*$',
      isRegex: true,
    })
    expect(
      new RegExp(config.categories.analytics!.autoClear.cookies[0]!.name).test('_ga_ABC123'),
    ).toBe(true)
  })

  it('feeds Klaro: one service per entry, purposes, required flags, ^…$ cookie patterns, a storage name per revision', async () => {
    const config = toKlaro(await seedCatalog('en'), { cookieName: 'cookie_validation' })
    expect(config.storageName).toBe('cookie_validation-r1')
    expect(config.services).toHaveLength(15)
    expect(config.services[0]).toEqual({
      name: 'im_web_jwt',
      title: 'im_web_jwt',
      purposes: ['necessary'],
      required: true,
      default: true,
      optOut: false,
      onlyOnce: false,
      cookies: ['^im_web_jwt$'],
      translations: {
        en: {
          title: 'im_web_jwt',
          description: 'Remember the unique identifier associated with your login token',
        },
      },
    })
    expect(config.services[7]).toMatchObject({
      name: '_utma-_utmz-_utmz',
      cookies: ['^_utma$', '^_utmz$'],
      required: false,
    })
    expect(config.services[5]).toMatchObject({ name: 'stripe-com', cookies: [] })
    expect(Object.keys((config.translations.en as { purposes: object }).purposes)).toEqual([
      'necessary',
      'analytics',
      'functionality',
    ])
  })
})
