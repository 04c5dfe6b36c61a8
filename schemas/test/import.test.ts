import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serializeNdjson } from '../src/dataset'
import { importPolicy, parsePolicyText, PolicyImportError } from '../src/import'
import { paragraphsToBlocks } from '../src/model/portableText'
import { retentionLabel } from '../src/model/retention'
import { currentCatalogQuery } from '../src/queries'
import {
  fixture,
  fixturesDir,
  importTexts,
  latestVersion,
  query,
  seedDataset,
  seedEn,
  seedFr,
} from './helpers'

/** Every row of the seed as printed: name, type, purpose, and the retention or link column. */
const SEED_ROWS = [
  [
    'necessary',
    'im_web_jwt',
    'Fonctionnement',
    "Mémoriser l'identifiant unique associé à votre jeton de connexion",
    '30 jours',
    null,
  ],
  [
    'necessary',
    'im_web_fprint',
    'Fonctionnement',
    'Mémoriser un jeton de connexion unique pour chaque connexion depuis un nouvel appareil',
    '13 mois',
    null,
  ],
  [
    'necessary',
    'im_lang',
    'Fonctionnement',
    "Mémoriser vos préférences de langue d'affichage du site inmemori",
    'Session',
    null,
  ],
  [
    'necessary',
    'im_web_cookie',
    'Fonctionnement',
    "Mémoriser la fermeture du bandeau d'information sur l'usage des cookies lorsque vous vous connectez une première fois sur l'espace inmemori",
    '13 mois',
    null,
  ],
  [
    'necessary',
    'cookie_validation',
    'Fonctionnement',
    "Mémoriser la fermeture du bandeau d'information sur l'usage des cookies lorsque vous vous connectez une première fois sur le site inmemori.com",
    '365 jours',
    null,
  ],
  [
    'necessary',
    '.stripe.com',
    'Paiement en ligne',
    'Offrir un service de paiement sécurisé de bout en bout',
    '13 mois',
    null,
  ],
  [
    'analytics',
    'im_mkt_tracking',
    'Analytique',
    "Mémoriser les pages consultées sur le site marketing inmemori.com afin de connaître l'origine de l'utilisateur au moment de la création d'un espace inmemori",
    '1 jour',
    null,
  ],
  [
    'analytics',
    '_utma / _utmz / _utmz',
    'Analytique',
    "Identifier par quel canal l'espace a été créé depuis Google",
    '13 mois',
    null,
  ],
  [
    'analytics',
    '.amplitude.com',
    'Analytique',
    'Comptabiliser les visites et analyser les sessions utilisateurs',
    null,
    'https://amplitude.com/privacy',
  ],
  [
    'analytics',
    '.google.com',
    'Statistique',
    "Analyser l'audience de manière anonymisée et améliorer l'expérience utilisateur en continu",
    null,
    'https://policies.google.com/technologies/cookies?hl=en-US',
  ],
  [
    'analytics',
    '.segment.com',
    'Statistique',
    'Comptabiliser les visites et analyser les sessions utilisateurs',
    null,
    'https://segment.com/docs',
  ],
  [
    'analytics',
    '.facebook.com',
    'Social',
    'Analyse de réseau social et publicité',
    null,
    'https://facebook.com/policies',
  ],
  [
    'analytics',
    '.cloudinary.com',
    'Statistique',
    'Analyser les comportements des utilisateurs relatifs aux images déposées sur inmemori',
    null,
    'https://cloudinary.com/privacy',
  ],
  [
    'functionality',
    '.helpscout.com',
    'Assistance',
    'Offrir une assistance aux utilisateurs via un chat, email ou téléphone',
    null,
    'https://www.helpscout.com/company/legal/privacy/',
  ],
  [
    'functionality',
    '.customer.io',
    'Communication',
    'Offrir une assistance personnalisée aux utilisateurs en les guidant sur le site en fonction de leurs actions',
    null,
    'https://customer.io/legal/privacy-policy/',
  ],
] as const

/** The policy and its latest version, as the old page query read them with today far in the future. */
async function latestPage(documents: Awaited<ReturnType<typeof seedDataset>>) {
  const { state, latest } = await latestVersion(documents)
  return { ...state.policy, versions: state.versions, current: latest }
}

