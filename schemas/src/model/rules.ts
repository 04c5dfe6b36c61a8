// The legal checks an editor sees in the Studio, as plain functions: errors block publishing, warnings advise.
import { cookieKind, splitCookieNames } from './cookieNames'
import type { Localized } from './localized'
import { retentionExceedsMonths, normalizeRetention, type StoredRetention } from './retention'
import { fold } from './text'
import { studioText, type StudioKey, type StudioValues } from '../studioWords'

/** A finding of a check: its words are the Studio's (studioWords.ts), in the editor's language. */
export interface RuleResult {
  level: 'error' | 'warning'
  key: StudioKey
  values?: StudioValues
}

/** A finding's message in English, for scripts and logs. */
export const ruleMessage = (result: RuleResult): string =>
  studioText('en', result.key, result.values)

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
      return DOMAIN.test(name) ? [] : [{ level: 'error', key: 'rule.notDomain', values: { name } }]
    }
    if (!COOKIE_NAME.test(name)) {
      return [{ level: 'error', key: 'rule.notCookieName', values: { name } }]
    }
    if (kind === 'pattern' && name.replace(/\*/g, '') === '') {
      return [{ level: 'error', key: 'rule.matchesEverything', values: { name } }]
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
    ? [{ level: 'error', key: 'rule.retentionOrLink' }]
    : []
}

/** The CNIL's limits: 13 months for a cookie that needs consent, about 6 months for the choice itself. */
export function checkCookieRetention(input: CookieRuleInput): RuleResult[] {
  const results: RuleResult[] = []
  if (input.categoryRequired === false && retentionExceedsMonths(input.retention, 13)) {
    results.push({ level: 'error', key: 'rule.thirteenMonths' })
  }
  const consentCookie = input.consentCookieName ?? DEFAULT_CONSENT_COOKIE
  if (input.names.includes(consentCookie) && retentionExceedsMonths(input.retention, 6)) {
    results.push({
      level: 'warning',
      key: 'rule.consentCookieSixMonths',
      values: { name: consentCookie },
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
    return [{ level: 'warning', key: 'rule.trackerEssential', values: { type: type.trim() } }]
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
        key: 'rule.effectiveDateBefore',
        values: { version: previous.version, date: previous.effectiveFrom },
      },
    ]
  }
  return []
}
