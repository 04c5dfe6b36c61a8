// Which version is in force on a given day, and how each version of a history stands against it.
export type VersionState = 'inForce' | 'past' | 'upcoming'

interface Dated {
  version: number
  effectiveFrom: string
}

/** The latest version whose effective date is not after `today` (YYYY-MM-DD, in the policy's time zone); null before the first. */
export function versionInForce<T extends Dated>(versions: readonly T[], today: string): T | null {
  let best: T | null = null
  for (const version of versions) {
    if (version.effectiveFrom > today) continue
    if (
      !best ||
      version.effectiveFrom > best.effectiveFrom ||
      (version.effectiveFrom === best.effectiveFrom && version.version > best.version)
    ) {
      best = version
    }
  }
  return best
}

export function versionState(version: Dated, inForce: Dated | null, today: string): VersionState {
  if (version.effectiveFrom > today) return 'upcoming'
  return inForce && inForce.version === version.version ? 'inForce' : 'past'
}

/** The consent revision: the latest version in force on `today` that requires new consent (0 before any). */
export function consentRevision(
  versions: readonly (Dated & { requiresNewConsent?: boolean | null })[],
  today: string,
): number {
  const asking = versions.filter((version) => version.requiresNewConsent)
  return versionInForce(asking, today)?.version ?? 0
}

/** The consent revision a visitor had while version `number` was the latest: for a catalog of an older version. */
export function consentRevisionAt(
  versions: readonly (Dated & { requiresNewConsent?: boolean | null })[],
  number: number,
): number {
  const asking = versions.filter(
    (version) => version.requiresNewConsent && version.version <= number,
  )
  return Math.max(0, ...asking.map((version) => version.version))
}

interface WithConsentChanges extends Dated {
  requiresNewConsent?: boolean | null
  consentChanges?:
    | readonly {
        category?: string | null
        change?: string | null
        whatChanged?: { readonly [lang: string]: unknown } | null
      }[]
    | null
}

/** Where consent to one category last changed materially: that version, and what it said changed. */
export interface CategoryRevision {
  revision: number
  whatChanged: { readonly [lang: string]: unknown } | null
}

/**
 * Per category, the latest version up to `number` that changed its consent materially: a visitor's choice
 * made at that version or later still holds for it. A version published before consent changes were
 * recorded counts, when it asked for new consent, as a material change of every category.
 */
export function categoryRevision(
  versions: readonly WithConsentChanges[],
  number: number,
  category: string,
): CategoryRevision {
  let found: CategoryRevision = { revision: 0, whatChanged: null }
  for (const version of versions) {
    if (version.version > number || version.version <= found.revision) continue
    const entry = version.consentChanges?.find((change) => change.category === category)
    const material = version.consentChanges
      ? entry?.change === 'material'
      : Boolean(version.requiresNewConsent)
    if (material) found = { revision: version.version, whatChanged: entry?.whatChanged ?? null }
  }
  return found
}