describe('importing the seed policy', () => {
  it('keeps all 15 rows, in order, French text verbatim, with retention and links', async () => {
    const page = await latestPage(await seedDataset())
    const rows = page.current!.snapshot.categories!.flatMap((category) =>
      category.cookies!.map((cookie) => [
        category.key,
        cookie.name,
        cookie.type?.fr,
        cookie.purpose?.fr,
        retentionLabel(cookie.retention, 'fr'),
        cookie.moreInfoUrl,
      ]),
    )
    expect(rows).toEqual(SEED_ROWS)
  })

  it('finds every purpose of the seed text in the dataset, character for character', async () => {
    const page = await latestPage(await seedDataset())
    const purposes = page.current!.snapshot.categories!.flatMap((category) =>
      category.cookies!.map((cookie) => cookie.purpose!.fr!),
    )
    const seedPurposes = seedFr
      .split('\n')
      .filter((line) => line.includes('\t') && !/^(Nom du cookie|Domaine)\t/.test(line))
      .map((line) => line.split('\t')[2])
    expect(purposes).toEqual(seedPurposes)
  })

  it('keeps the "_utma / _utmz / _utmz" row as one entry with every name', async () => {
    const page = await latestPage(await seedDataset())
    const row = page.current!.snapshot.categories![1]!.cookies![1]!
    expect(row.name).toBe('_utma / _utmz / _utmz')
    expect(row.names).toEqual(['_utma', '_utmz', '_utmz'])
    expect(row.kind).toBe('name')
  })

  it('reads the categories: the first strictly necessary, the others refusable, with their signals', async () => {
    const page = await latestPage(await seedDataset())
    expect(
      page.current!.snapshot.categories!.map((category) => [
        category.key,
        category.title?.fr,
        category.required,
        category.consentModes,
      ]),
    ).toEqual([
      [
        'necessary',
        'Les cookies internes nécessaires au fonctionnement du Site',
        true,
        ['security_storage'],
      ],
      [
        'analytics',
        "Les cookies d'analyse et de statistiques d'audience",
        false,
        ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'],
      ],
      [
        'functionality',
        "Les cookies tiers destinés à améliorer l'interactivité du Site",
        false,
        ['functionality_storage', 'personalization_storage'],
      ],
    ])
  })

  it('reads the title, version date, publisher, site and domain/name kinds', async () => {
    const page = await latestPage(await seedDataset())
    expect(page.title).toEqual({
      _type: 'localeString',
      fr: "Politique d'InMemori relative aux cookies",
      en: 'InMemori Cookie Policy',
    })
    expect(page.publisher).toBe('InMemori')
    expect(page.siteUrl).toBe('https://www.inmemori.com')
    expect(
      page.versions.map((version) => [
        version.version,
        version.effectiveFrom,
        version.requiresNewConsent,
      ]),
    ).toEqual([[1, '2021-03-09', true]])
    const kinds = page.current!.snapshot.categories!.flatMap((category) =>
      category.cookies!.map((cookie) => cookie.kind),
    )
    expect(kinds.filter((kind) => kind === 'domain')).toHaveLength(8)
    expect(kinds.filter((kind) => kind === 'name')).toHaveLength(7)
  })

  it('keeps the prose: sections in order, bold and italic marks, links', async () => {
    const page = await latestPage(await seedDataset())
    const sections = page.current!.sections!
    expect(sections.map((section) => `${section.number}. ${section.heading.fr}`)).toEqual([
      "1. QU'EST-CE QU'UN COOKIE ?",
      '2. QUELS SONT LES COOKIES UTILISES PAR INMEMORI ?',
      '2.1. Les cookies internes nécessaires au fonctionnement du Site',
      "2.2. Les cookies d'analyse et de statistiques d'audience",
      "2.3. Les cookies tiers destinés à améliorer l'interactivité du Site",
      '3. COMMENT PARAMÉTRER VOS PRÉFÉRENCES EN MATIÈRE DE COOKIES ?',
      '4. MODIFICATION DE LA POLITIQUE RELATIVE AUX COOKIES',
    ])
    expect(sections.map((section) => section.categoryKey)).toEqual([
      null,
      null,
      'necessary',
      'analytics',
      'functionality',
      null,
      null,
    ])
    const intro = page.current!.intro!.fr!
    const first = intro[0]!.children!
    expect(first.map((span) => span.text).join('')).toBe(
      "La société par actions simplifiée InMemori (ci-après « InMemori », « nous », ou « nos ») utilise des cookies pour améliorer son site web disponible à l'adresse www.inmemori.com (le « Site ») par le biais duquel les utilisateurs (« Utilisateurs » ou « vous ») peuvent accéder aux services proposés par InMemori.",
    )
    expect(first.filter((span) => span.marks?.includes('strong')).map((span) => span.text)).toEqual(
      ['InMemori', 'nous', 'nos', 'Site', 'Utilisateurs', 'vous'],
    )
    const link = first.find((span) => span.text === 'www.inmemori.com')!
    expect(intro[0]!.markDefs).toEqual([
      { _type: 'link', _key: link.marks![0], href: 'https://www.inmemori.com' },
    ])
    const cookieWord = sections[0]!.body!.fr![0]!.children!.find((span) =>
      span.marks?.includes('em'),
    )
    expect(cookieWord?.text).toBe('cookie')
  })

  it('adds the English translation to the same version, and to the catalog as edited now', async () => {
    const documents = await seedDataset()
    const page = await latestPage(documents)
    const necessary = page.current!.snapshot.categories![0]!
    expect(necessary.title).toEqual({
      _type: 'localeString',
      fr: 'Les cookies internes nécessaires au fonctionnement du Site',
      en: 'Internal cookies necessary for the Site to work',
    })
    expect(necessary.cookies![0]!.purpose?.en).toBe(
      'Remember the unique identifier associated with your login token',
    )
    expect(necessary.cookies![0]!.type?.en).toBe('Operation')
    expect(page.current!.sections![0]!.heading.en).toBe('WHAT IS A COOKIE?')
    const catalog = await query(documents)(currentCatalogQuery, { policyId: 'policy-cookies' })
    expect(catalog[2]!.cookies.map((cookie) => cookie.purpose.en)).toEqual([
      'Provide support to users via chat, email or telephone',
      'Provide personalised support to users by guiding them on the site according to their actions',
    ])
  })
})

