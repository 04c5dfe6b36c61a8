// The public contract of the consent ledger: what the banner sends to POST /api/consent, the receipt it gets
// back, and a record as GET /api/consent/{consentId} and `npm run consent -- export` give it.
import { z } from 'zod'
import { LANGUAGES } from '../languages'

const CONSENT_ACTIONS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const
export type ConsentAction = (typeof CONSENT_ACTIONS)[number]

/** The largest request body POST /api/consent reads. */
export const CONSENT_BODY_LIMIT = 8 * 1024

const categoryKeys = z
  .array(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a category key'))
  .max(64)
  .refine((keys) => new Set(keys).size === keys.length, 'a category is listed twice')

const carriedSchema = z
  .object({
    category: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a category key'),
    accepted: z.boolean(),
    version: z.number().int().min(1).describe('The policy version the answer was given at.'),
  })
  .strict()
export type CarriedChoice = z.infer<typeof carriedSchema>

/** A consent ID's token: HMAC-SHA256 of the ID under the ledger's secret, base64url. */
const consentTokenSchema = z
  .string()
  .regex(/^[\w-]{43}$/, { error: 'must be the token of a receipt' })

export const consentRequestSchema = z
  .object({
    consentId: z.uuidv4({ error: 'must be a UUID v4' }).transform((id) => id.toLowerCase()),
    policy: z.string().min(1).max(100),
    version: z.number().int().min(1),
    consentRevision: z.number().int().min(0),
    lang: z.enum(LANGUAGES),
    accepted: categoryKeys,
    rejected: categoryKeys,
    action: z.enum(CONSENT_ACTIONS),
    gpc: z.boolean(),
    /** The token the first receipt of this consent ID gave: required for every later choice. */
    token: consentTokenSchema.optional(),
    /** A returning visitor asked again about some categories only: those categories. */
    reasked: categoryKeys.optional(),
    /** ...and the answers that carried forward, each with the version it was given at. */
    carried: z.array(carriedSchema).max(64).optional(),
  })
  .strict()
export type ConsentRequest = z.infer<typeof consentRequestSchema>

export const consentReceiptSchema = z
  .object({
    receipt: z
      .object({
        id: z.uuid(),
        consentId: z.uuid(),
        recordedAt: z.iso.datetime(),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        token: consentTokenSchema,
        contentHash: z.string().nullable(),
        bannerHash: z.string().nullable(),
      })
      .strict(),
  })
  .strict()

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/)

/** One record of the ledger: a visitor's choice, or a checkpoint left by a purge. */
export const consentRecordSchema = z
  .object({
    seq: z.number().int().min(1).describe('The position in the chain.'),
    id: z.uuid().describe('The receipt id.'),
    kind: z.enum(['consent', 'checkpoint']),
    consentId: z.uuid().nullable().describe('The banner’s visitor id; null for a checkpoint.'),
    recordedAt: z.iso.datetime().describe('Set by the server, UTC.'),
    policy: z.string().nullable(),
    version: z.number().int().nullable().describe('The policy version the visitor was shown.'),
    consentRevision: z.number().int().nullable(),
    lang: z.string().nullable(),
    accepted: z.array(z.string()),
    rejected: z.array(z.string()),
    action: z.enum(CONSENT_ACTIONS).nullable(),
    gpc: z.boolean().describe('The browser sent Global Privacy Control.'),
    banner: z.string().nullable().describe('SHA-256 of the banner loader the site served.'),
    contentHash: z
      .string()
      .nullable()
      .describe('The content hash of the version shown (null: a version published before hashes).'),
    bannerHash: z
      .string()
      .nullable()
      .describe('SHA-256 of the banner’s text in the visitor’s language, as the site served it.'),
    browser: z.string().nullable().describe('A browser family at most: no version, no user agent.'),
    reasked: z
      .array(z.string())
      .nullable()
      .describe(
        'A returning visitor asked again about these categories only (a material change since their choice); null: asked about everything.',
      ),
    carried: z
      .array(carriedSchema)
      .nullable()
      .describe('The answers that carried forward unasked, each with the version it was given at.'),
    checkpoint: z
      .object({
        purgedBefore: z.iso.datetime(),
        purgedThrough: z.number().int().min(1),
        purgedRecords: z.number().int().min(0),
        anchorHash: hashSchema,
      })
      .strict()
      .nullable()
      .describe('What a purge removed: the records up to `purgedThrough`, the last one’s hash.'),
    prevHash: hashSchema,
    hash: hashSchema.describe('SHA-256 of prevHash and this record’s canonical content.'),
  })
  .strict()
export type ConsentRecord = z.infer<typeof consentRecordSchema>

export const consentHistorySchema = z
  .object({ consentId: z.uuid(), records: z.array(consentRecordSchema).min(1) })
  .strict()

export const consentErrorSchema = z
  .object({
    error: z
      .object({ code: z.string(), message: z.string(), field: z.string().optional() })
      .strict(),
  })
  .strict()

/** GET /api/consent/counts/{policy}: the choices in force, counted per category; no identifier. */
export const consentCountsSchema = z
  .object({
    policy: z.string(),
    since: z.iso
      .datetime()
      .describe('Each visitor’s latest choice since then (older ones have left the browser).'),
    choices: z.number().int().min(0),
    accepted: z
      .record(z.string(), z.number().int().min(0))
      .describe('Per category: how many of those choices accept it.'),
    countedAt: z.iso.datetime(),
  })
  .strict()
