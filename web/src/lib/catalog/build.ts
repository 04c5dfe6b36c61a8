// Computing one catalog answer: the version asked for (or in force), read by schemas/, adapted, checked by its schema.
import {
  catalogSchema,
  klaroConfigSchema,
  readCatalog,
  toKlaro,
  toVanillaCookieConsent,
  vanillaConfigSchema,
} from '@cookie-policy/schemas/contracts'
import type { RunQuery } from '@cookie-policy/schemas/queries'
import { CatalogRequestError, type CatalogRequest } from './params'

export interface BuildContext {
  runQuery: RunQuery
  now: Date
  siteUrl: string | null
  cookieName: string
}

export interface BuiltCatalog {
  /** The JSON value of the answer, parsed by its zod schema. */
  value: unknown
  /** The policy's time zone: the answer holds until the next midnight there. */
  timeZone: string
}

export async function buildCatalogValue(
  request: CatalogRequest,
  context: BuildContext,
): Promise<BuiltCatalog> {
  const read = await readCatalog(context.runQuery, {
    slug: request.policy ?? undefined,
    lang: request.lang ?? undefined,
    version: request.version ?? undefined,
    siteUrl: context.siteUrl,
    now: context.now,
  })
  if (!read.found) throw new CatalogRequestError(404, read.code, read.message)
  const { catalog, timeZone } = read
  const options = { cookieName: context.cookieName }
  const value = (() => {
    switch (request.format) {
      case 'catalog':
        return catalogSchema.parse(catalog)
      case 'vanilla-cookieconsent':
        return vanillaConfigSchema.parse(toVanillaCookieConsent(catalog, options))
      case 'klaro':
        return klaroConfigSchema.parse(toKlaro(catalog, options))
    }
  })()
  return { value, timeZone }
}