describe('importing again', () => {
  it('changes nothing when the same texts are imported twice', async () => {
    const once = await seedDataset()
    const twice = await importTexts(
      [{ text: seedFr }, { text: seedEn, options: { lang: 'en' } }],
      once,
    )
    expect(serializeNdjson(twice)).toBe(serializeNdjson(once))
    const result = await importPolicy(once, parsePolicyText(seedFr, 'seed.txt'), { lang: 'fr' })
    expect(result.outcome).toBe('unchanged')
    expect(result.message).toBe('unchanged: the text is the same as version 1; nothing to publish')
  })

  const changed = seedFr
    .replace(
      'Version applicable depuis le 9 mars 2021',
      'Version applicable depuis le 1er décembre 2026',
    )
    .replace(
      'im_web_fprint\tFonctionnement\tMémoriser un jeton de connexion unique pour chaque connexion depuis un nouvel appareil\t13 mois',
      'im_web_fprint\tFonctionnement\tMémoriser un jeton de connexion unique pour chaque connexion depuis un nouvel appareil\t6 mois',
    )
    .replace('.customer.io\tCommunication', '.intercom.io\tCommunication')

  it('publishes a changed text as the next version and never rewrites the first', async () => {
    const before = await seedDataset()
    const firstVersion = before.find((document) => document._id === 'policyVersion-cookies-1')
    const result = await importPolicy(before, parsePolicyText(changed, 'v2.txt'), { lang: 'fr' })
    expect(result.outcome).toBe('published')
    // .customer.io replaced by .intercom.io: a new provider in a refusable category, asked again.
    expect(result.message).toBe(
      'published version 2, in force from 2026-12-01, asking visitors again about functionality (material change)',
    )
    expect(result.documents.find((document) => document._id === 'policyVersion-cookies-1')).toEqual(
      firstVersion,
    )
    const page = await latestPage(result.documents)
    expect(
      page.versions.map((version) => [
        version.version,
        version.effectiveFrom,
        version.requiresNewConsent,
      ]),
    ).toEqual([
      [2, '2026-12-01', true],
      [1, '2021-03-09', true],
    ])
    expect(page.versions[0]!.changeSummary).toEqual({
      _type: 'localeText',
      fr: 'Cookie ajouté : .intercom.io ; cookie retiré : .customer.io ; cookie modifié : im_web_fprint.',
      en: 'Cookie added: .intercom.io; cookie removed: .customer.io; cookie changed: im_web_fprint.',
    })
    // Unchanged rows keep their English translation; the new row has none yet.
    const functionality = page.current!.snapshot.categories![2]!.cookies!
    expect(functionality.map((cookie) => [cookie.name, cookie.purpose?.en ?? null])).toEqual([
      ['.helpscout.com', 'Provide support to users via chat, email or telephone'],
      ['.intercom.io', null],
    ])
    // The removed cookie left the catalog as edited now, but stays in version 1's snapshot.
    expect(result.documents.some((document) => document._id === 'cookie-cookies-customer-io')).toBe(
      false,
    )
  })

  it('lets --effective win over the version line, and marks --requires-new-consent', async () => {
    const result = await importPolicy(await seedDataset(), parsePolicyText(changed, 'v2.txt'), {
      lang: 'fr',
      effective: '2027-02-01',
      requiresNewConsent: true,
    })
    expect(result.message).toBe(
      'published version 2, in force from 2027-02-01, asking visitors again about analytics, functionality (material change)',
    )
  })

  it('refuses a version that would take effect before the one it replaces', async () => {
    const older = changed.replace('1er décembre 2026', '1er janvier 2020')
    await expect(
      importPolicy(await seedDataset(), parsePolicyText(older, 'v2.txt'), { lang: 'fr' }),
    ).rejects.toThrow(
      "v2.txt: The effective date 2020-01-01 is before version 1's (2021-03-09): a new version cannot take effect before the one it replaces.",
    )
  })

  it('refuses an English text that matches no version, or whose rows differ', async () => {
    const documents = await importTexts([{ text: seedFr }])
    const otherDate = seedEn.replace('9 March 2021', '10 March 2021')
    await expect(
      importPolicy(documents, parsePolicyText(otherDate, 'en.txt'), { lang: 'en' }),
    ).rejects.toThrow(
      'en.txt: no version of "cookies" takes effect on 2021-03-10; the dataset has version 1 (2021-03-09)',
    )
    const renamed = seedEn.replace('im_lang\tOperation', 'im_language\tOperation')
    await expect(
      importPolicy(documents, parsePolicyText(renamed, 'en.txt'), { lang: 'en' }),
    ).rejects.toThrow(
      'en.txt:26: the cookie is "im_language" but the French version has "im_lang" in this place',
    )
    const longer = seedEn.replace(
      'im_web_jwt\tOperation\tRemember the unique identifier associated with your login token\t30 days',
      'im_web_jwt\tOperation\tRemember the unique identifier associated with your login token\t31 days',
    )
    await expect(
      importPolicy(documents, parsePolicyText(longer, 'en.txt'), { lang: 'en' }),
    ).rejects.toThrow(
      "en.txt:24: the retention of im_web_jwt differs from the French version's: translate it, do not change it",
    )
  })

  it('takes a first text in English as an English-binding policy, not as a translation', async () => {
    const result = await importPolicy([], parsePolicyText(seedEn, 'en.txt'), { lang: 'en' })
    expect(result.outcome).toBe('published')
    expect(result.message).toBe(
      'published version 1, in force from 2021-03-09, asking every visitor for consent',
    )
    const { state, latest } = await latestVersion(result.documents)
    expect(state.binding).toBe('en')
    expect(state.policy.bindingLanguage).toBe('en')
    expect(state.policy.title).toEqual({ _type: 'localeString', en: 'InMemori Cookie Policy' })
    expect(latest.snapshot.categories![0]!.cookies![0]!.purpose).toEqual({
      _type: 'localeText',
      en: 'Remember the unique identifier associated with your login token',
    })
    // The French text then translates it, and names the binding language where it differs.
    const translated = await importPolicy(result.documents, parsePolicyText(seedFr, 'fr.txt'), {
      lang: 'fr',
    })
    expect(translated.outcome).toBe('translated')
    expect(translated.message).toBe(
      'added the French translation to version 1 (in force from 2021-03-09)',
    )
    const longer = seedFr.replace(
      "im_web_jwt\tFonctionnement\tMémoriser l'identifiant unique associé à votre jeton de connexion\t30 jours",
      "im_web_jwt\tFonctionnement\tMémoriser l'identifiant unique associé à votre jeton de connexion\t31 jours",
    )
    expect(longer).not.toBe(seedFr)
    await expect(
      importPolicy(result.documents, parsePolicyText(longer, 'fr.txt'), { lang: 'fr' }),
    ).rejects.toThrow(
      "fr.txt:26: the retention of im_web_jwt differs from the English version's: translate it, do not change it",
    )
  })
})

