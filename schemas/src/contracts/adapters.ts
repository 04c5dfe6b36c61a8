// The catalog reshaped for the banners people already use: vanilla-cookieconsent v3 and Klaro.
// Neither output carries code: patterns travel as strings that the loader (or Klaro) turns into RegExps.
import { z } from 'zod'
import { CONSENT_MODE_SIGNALS } from '../consentModes'
import { escapeRegExp, patternSource } from '../model/cookieNames'
import { compareTemplate } from '../model/addresses'
import { pageLink, webLink } from '../model/links'
import { BANNER_TEXT } from './bannerText'
import type { Catalog, CatalogCookie } from './catalog'

/** CNIL: the choice, consent or refusal, is kept about 6 months. */
const CONSENT_DAYS = 182

export interface AdapterOptions {
  /** The consent cookie's name: one the policy declares (the seed's own is cookie_validation). */
  cookieName: string
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** The origin of the policy's address when it is absolute ("https://example.com"), else "". */
function origin(url: string): string {
  const link = pageLink(url)
  return link && /^https?:/.test(link) ? new URL(link).origin : ''
}

function retentionText(cookie: CatalogCookie, lang: Catalog['lang']): string {
  if (cookie.retention) return cookie.retention.label
  const link = webLink(cookie.moreInfoUrl)
  return link ? `<a href="${escapeHtml(link)}">${BANNER_TEXT[lang].unknownRetention}</a>` : '—'
}

/** Cookies a script on the page can delete: names and patterns on its own domain, not third-party domains. */
function clearableNames(cookies: CatalogCookie[]): { name: string; isRegex: boolean }[] {
  const seen = new Set<string>()
  const entries: { name: string; isRegex: boolean }[] = []
  for (const name of cookies.flatMap((cookie) => cookie.names)) {
    if (name.startsWith('.') || seen.has(name)) continue
    seen.add(name)
    entries.push(
      name.includes('*') ? { name: patternSource(name), isRegex: true } : { name, isRegex: false },
    )
  }
  return entries
}

const autoClearCookieSchema = z.object({ name: z.string(), isRegex: z.boolean() }).strict()

export const vanillaConfigSchema = z
  .object({
    revision: z.number().int().min(0),
    cookie: z
      .object({
        name: z.string().min(1),
        expiresAfterDays: z.number().int(),
        sameSite: z.literal('Lax'),
      })
      .strict(),
    hideFromBots: z.literal(false),
    mode: z.literal('opt-in'),
    guiOptions: z.object({
      consentModal: z.object({
        layout: z.literal('box'),
        position: z.literal('bottom right'),
        equalWeightButtons: z.literal(true),
        flipButtons: z.boolean(),
      }),
      preferencesModal: z.object({
        layout: z.literal('box'),
        equalWeightButtons: z.literal(true),
        flipButtons: z.boolean(),
      }),
    }),
    categories: z.record(
      z.string(),
      z
        .object({
          enabled: z.boolean(),
          readOnly: z.boolean(),
          autoClear: z
            .object({ cookies: z.array(autoClearCookieSchema), reloadPage: z.boolean() })
            .strict(),
        })
        .strict(),
    ),
    language: z.object({
      default: z.string(),
      translations: z.record(
        z.string(),
        z.object({
          consentModal: z
            .object({
              title: z.string(),
              description: z.string(),
              acceptAllBtn: z.string(),
              acceptNecessaryBtn: z.string(),
              showPreferencesBtn: z.string(),
              revisionMessage: z.string(),
              closeIconLabel: z.string(),
            })
            .strict(),
          preferencesModal: z
            .object({
              title: z.string(),
              acceptAllBtn: z.string(),
              acceptNecessaryBtn: z.string(),
              savePreferencesBtn: z.string(),
              closeIconLabel: z.string(),
              sections: z.array(
                z
                  .object({
                    title: z.string(),
                    description: z.string(),
                    linkedCategory: z.string().optional(),
                    cookieTable: z
                      .object({
                        caption: z.string(),
                        headers: z.record(z.string(), z.string()),
                        body: z.array(z.record(z.string(), z.string())),
                      })
                      .strict()
                      .optional(),
                  })
                  .strict(),
              ),
            })
            .strict(),
        }),
      ),
    }),
    consentModes: z
      .record(z.string(), z.array(z.enum(CONSENT_MODE_SIGNALS)))
      .describe('Read by the loader for Google Consent Mode; not a CookieConsent option.'),
    policyUrl: z.string(),
    consentRecord: z
      .object({
        policy: z.string(),
        version: z.number().int().min(1),
        lang: z.string(),
        gpcNotice: z.string(),
        gpcPreferences: z.string(),
        close: z.string(),
        receipt: z.string(),
        categories: z
          .record(
            z.string(),
            z
              .object({ revision: z.number().int().min(0), changed: z.string().nullable() })
              .strict(),
          )
          .describe(
            'Per category a visitor may refuse: the version at which its consent last changed materially, and what changed then.',
          ),
        compare: z
          .string()
          .describe(
            'The comparison page of an earlier version ("{from}") with this one, for "what changed".',
          ),
        changedTitle: z.string(),
        changedIntro: z.string(),
        changedLink: z.string(),
        reaskAccept: z.string(),
        reaskReject: z.string(),
      })
      .strict()
      .describe(
        'Read by the loader: what it records with each choice (POST /api/consent), whom it asks again about what, and the words it shows.',
      ),
  })
  .strict()
export type VanillaConfig = z.infer<typeof vanillaConfigSchema>

/** A `CookieConsent.run()` configuration, once the loader has turned `isRegex` names into RegExps. */
export function toVanillaCookieConsent(catalog: Catalog, options: AdapterOptions): VanillaConfig {
  const words = BANNER_TEXT[catalog.lang]
  const policyLink = `<a href="${escapeHtml(pageLink(catalog.policy.url) ?? '/')}">${words.policyLink}</a>`
  return vanillaConfigSchema.parse({
    revision: catalog.policy.consentRevision,
    cookie: { name: options.cookieName, expiresAfterDays: CONSENT_DAYS, sameSite: 'Lax' },
    hideFromBots: false,
    mode: 'opt-in',
    guiOptions: {
      consentModal: {
        layout: 'box',
        position: 'bottom right',
        equalWeightButtons: true,
        flipButtons: false,
      },
      preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
    },
    categories: Object.fromEntries(
      catalog.categories.map((category) => [
        category.key,
        {
          enabled: category.required,
          readOnly: category.required,
          autoClear: { cookies: clearableNames(category.cookies), reloadPage: false },
        },
      ]),
    ),
    language: {
      // No autoDetect: the page's language chose the catalog's.
      default: catalog.lang,
      translations: {
        [catalog.lang]: {
          consentModal: {
            title: words.consentTitle,
            description: `${words.consentDescription} ${policyLink}{{revisionMessage}}`,
            acceptAllBtn: words.acceptAll,
            acceptNecessaryBtn: words.rejectAll,
            showPreferencesBtn: words.showPreferences,
            revisionMessage: `<br><br><strong>${words.revisionMessage}</strong>`,
            closeIconLabel: '',
          },
          preferencesModal: {
            title: words.preferencesTitle,
            acceptAllBtn: words.acceptAll,
            acceptNecessaryBtn: words.rejectAll,
            savePreferencesBtn: words.save,
            closeIconLabel: words.close,
            sections: [
              { title: words.usageTitle, description: words.usageDescription },
              ...catalog.categories.map((category) => ({
                title: escapeHtml(category.title),
                description: escapeHtml(category.description),
                linkedCategory: category.key,
                cookieTable: {
                  caption: escapeHtml(category.title),
                  headers: {
                    name: words.columns.name,
                    provider: words.columns.provider,
                    purpose: words.columns.purpose,
                    retention: words.columns.retention,
                  },
                  body: category.cookies.map((cookie) => ({
                    name: escapeHtml(cookie.name),
                    provider: escapeHtml(cookie.provider ?? '—'),
                    purpose: escapeHtml(cookie.purpose),
                    retention: retentionText(cookie, catalog.lang),
                  })),
                },
              })),
              { title: words.moreTitle, description: policyLink },
            ],
          },
        },
      },
    },
    consentModes: Object.fromEntries(
      catalog.categories.map((category) => [category.key, category.consentModes]),
    ),
    policyUrl: pageLink(catalog.policy.url) ?? '/',
    consentRecord: {
      policy: catalog.policy.slug,
      version: catalog.policy.version,
      lang: catalog.lang,
      gpcNotice: words.gpcNotice,
      gpcPreferences: words.gpcPreferences,
      close: words.close,
      receipt: words.receipt,
      categories: Object.fromEntries(
        catalog.categories
          .filter((category) => !category.required)
          .map((category) => [
            category.key,
            { revision: category.revision ?? 0, changed: category.changed ?? null },
          ]),
      ),
      compare: `${origin(catalog.policy.url)}${compareTemplate(catalog.lang, catalog.policy.slug, catalog.policy.version)}`,
      changedTitle: words.changedTitle,
      changedIntro: words.changedIntro,
      changedLink: words.changedLink,
      reaskAccept: words.reaskAccept,
      reaskReject: words.reaskReject,
    },
  })
}

export const klaroConfigSchema = z
  .object({
    version: z.literal(1),
    elementID: z.string(),
    storageMethod: z.literal('cookie'),
    storageName: z.string(),
    cookieExpiresAfterDays: z.number().int(),
    default: z.literal(false),
    mustConsent: z.boolean(),
    acceptAll: z.literal(true),
    hideDeclineAll: z.literal(false),
    hideLearnMore: z.boolean(),
    noticeAsModal: z.boolean(),
    lang: z.string(),
    privacyPolicy: z.string(),
    translations: z.record(z.string(), z.record(z.string(), z.unknown())),
    services: z.array(
      z
        .object({
          name: z.string(),
          title: z.string(),
          purposes: z.array(z.string()).min(1),
          required: z.boolean(),
          default: z.boolean(),
          optOut: z.literal(false),
          onlyOnce: z.boolean(),
          cookies: z.array(z.string()),
          translations: z.record(
            z.string(),
            z.object({ title: z.string(), description: z.string() }),
          ),
        })
        .strict(),
    ),
  })
  .strict()
export type KlaroConfig = z.infer<typeof klaroConfigSchema>

function serviceName(cookie: CatalogCookie, taken: Set<string>): string {
  const base =
    cookie.name
      .replace(/^\./, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'cookie'
  let name = base
  for (let suffix = 2; taken.has(name); suffix++) name = `${base}-${suffix}`
  taken.add(name)
  return name
}

/** A `klaro.setup()` configuration: one service per catalog entry, grouped by purpose (category). */
export function toKlaro(catalog: Catalog, options: AdapterOptions): KlaroConfig {
  const lang = catalog.lang
  const taken = new Set<string>()
  const policyUrl = pageLink(catalog.policy.url) ?? '/'
  return klaroConfigSchema.parse({
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    // Klaro asks again only for new services; a storage name per consent revision asks everyone again.
    storageName: `${options.cookieName}-r${catalog.policy.consentRevision}`,
    cookieExpiresAfterDays: CONSENT_DAYS,
    default: false,
    mustConsent: false,
    acceptAll: true,
    hideDeclineAll: false,
    hideLearnMore: false,
    noticeAsModal: false,
    lang,
    privacyPolicy: policyUrl,
    translations: {
      zz: { privacyPolicyUrl: policyUrl },
      [lang]: {
        privacyPolicyUrl: policyUrl,
        consentNotice: { description: BANNER_TEXT[lang].consentDescription },
        purposes: Object.fromEntries(
          catalog.categories.map((category) => [
            category.key,
            { title: category.title, description: category.description },
          ]),
        ),
      },
    },
    services: catalog.categories.flatMap((category) =>
      category.cookies.map((cookie) => ({
        name: serviceName(cookie, taken),
        title: cookie.name,
        purposes: [category.key],
        required: category.required,
        default: category.required,
        optOut: false,
        onlyOnce: false,
        cookies: [...new Set(cookie.names.filter((name) => !name.startsWith('.')))].map((name) =>
          name.includes('*') ? patternSource(name) : `^${escapeRegExp(name)}$`,
        ),
        translations: { [lang]: { title: cookie.name, description: cookie.purpose } },
      })),
    ),
  })
}
