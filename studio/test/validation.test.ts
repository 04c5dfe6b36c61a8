// Every legal rule, run through Sanity's own validateDocument on passing and failing documents, offline:
// the client that custom rules ask is groq-js over a fixture dataset.
import { readFileSync } from 'node:fs'
import {
  createWorkspaceFromConfig,
  validateDocument,
  type SanityClient,
  type Workspace,
} from 'sanity'
import { beforeAll, describe, expect, it } from 'vitest'
import { createGroqRunner, parseNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'
import { schemaTypes } from '@cookie-policy/schemas/types'
import { STUDIO_WORDS, setStudioLanguage } from '@cookie-policy/schemas/studioWords'

const seed = parseNdjson(
  readFileSync(new URL('../../content/dataset.ndjson', import.meta.url), 'utf8'),
  'dataset.ndjson',
)
const byId = (id: string) => structuredClone(seed.find((document) => document._id === id)!)

function fakeClient(documents: SanityDocument[]): SanityClient {
  const run = createGroqRunner(documents)
  const client = {
    fetch: (query: string, params?: Record<string, unknown>) => run(query, params ?? {}),
    withConfig: () => client,
    // Never contacted: the Studio's realtime socket is only built from this address, not opened.
    config: () => ({
      apiVersion: '2025-02-19',
      projectId: 'test',
      dataset: 'test',
      url: 'http://127.0.0.1:9/v2025-02-19',
    }),
  }
  return client as unknown as SanityClient
}

let workspace: Workspace
const client = fakeClient(seed)

beforeAll(async () => {
  workspace = await createWorkspaceFromConfig({
    name: 'default',
    projectId: 'test',
    dataset: 'test',
    basePath: '/',
    schema: { types: schemaTypes },
    currentUser: {
      id: 'editor',
      name: 'Editor',
      email: 'editor@example.com',
      role: 'administrator',
      roles: [{ name: 'administrator', title: 'Administrator' }],
    },
    getClient: () => client,
  })
}, 60_000)

/** Every marker of a document, as the Studio shows them; `using` answers the rules' queries. */
async function markers(document: SanityDocument, using: SanityClient = client) {
  const ids = new Set(seed.map((entry) => entry._id))
  const result = await validateDocument({
    document: {
      _createdAt: '2026-01-01T00:00:00Z',
      _updatedAt: '2026-01-01T00:00:00Z',
      _rev: 'r',
      ...document,
    } as never,
    workspace,
    getClient: () => using,
    getDocumentExists: async ({ id }) => ids.has(id),
    // What editors see: with 'cli', Sanity turns every rule of an object or document into a warning.
    environment: 'studio',
  })
  return result.map((marker) => ({
    level: marker.level,
    path: marker.path.join('.'),
    message: marker.message,
  }))
}
const errors = async (document: SanityDocument) =>
  (await markers(document)).filter((marker) => marker.level === 'error')
const warnings = async (document: SanityDocument) =>
  (await markers(document)).filter((marker) => marker.level === 'warning')

describe('the seed passes', () => {
  it.each([
    'cookie-cookies-im_web_jwt',
    'cookie-cookies-amplitude-com',
    'cookieCategory-cookies-analytics',
    'provider-stripe-com',
    'policy-cookies',
    'policyVersion-cookies-1',
  ])('%s has no error', async (id) => {
    expect(await errors(byId(id))).toEqual([])
  })

  it('warns on the seed’s own consent cookie, kept 365 days where the CNIL advises 6 months', async () => {
    expect(await warnings(byId('cookie-cookies-cookie_validation'))).toEqual([
      {
        level: 'warning',
        path: 'name',
        message:
          'CNIL: the visitor’s choice (cookie_validation) should be kept about 6 months, then asked again. The banner keeps it 182 days; consider declaring 6 months.',
      },
    ])
  })
})

describe('a cookie the scanner drafted', () => {
  it('passes once the editor writes its purpose in the binding language', async () => {
    const drafted = {
      _id: 'drafts.cookie-cookies-scan-hjid',
      _type: 'cookie',
      name: '_hjid',
      names: ['_hjid'],
      category: { _type: 'reference', _ref: 'cookieCategory-cookies-analytics' },
      provider: { _type: 'reference', _ref: 'provider-stripe-com' },
      purpose: { _type: 'localeText', en: 'Hotjar cookie.' },
      retention: { _type: 'retention', kind: 'duration', amount: 365, unit: 'day' },
      moreInfoUrl: 'https://www.hotjar.com/legal/policies/privacy/',
      order: 14,
      scan: {
        report: { _type: 'reference', _ref: 'policy-cookies' },
        seenOn: 'https://www.example.com/',
        phase: 'before',
        suggestedBy: 'Open Cookie Database (Hotjar, by name; its category: Analytics)',
      },
    }
    expect(await errors(drafted)).toEqual([
      {
        level: 'error',
        path: 'purpose.fr',
        message: expect.stringContaining('French'),
      },
    ])
    expect(
      await errors({ ...drafted, purpose: { ...drafted.purpose, fr: 'Identifier le visiteur' } }),
    ).toEqual([])
  })
})

describe('every cookie has what a visitor must be told', () => {
  it('a name, a category, a French purpose', async () => {
    const cookie = {
      _id: 'cookie-new',
      _type: 'cookie',
      order: 1,
      purpose: { _type: 'localeText', en: 'Only English' },
    }
    const found = await errors(cookie)
    expect(found.map((marker) => marker.path).sort()).toEqual([
      'category',
      'moreInfoUrl',
      'name',
      'purpose.fr',
    ])
    expect(found.find((marker) => marker.path === 'purpose.fr')?.message).toBe(
      'The French text is required: French is this policy’s binding language.',
    )
    expect(found.find((marker) => marker.path === 'name')?.message).toBe(
      'Give the cookie’s name (or a pattern such as _ga_*, or a domain such as .stripe.com).',
    )
  })

  it('a retention or a more-information link', async () => {
    const cookie = { ...byId('cookie-cookies-amplitude-com'), moreInfoUrl: undefined }
    expect(await errors(cookie)).toEqual([
      {
        level: 'error',
        path: 'moreInfoUrl',
        message:
          'Give a retention period, or a more-information link where the provider says how long the cookie lives.',
      },
    ])
  })

  it('an https link', async () => {
    const cookie = {
      ...byId('cookie-cookies-amplitude-com'),
      moreInfoUrl: 'http://amplitude.com/privacy',
    }
    expect(await errors(cookie)).toEqual([
      { level: 'error', path: 'moreInfoUrl', message: 'Use an https:// address.' },
    ])
  })

  it('an English translation where the French exists (advice)', async () => {
    const cookie = byId('cookie-cookies-im_lang')
    cookie.purpose = { _type: 'localeText', fr: (cookie.purpose as { fr: string }).fr }
    expect(await warnings(cookie)).toEqual([
      {
        level: 'warning',
        path: 'purpose.en',
        message:
          'French is binding; English translation missing: visitors reading in English will see the French text with a note.',
      },
    ])
  })
})

describe('names', () => {
  it('appear once per policy catalog, also inside "a / b" rows', async () => {
    const copy = { ...byId('cookie-cookies-im_lang'), _id: 'drafts.cookie-new', name: '_utmz' }
    expect(await errors(copy)).toEqual([
      {
        level: 'error',
        path: 'name',
        message: 'The catalog already lists _utma / _utmz / _utmz: a name appears once per policy.',
      },
    ])
    // Editing a cookie does not clash with its own published version.
    expect(
      await errors({ ...byId('cookie-cookies-im_lang'), _id: 'drafts.cookie-cookies-im_lang' }),
    ).toEqual([])
  })

  it.each([
    ['*', '"*" would match every cookie: keep the fixed part of the name, as in _ga_*.'],
    [
      'my cookie',
      '"my cookie" cannot be a cookie name: no spaces, commas, semicolons or quotes. Separate several names with " / ".',
    ],
    ['.stripe', '".stripe" is not a domain: write it like .stripe.com.'],
  ])('refuse "%s"', async (name, message) => {
    expect(await errors({ ...byId('cookie-cookies-im_lang'), _id: 'cookie-x', name })).toEqual([
      { level: 'error', path: 'name', message },
    ])
  })

  it('accept patterns such as _ga_*', async () => {
    expect(
      await errors({ ...byId('cookie-cookies-im_mkt_tracking'), _id: 'cookie-x', name: '_ga_*' }),
    ).toEqual([])
  })
})

describe('the CNIL and EDPB rules', () => {
  it('a cookie that needs consent lives at most 13 months: error', async () => {
    const cookie = {
      ...byId('cookie-cookies-im_mkt_tracking'),
      retention: { _type: 'retention', kind: 'duration', amount: 2, unit: 'year' },
    }
    expect(await errors(cookie)).toEqual([
      {
        level: 'error',
        path: 'retention.kind',
        message:
          'CNIL: a cookie that needs consent lives at most 13 months, then consent is asked again. Shorten the retention, or move the cookie to a strictly necessary category if it truly is one.',
      },
    ])
    expect(
      await errors({
        ...cookie,
        retention: { _type: 'retention', kind: 'duration', amount: 13, unit: 'month' },
      }),
    ).toEqual([])
  })

  it('a strictly necessary cookie may live longer (no consent to renew)', async () => {
    const cookie = {
      ...byId('cookie-cookies-im_web_jwt'),
      retention: { _type: 'retention', kind: 'duration', amount: 2, unit: 'year' },
    }
    expect(await errors(cookie)).toEqual([])
  })

  it('a tracker in a strictly necessary category: warning', async () => {
    const cookie = {
      ...byId('cookie-cookies-im_web_jwt'),
      type: { _type: 'localeString', fr: 'Analytique', en: 'Analytics' },
    }
    expect(await warnings(cookie)).toEqual([
      {
        level: 'warning',
        path: 'type',
        message:
          'EDPB: do not label trackers "essential". A cookie of type "Analytique Analytics" in a strictly necessary category cannot be refused by visitors; move it to a category that asks for consent unless it is exempt.',
      },
    ])
  })
})

describe('versions and addresses', () => {
  it('a version cannot take effect before the previous one', async () => {
    const version = {
      ...byId('policyVersion-cookies-1'),
      _id: 'policyVersion-cookies-2',
      version: 2,
      effectiveFrom: '2020-01-01',
    }
    expect(await errors(version)).toEqual([
      {
        level: 'error',
        path: 'effectiveFrom',
        message:
          "This date is before version 1's (2021-03-09): a version cannot take effect before the one it replaces.",
      },
    ])
    expect(await errors({ ...version, effectiveFrom: '2027-01-01' })).toEqual([])
  })

  it('provider and policy addresses must be https', async () => {
    expect(
      await errors({
        ...byId('provider-stripe-com'),
        privacyPolicyUrl: 'http://stripe.com/privacy',
      }),
    ).toEqual([{ level: 'error', path: 'privacyPolicyUrl', message: 'Use an https:// address.' }])
    expect(await errors({ ...byId('policy-cookies'), siteUrl: 'http://www.inmemori.com' })).toEqual(
      [{ level: 'error', path: 'siteUrl', message: 'Use an https:// address.' }],
    )
  })
})

describe('the binding language is the policy’s', () => {
  // The seed's catalog, as if its policy bound in English: English is then required, French advised.
  const englishBinding = seed.map((document) =>
    document._id === 'policy-cookies' ? { ...document, bindingLanguage: 'en' } : document,
  )
  const englishClient = fakeClient(englishBinding)
  const check = async (document: SanityDocument) =>
    (await markers(document, englishClient)).map((marker) => [
      marker.level,
      marker.path,
      marker.message,
    ])

  it('requires the English text and advises the French one', async () => {
    const cookie = byId('cookie-cookies-im_lang')
    cookie.purpose = { _type: 'localeText', fr: 'Mémoriser la langue' }
    cookie.type = { _type: 'localeString', en: 'Functional' }
    expect(await check(cookie)).toEqual([
      [
        'error',
        'purpose.en',
        'The English text is required: English is this policy’s binding language.',
      ],
      [
        'warning',
        'type.fr',
        'English is binding; French translation missing: visitors reading in French will see the English text with a note.',
      ],
    ])
  })

  it('checks a cookie with one query, whatever it finds', async () => {
    let queries = 0
    const run = createGroqRunner(seed)
    const counting = fakeClient(seed)
    Object.assign(counting, {
      fetch: (query: string, params?: Record<string, unknown>) => {
        queries++
        return run(query, params ?? {})
      },
    })
    const cookie = { ...byId('cookie-cookies-im_mkt_tracking'), _id: 'cookie-x', name: '_utmz' }
    expect((await markers(cookie, counting)).map((marker) => marker.message)).toEqual([
      'The catalog already lists _utma / _utmz / _utmz: a name appears once per policy.',
    ])
    expect(queries).toBe(1)
  })
})

describe('the default policy', () => {
  it('is one policy at most', async () => {
    const uk = {
      ...byId('policy-cookies'),
      _id: 'policy-uk-cookies',
      slug: { _type: 'slug', current: 'uk-cookies' },
      isDefault: true,
    }
    const seedAsDefault = fakeClient([
      ...seed.filter((document) => document._id !== 'policy-cookies'),
      { ...byId('policy-cookies'), isDefault: true },
    ])
    expect(
      (await markers(uk, seedAsDefault))
        .filter((marker) => marker.level === 'error')
        .map((marker) => [marker.path, marker.message]),
    ).toEqual([
      ['isDefault', 'The policy "cookies" is already the default: one policy only can be.'],
    ])
    expect(await errors({ ...uk, isDefault: false })).toEqual([])
  })
})

describe('in the editor’s language', () => {
  it('a German Studio says the CNIL rule and the https rule in German', async () => {
    // The Studio's locale as Sanity hands it to the checks once the editor chose German.
    const german = {
      ...workspace,
      i18n: {
        ...workspace.i18n,
        currentLocale: {
          id: 'de-DE',
          title: 'Deutsch',
          weekInfo: workspace.i18n.currentLocale.weekInfo,
        },
      },
    }
    // What the Studio's layout does when the editor's language is German.
    setStudioLanguage('de')
    try {
      const cookie = {
        ...byId('cookie-cookies-im_mkt_tracking'),
        retention: { _type: 'retention', kind: 'duration', amount: 2, unit: 'year' },
        moreInfoUrl: 'http://inmemori.com/cookies',
      }
      const result = await validateDocument({
        document: {
          _createdAt: '2026-01-01T00:00:00Z',
          _updatedAt: '2026-01-01T00:00:00Z',
          _rev: 'r',
          ...cookie,
        } as never,
        workspace: german,
        getClient: () => client,
        getDocumentExists: async () => true,
        environment: 'studio',
      })
      expect(
        result
          .filter((marker) => marker.level === 'error')
          .map((marker) => [marker.path.join('.'), marker.message]),
      ).toEqual([
        ['retention.kind', STUDIO_WORDS.de['rule.thirteenMonths']],
        ['moreInfoUrl', 'Verwenden Sie eine https://-Adresse.'],
      ])
      expect(STUDIO_WORDS.de['rule.thirteenMonths']).toMatch(
        /^CNIL: Ein einwilligungsbedürftiges Cookie besteht höchstens 13 Monate/,
      )
    } finally {
      setStudioLanguage('en')
    }
  })
})