describe('malformed policy files', () => {
  const errorFixtures = readdirSync(fixturesDir).filter((name) => name.endsWith('.expected.txt'))

  it.each(errorFixtures)('%s', async (expectedName) => {
    const name = expectedName.replace('.expected.txt', '.txt')
    const expected = fixture(expectedName).trim()
    let error: unknown
    try {
      await importPolicy([], parsePolicyText(fixture(name), name), { lang: 'fr' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PolicyImportError)
    expect((error as Error).message).toBe(expected)
  })

  it('has a fixture for every error the issue names, each beside its expected message', () => {
    // The messages are checked one by one above; a fixture removed or renamed fails here.
    expect(errorFixtures).toEqual([
      '002-no-version-line.expected.txt',
      '003-wrong-cell-count.expected.txt',
      '004-unknown-column.expected.txt',
      '005-unreadable-retention.expected.txt',
      '006-bad-version-date.expected.txt',
      '007-no-retention-nor-link.expected.txt',
      '008-no-publisher.expected.txt',
    ])
    const inputs = readdirSync(fixturesDir).filter(
      (name) => /^00\d-/.test(name) && !name.endsWith('.expected.txt'),
    )
    expect(inputs).toEqual(errorFixtures.map((name) => name.replace('.expected.txt', '.txt')))
  })
})

describe('a policy with patterns, domains and English columns', () => {
  it('reads names, kinds, providers, retention and links as expected', async () => {
    const name = '010-patterns-domains-english.txt'
    const expected = JSON.parse(fixture('010-patterns-domains-english.expected.json'))
    const documents = await importTexts([
      { text: fixture(name), file: name, options: { slug: 'acme', lang: 'en' } },
    ])
    const { state, latest } = await latestVersion(documents, 'acme')
    const page = { ...state.policy, current: latest }
    expect({
      effectiveFrom: page.current.effectiveFrom,
      bindingLanguage: page.bindingLanguage,
      publisher: page.publisher,
      siteUrl: page.siteUrl,
      categories: page.current.snapshot.categories!.map((category) => ({
        key: category.key,
        required: category.required,
        consentModes: category.consentModes,
        cookies: category.cookies!.map((cookie) => ({
          name: cookie.name,
          names: cookie.names,
          kind: cookie.kind,
          provider: cookie.provider?.name,
          retention: retentionLabel(cookie.retention, 'en'),
          moreInfoUrl: cookie.moreInfoUrl,
        })),
      })),
    }).toEqual(expected)
  })
})

describe('the publisher', () => {
  const name = '010-patterns-domains-english.txt'
  const publisherOf = async (text: string, options: { publisher?: string } = {}) => {
    const documents = await importTexts([
      { text, file: name, options: { slug: 'acme', lang: 'en', ...options } },
    ])
    const { state, latest } = await latestVersion(documents, 'acme')
    const providers = latest.snapshot.categories!.flatMap((category) =>
      category.cookies!.map((cookie) => cookie.provider?.name),
    )
    return [state.policy.publisher, providers]
  }

  it('is --publisher, else the name the introduction defines in bold, else the site host', async () => {
    const text = fixture(name)
    const bold = text.replace('Acme Ltd runs', 'Acme Ltd ("**Acme**") runs')
    expect(bold).not.toBe(text)
    expect(await publisherOf(text, { publisher: 'Acme Ltd' })).toEqual([
      'Acme Ltd',
      ['Acme', 'Acme', 'Acme Ltd', 'doubleclick.net'],
    ])
    expect(await publisherOf(bold)).toEqual(['Acme', ['Acme', 'Acme', 'Acme', 'doubleclick.net']])
    expect(await publisherOf(text)).toEqual([
      'acme.example',
      ['Acme', 'Acme', 'acme.example', 'doubleclick.net'],
    ])
  })
})

describe('links in prose', () => {
  it('links addresses of any top-level domain, not the domain of an e-mail address', () => {
    const [block] = paragraphsToBlocks(
      [
        'See allaboutcookies.org, www.acme.co.uk/privacy and acme.studio. Write to privacy@acme.co.uk or https://acme.example/terms.',
      ],
      'links',
    )
    expect(
      block!.children.map((span) => [
        span.text,
        block!.markDefs.find((link) => span.marks.includes(link._key))?.href ?? null,
      ]),
    ).toEqual([
      ['See ', null],
      ['allaboutcookies.org', 'https://allaboutcookies.org'],
      [', ', null],
      ['www.acme.co.uk/privacy', 'https://www.acme.co.uk/privacy'],
      [' and ', null],
      ['acme.studio', 'https://acme.studio'],
      ['. Write to privacy@acme.co.uk or ', null],
      ['https://acme.example/terms', 'https://acme.example/terms'],
      ['.', null],
    ])
  })
})
