// The public contract of GET /api/cookie-catalog?format=catalog: fields may be added, none of these may change.
import { z } from 'zod'
import { CONSENT_MODE_SIGNALS } from '../consentModes'
import { KNOWN_LANGUAGES, LANGUAGES } from '../languages'
import { pageLink } from '../model/links'

export const CATALOG_SCHEMA_VERSION = 1

const catalogRetentionSchema = z
  .object({
    label: z
      .string()
      .min(1)
      .describe(
        'The retention in words of the requested language: "30 jours", "13 months", "Session".',
      ),
    duration: z
      .string()
      .regex(/^P(T?\d+[YMWDHS])$/)
      .nullable()
      .describe('ISO 8601 duration; null for a session cookie.'),
    session: z.boolean().describe('True when the cookie is deleted when the browser closes.'),
  })
  .strict()

const catalogCookieSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .describe(
        'The name as printed in the policy: a name, a pattern with *, a domain starting with ".", or "a / b".',
      ),
    names: z.array(z.string().min(1)).min(1).describe('Every individual name the entry covers.'),
    kind: z.enum(['name', 'pattern', 'domain']),
    provider: z.string().nullable().describe('The company that sets the cookie.'),
    type: z.string().nullable().describe('The type label printed in the policy.'),
    purpose: z.string().min(1),
    retention: catalogRetentionSchema
      .nullable()
      .describe('Null when the policy gives no retention (see moreInfoUrl).'),
    moreInfoUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .describe('Where to read more about the cookie: an https (or http) address.'),
  })
  .strict()

const catalogCategorySchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    title: z.string().min(1),
    description: z.string(),
    required: z.boolean().describe('Strictly necessary: visitors cannot refuse it.'),
    consentModes: z
      .array(z.enum(CONSENT_MODE_SIGNALS))
      .describe('Google Consent Mode v2 signals granted with this category.'),
    revision: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'The policy version at which consent to this category last changed materially (0 for a strictly necessary category): a choice made at that version or later still holds; ask again about this category only when a choice predates it. Always given since it was added; absent from catalogs of older servers.',
      ),
    changed: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe(
        'What changed at `revision`, one line for visitors; null when nothing was written. Absent from catalogs of older servers.',
      ),
    cookies: z.array(catalogCookieSchema),
  })
  .strict()

export const catalogSchema = z
  .object({
    schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
    lang: z.enum(LANGUAGES).describe('The language asked for.'),
    textLang: z
      .enum(KNOWN_LANGUAGES)
      .describe(
        'The language the texts are in: `lang`, or the binding language where the version has no (complete) translation into `lang`: then untranslated texts are given in the binding language.',
      ),
    policy: z
      .object({
        slug: z.string().min(1),
        title: z.string().min(1),
        version: z.number().int().min(1),
        effectiveFrom: z.iso.date(),
        consentRevision: z
          .number()
          .int()
          .min(0)
          .describe(
            'Ask for consent again whenever this number changes: the latest version that changed any category materially. Banners that can ask per category use each category’s `revision` instead.',
          ),
        bindingLanguage: z
          .enum(KNOWN_LANGUAGES)
          .describe('The language of the legally binding text; the others are translations.'),
        url: z
          .string()
          .refine((url) => pageLink(url) !== null, {
            message: 'The policy page must be a path of the site or an https (or http) address.',
          })
          .describe('The policy page: absolute when the site knows its address, else a path.'),
      })
      .strict(),
    categories: z.array(catalogCategorySchema),
  })
  .strict()
  .describe('The cookie catalog of a policy version, for consent banners.')

export type Catalog = z.infer<typeof catalogSchema>
export type CatalogCookie = z.infer<typeof catalogCookieSchema>

export const catalogErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }).strict() })
  .strict()

/** The JSON Schema published at /api/cookie-catalog/schema, generated from the zod schema above. */
export function catalogJsonSchema(): Record<string, unknown> {
  return {
    $id: 'cookie-catalog.schema.json',
    ...z.toJSONSchema(catalogSchema, { target: 'draft-2020-12' }),
  }
}
