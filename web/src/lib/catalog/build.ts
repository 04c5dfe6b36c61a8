// Computing one catalog answer: the version asked for (or in force), projected, adapted, checked by its schema.
import {
  catalogSchema,
  klaroConfigSchema,
  projectCatalog,
  toKlaro,
  toVanillaCookieConsent,
  vanillaConfigSchema,
} from '@cookie-policy/schemas/contracts'
import { consentRevisionAt } from '@cookie-policy/schemas/model'
import type { RunQuery } from '@cookie-policy/schemas/queries'
import { readDefaultPolicy, readPolicyState, readVersions } from '@cookie-policy/schemas/state'
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
  const { runQuery } = context
  const slug = request.policy ?? (await readDefaultPolicy(runQuery))?.slug
  if (!slug) throw new CatalogRequestError(404, 'policy_not_found', 'There is no policy yet.')
  const state = await readPolicyState(runQuery, slug, context.now)
  if (!state)
    throw new CatalogRequestError(404, 'policy_not_found', `There is no policy "${slug}".`)
  const number = request.version ?? state.inForce?.version
  if (number === undefined)
    throw new CatalogRequestError(
      404,
      'no_version_in_force',
      `Policy "${slug}" has no version in force yet.`,
    )
  const [version] = await readVersions(runQuery, slug, [number])
  if (!version)
    throw new CatalogRequestError(
      404,
      'version_not_found',
      `Policy "${slug}" has no version ${request.version}.`,
    )
  const revision =
    request.version === null
      ? state.consentRevision
      : consentRevisionAt(state.versions, version.version)
  const lang = request.lang ?? state.binding
  const path = `/${lang}/${slug}`
  const catalog = projectCatalog({
    slug,
    policyTitle: state.policy.title,
    version,
    consentRevision: revision,
    lang,
    binding: state.binding,
    url: context.siteUrl ? `${context.siteUrl}${path}` : path,
  })
  const value = (() => {
    switch (request.format) {
      case 'catalog':
        return catalogSchema.parse(catalog)
      case 'vanilla-cookieconsent':
        return vanillaConfigSchema.parse(
          toVanillaCookieConsent(catalog, { cookieName: context.cookieName }),
        )
      case 'klaro':
        return klaroConfigSchema.parse(toKlaro(catalog, { cookieName: context.cookieName }))
    }
  })()
  return { value, timeZone: state.timeZone }
}
