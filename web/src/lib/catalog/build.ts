// Computing one catalog answer: the version asked for (or in force), projected, adapted, checked by its schema.
import {
  catalogSchema,
  klaroConfigSchema,
  projectCatalog,
  toKlaro,
  toVanillaCookieConsent,
  vanillaConfigSchema,
} from '@cookie-policy/schemas/contracts'
import { consentRevision } from '@cookie-policy/schemas/model'
import {
  policiesQuery,
  policyPageQuery,
  policyVersionsByNumberQuery,
} from '@cookie-policy/schemas/queries'
import type {
  PoliciesQueryResult,
  PolicyPageQueryResult,
  PolicyVersionsByNumberQueryResult,
} from '@cookie-policy/schemas/sanity.types'
import type { QueryParams } from '@cookie-policy/schemas/dataset'
import { CatalogRequestError, type CatalogRequest } from './params'

export type RunQuery = <R>(query: string, params?: QueryParams) => Promise<R>

export interface BuildContext {
  runQuery: RunQuery
  today: string
  siteUrl: string | null
  cookieName: string
}

async function defaultPolicy(runQuery: RunQuery): Promise<string> {
  const policies = await runQuery<PoliciesQueryResult>(policiesQuery)
  const first = policies.find((policy) => policy.slug === 'cookies') ?? policies[0]
  if (!first) throw new CatalogRequestError(404, 'policy_not_found', 'There is no policy yet.')
  return first.slug
}

/** The JSON value of an answer, parsed by its zod schema before it leaves. */
export async function buildCatalogValue(
  request: CatalogRequest,
  context: BuildContext,
): Promise<unknown> {
  const { runQuery, today } = context
  const slug = request.policy ?? (await defaultPolicy(runQuery))
  const page = await runQuery<PolicyPageQueryResult>(policyPageQuery, { slug, today })
  if (!page) throw new CatalogRequestError(404, 'policy_not_found', `There is no policy "${slug}".`)
  let version = page.current
  let revision = page.consentRevision ?? 0
  if (request.version !== null) {
    const [asked] = await runQuery<PolicyVersionsByNumberQueryResult>(policyVersionsByNumberQuery, {
      slug,
      versions: [request.version],
    })
    if (!asked)
      throw new CatalogRequestError(
        404,
        'version_not_found',
        `Policy "${slug}" has no version ${request.version}.`,
      )
    version = asked
    // The revision a visitor would have had while that version was in force.
    revision = consentRevision(
      page.versions.filter((entry) => entry.version <= asked.version),
      '9999-12-31',
    )
  }
  if (!version)
    throw new CatalogRequestError(
      404,
      'no_version_in_force',
      `Policy "${slug}" has no version in force yet.`,
    )
  const path = `/${request.lang}/${slug}`
  const catalog = projectCatalog({
    slug,
    policyTitle: page.title,
    version,
    consentRevision: revision,
    lang: request.lang,
    url: context.siteUrl ? `${context.siteUrl}${path}` : path,
  })
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
}
