// The legal checks an editor sees in the Studio, as plain functions: errors block publishing, warnings advise.
import { cookieKind, splitCookieNames } from './cookieNames'
import type { Localized } from './localized'
import { retentionExceedsMonths, normalizeRetention, type StoredRetention } from './retention'
import { fold } from './text'

export interface RuleResult {
  level: 'error' | 'warning'
  message: string
}

/** The consent cookie the banner writes by default: the seed's own declared cookie. */
export const DEFAULT_CONSENT_COOKIE = 'cookie_validation'

/** What a cookie name may contain (RFC 6265's token), plus * for patterns. */
export const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const DOMAIN = /^\.(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** Every name of a row must be a cookie name, a pattern with *, or a domain starting with a dot. */
export function checkCookieName(printed: string | undefined | null): RuleResult[] {
  if (!printed?.trim()) return [] // the field's required() rule says so
  return splitCookieNames(printed).flatMap((name): RuleResult[] => {
    const kind = cookieKind(name)
    if (kind === 'domain') {
      return DOMAIN.test(name)
        ? []
        : [{ level: 'error', message: `"${name}" is not a domain: write it like .stripe.com.` }]
    }
    if (!COOKIE_NAME.test(name)) {
      return [
        {
          level: 'error',
          message: `"${name}" cannot be a cookie name: no spaces, commas, semicolons or quotes. Separate several names with " / ".`,
        },
      ]
    }
    if (kind === 'pattern' && name.replace(/\*/g, '') === '') {
      return [
        {
          level: 'error',
          message: `"${name}" would match every cookie: keep the fixed part of the name, as in _ga_*.`,
        },
      ]
    }
    return []
  })
}

export interface CookieRuleInput {
  names: string[]
  retention: StoredRetention | null | undefined
  moreInfoUrl: string | null | undefined
  type: Localized | null | undefined
  categoryRequired: boolean | null
  consentCookieName?: string
}

const TRACKER_TYPES =
  /analy|statisti|audience|publicit|advertis|marketing|social|ciblage|targeting|tracking|pistage/

/** Visitors must be told how long a cookie lives, or where to find out. */
export function checkRetentionOrLink(
  retention: StoredRetention | null | undefined,
  moreInfoUrl: string | null | undefined,
): RuleResult[] {
  return normalizeRetention(retention).kind === 'unknown' && !moreInfoUrl
    ? [
        {
          level: 'error',
          message:
            'Give a retention period, or a more-information link where the provider says how long the cookie lives.',
        },
      ]
    : []
}

/** The CNIL's limits: 13 months for a cookie that needs consent, about 6 months for the choice itself. */
export function checkCookieRetention(input: CookieRuleInput): RuleResult[] {
  const results: RuleResult[] = []
  if (input.categoryRequired === false && retentionExceedsMonths(input.retention, 13)) {
    results.push({
      level: 'error',
      message:
        'CNIL: a cookie that needs consent lives at most 13 months, then consent is asked again. Shorten the retention, or move the cookie to a strictly necessary category if it truly is one.',
    })
  }
  const consentCookie = input.consentCookieName ?? DEFAULT_CONSENT_COOKIE
  if (input.names.includes(consentCookie) && retentionExceedsMonths(input.retention, 6)) {
    results.push({
      level: 'warning',
      message: `CNIL: the visitor’s choice (${consentCookie}) should be kept about 6 months, then asked again. The banner keeps it 182 days; consider declaring 6 months.`,
    })
  }
  return results
}

export function checkTrackerLabelledEssential(
  input: Pick<CookieRuleInput, 'type' | 'categoryRequired'>,
): RuleResult[] {
  const type = Object.entries(input.type ?? {})
    .filter(([key, value]) => key !== '_type' && typeof value === 'string')
    .map(([, value]) => value)
    .join(' ')
  if (input.categoryRequired && TRACKER_TYPES.test(fold(type))) {
    return [
      {
        level: 'warning',
        message: `EDPB: do not label trackers "essential". A cookie of type "${type.trim()}" in a strictly necessary category cannot be refused by visitors; move it to a category that asks for consent unless it is exempt.`,
      },
    ]
  }
  return []
}

export function checkEffectiveDate(
  effectiveFrom: string | null | undefined,
  previous: { version: number; effectiveFrom: string } | null,
): RuleResult[] {
  if (!effectiveFrom || !previous) return []
  if (effectiveFrom < previous.effectiveFrom) {
    return [
      {
        level: 'error',
        message: `This date is before version ${previous.version}'s (${previous.effectiveFrom}): a version cannot take effect before the one it replaces.`,
      },
    ]
  }
  return []
}
