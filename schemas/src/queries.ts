// Every GROQ query the site, the catalog endpoint, the Studio and the scripts run; the same strings in both
// content sources. Public reads see published documents only: the content source adds the published perspective.
import type { SanityQueries } from '@sanity/client'
import { defineQuery } from 'groq'

const policyFields = /* groq */ `
  _id,
  "slug": slug.current,
  title,
  publisher,
  siteUrl,
  bindingLanguage,
  timeZone,
  isDefault
`

const versionSummaryFields = /* groq */ `
  _id,
  version,
  effectiveFrom,
  changeSummary,
  requiresNewConsent,
  consentChanges[] { category, change, whatChanged },
  contentHash
`

const versionFields = /* groq */ `
  ${versionSummaryFields},
  title,
  intro,
  sections[] { _key, _type, number, heading, body, categoryKey },
  snapshot { _type, categories[] {
    _key, _type, key, title, description, required, consentModes,
    cookies[] { _key, _type, cookieId, name, names, kind, provider, type, purpose, retention, moreInfoUrl }
  } }
`

/** Every policy with an address: the default policy, the home page redirect, the health check. */
export const policiesQuery = defineQuery(`
  *[_type == "policy" && defined(slug.current)] | order(slug.current asc) { ${policyFields} }
`)

/** One policy and the summary of every version, newest first: which is in force is decided in its time zone. */
export const policyHistoryQuery = defineQuery(`
  *[_type == "policy" && slug.current == $slug][0] {
    ${policyFields},
    "versions": *[_type == "policyVersion" && policy._ref == ^._id] | order(version desc) { ${versionSummaryFields} }
  }
`)

/** Versions of a policy in full, by number: a version page, the differences, the catalog. */
export const policyVersionsByNumberQuery = defineQuery(`
  *[_type == "policyVersion" && policy->slug.current == $slug && version in $versions] | order(version asc) { ${versionFields} }
`)

/** What versions say, as stored, with the hash they were published with: to check that nothing rewrote them. */
export const policyVersionContentQuery = defineQuery(`
  *[_type == "policyVersion" && policy->slug.current == $slug && version in $versions] { version, contentHash, title, intro, sections, snapshot, consentChanges }
`)

/** The policy's text as editors keep it now, for the next version. */
export const editedPolicyQuery = defineQuery(`
  *[_type == "policy" && slug.current == $slug][0] { _id, title, intro, sections, bindingLanguage }
`)

/** The catalog as editors keep it now (not yet published): categories in order, each with its cookies. */
export const currentCatalogQuery = defineQuery(`
  *[_type == "cookieCategory" && policy._ref == $policyId] | order(order asc) {
    _id, key, title, description, required, order, consentModes,
    "cookies": *[_type == "cookie" && category._ref == ^._id] | order(order asc) {
      _id, name, names, type, purpose, retention, moreInfoUrl, order,
      "provider": provider-> { name, privacyPolicyUrl, country }
    }
  }
`)

/** Studio rules of a cookie: its category, its policy's binding language, and the policy's other cookie names. */
export const cookieRulesQuery = defineQuery(`{
  "category": *[_id == $categoryId][0] { required, "bindingLanguage": policy->bindingLanguage },
  "others": *[_type == "cookie" && !(_id in $ids) && category->policy._ref == *[_id == $categoryId][0].policy._ref] { name, names }
}`)

/** Studio rules of a category: its policy's binding language. */
export const categoryRulesQuery = defineQuery(`
  *[_id == $policyId][0] { bindingLanguage }
`)

/** Studio rules of a policy marked as the default: the other policies marked so. */
export const otherDefaultPoliciesQuery = defineQuery(`
  *[_type == "policy" && isDefault == true && !(_id in $ids)] { "slug": slug.current }
`)

/** Studio rules of a version: its policy's binding language and the version before it. */
export const versionRulesQuery = defineQuery(`{
  "bindingLanguage": *[_id == $policyId][0].bindingLanguage,
  "previous": *[_type == "policyVersion" && policy._ref == $policyId && version < $version && !(_id in $ids)]
    | order(version desc)[0] { version, effectiveFrom }
}`)

/** The Studio's lists: a policy's versions, and a category's cookies (filters, as the structure builder takes them). */
export const policyVersionsFilter = /* groq */ `_type == "policyVersion" && policy._ref == $policyId`
export const categoryCookiesFilter = /* groq */ `_type == "cookie" && category._ref == $categoryId`
/** Cookies the scanner found undeclared and drafted, until an editor publishes or discards them. */
export const scanFindingsFilter = /* groq */ `_type == "cookie" && defined(scan)`

/** The newest scan of the sites checked against one version of a policy: that version's evidence. */
export const versionEvidenceQuery = defineQuery(`
  *[_type == "scanReport" && policy._ref == $policyId && version == $version] | order(scannedAt desc)[0] {
    _id, scannedAt, urls, phases, rejectHonoured, gpcHonoured, withdrawalHonoured, nothingUndeclared,
    findings[] { _key, kind, name, domain, phase, reason }
  }
`)

type QueryParams = Record<string, unknown>
/** The result type typegen generated for a query of this module. */
export type QueryResult<Q extends string> = Q extends keyof SanityQueries ? SanityQueries[Q] : never
/** Runs a query of this module; its result is typed by the query itself, as next-sanity's defineQuery does. */
export type RunQuery = <Q extends string>(query: Q, params?: QueryParams) => Promise<QueryResult<Q>>
