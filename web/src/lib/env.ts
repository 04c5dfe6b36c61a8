// The site's configuration, read and checked once. Server code only: nothing here reaches a browser.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { COOKIE_NAME, DEFAULT_CONSENT_COOKIE } from '@cookie-policy/schemas/model'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import { ledgerConfig, type LedgerConfig } from '@cookie-policy/schemas/ledger'
import { policyDatasetFile } from '@cookie-policy/schemas/node'

function assertValue<T>(value: T | undefined, message: string): T {
  if (value === undefined || value === '') throw new Error(message)
  return value
}

/** The repository: the site runs from web/ (npm start) or from the repository root. */
function repository(): string {
  const candidates = ['.', '..'].map((path) =>
    resolve(/*turbopackIgnore: true*/ process.cwd(), path),
  )
  return candidates.find((path) => existsSync(`${path}/content/dataset.ndjson`)) ?? candidates[1]!
}

/** Where consents are recorded: PostgreSQL (DATABASE_URL), else the folder CONSENT_STORE (default .data/consent). */
export function consentLedgerConfig(): LedgerConfig {
  return ledgerConfig(process.env, repository())
}

/** The banner loader this site serves (built into public/): its hash goes into every consent record. */
export function bannerFile(): string {
  return resolve(/*turbopackIgnore: true*/ process.cwd(), 'public/cookie-banner.js')
}

export type ContentSourceConfig =
  | { kind: 'embedded'; datasetFile: string }
  | {
      kind: 'sanity'
      projectId: string
      dataset: string
      apiVersion: string
      apiHost?: string
      useCdn: boolean
      /** Reads drafts, for editors' previews; server-side only. */
      readToken?: string
    }

export function contentSourceConfig(): ContentSourceConfig {
  const projectId = process.env.SANITY_PROJECT_ID
  if (!projectId) return { kind: 'embedded', datasetFile: policyDatasetFile(repository()) }
  return {
    kind: 'sanity',
    projectId,
    dataset: assertValue(
      process.env.SANITY_DATASET,
      'Missing environment variable: SANITY_DATASET (set with SANITY_PROJECT_ID)',
    ),
    apiVersion: process.env.SANITY_API_VERSION || SANITY_API_VERSION,
    // A loopback Content Lake stand-in for tests; production leaves it unset.
    apiHost: process.env.SANITY_API_HOST || undefined,
    useCdn: !process.env.SANITY_API_HOST,
    readToken: process.env.SANITY_API_READ_TOKEN || undefined,
  }
}

/** The public address of the site, for canonical links and absolute URLs; unset means relative links. */
export function siteUrl(): string | null {
  const value = process.env.SITE_URL
  return value ? value.replace(/\/+$/, '') : null
}

/** The consent cookie: by default the one the seed policy declares, so the site sets no undeclared cookie. */
export function consentCookieName(): string {
  const name = process.env.CONSENT_COOKIE_NAME || DEFAULT_CONSENT_COOKIE
  if (!COOKIE_NAME.test(name) || name.includes('*'))
    throw new Error(`CONSENT_COOKIE_NAME "${name}" is not a valid cookie name`)
  return name
}

/** The secret of the Sanity webhook that refreshes the catalog on publish; unset disables the endpoint. */
export function webhookSecret(): string | undefined {
  return process.env.SANITY_WEBHOOK_SECRET || undefined
}

/** The secret of the preview link editors open from the Studio; unset disables previews. */
export function previewSecret(): string | undefined {
  return process.env.SANITY_PREVIEW_SECRET || undefined
}
