// Every GROQ query the site, the catalog endpoint and the scripts run; the same strings in both content sources.
// Public queries select published documents only: the content source adds the published perspective.
import { defineQuery } from 'groq'

const policyFields = /* groq */ `
  _id,
  "slug": slug.current,
  title,
  publisher,
  siteUrl
`

const versionSummaryFields = /* groq */ `
  _id,
  version,
  effectiveFrom,
  changeSummary,
  requiresNewConsent
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

/** Every policy with an address, for the home page redirect, static params and the sitemap. */
export const policiesQuery = defineQuery(`
  *[_type == "policy" && defined(slug.current)] | order(slug.current asc) { ${policyFields} }
`)

/** One policy, its version history (newest first) and the version in force on $today (Europe/Paris). */
export const policyPageQuery = defineQuery(`
  *[_type == "policy" && slug.current == $slug][0] {
    ${policyFields},
    "versions": *[_type == "policyVersion" && policy._ref == ^._id] | order(version desc) { ${versionSummaryFields} },
    "current": *[_type == "policyVersion" && policy._ref == ^._id && effectiveFrom <= $today]
      | order(effectiveFrom desc, version desc)[0] { ${versionFields} },
    "consentRevision": *[_type == "policyVersion" && policy._ref == ^._id && effectiveFrom <= $today && requiresNewConsent == true]
      | order(effectiveFrom desc, version desc)[0].version
  }
`)

/** Versions $from and $to of a policy, in full, for a version page and the differences between two versions. */
export const policyVersionsByNumberQuery = defineQuery(`
  *[_type == "policyVersion" && policy->slug.current == $slug && version in $versions] | order(version asc) { ${versionFields} }
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
