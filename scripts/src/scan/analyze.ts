// What a scan found, against what the policy declares: undeclared cookies, cookies set before consent,
// cookies kept longer than declared, and declared cookies never seen.
import type { Catalog } from '@cookie-policy/schemas/contracts'
import { cookieKind, cookieMatches } from '@cookie-policy/schemas/model'

export type Phase = 'before' | 'reject' | 'accept'

export interface SeenCookie {
  name: string
  domain: string
  path: string
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number
  httpOnly: boolean
  secure: boolean
  sameSite: string
  phase: Phase
  /** The first address that set it (a Set-Cookie answer, or the page whose script wrote it). */
  url: string
  /** When it was seen, in seconds since the epoch, to tell how long it will live. */
  seenAt: number
}

export interface Finding {
  name: string
  domain: string
  phase: Phase | null
  url: string | null
  reason: string
  category?: string
  declared?: string
}

export interface ScanReport {
  scannedAt: string
  urls: string[]
  policy: { slug: string; version: number; lang: string }
  cookies: SeenCookie[]
  undeclared: Finding[]
  setBeforeConsent: Finding[]
  longerThanDeclared: Finding[]
  notSeen: Finding[]
  errors: { url: string; phase: Phase; reason: string }[]
}

interface Entry {
  pattern: string
  printed: string
  category: Catalog['categories'][number]
  cookie: Catalog['categories'][number]['cookies'][number]
}

const DAY = 86_400
const SLACK_SECONDS = DAY // browsers and servers round; a day of slack avoids false alarms

function entries(catalog: Catalog): Entry[] {
  return catalog.categories.flatMap((category) =>
    category.cookies.flatMap((cookie) =>
      [...new Set(cookie.names)].map((pattern) => ({
        pattern,
        printed: cookie.name,
        category,
        cookie,
      })),
    ),
  )
}

/** Names first, then patterns, then domains: the most specific declaration wins. */
function match(all: Entry[], cookie: Pick<SeenCookie, 'name' | 'domain'>): Entry | null {
  const order = ['name', 'pattern', 'domain'] as const
  for (const kind of order) {
    const found = all.find(
      (entry) => cookieKind(entry.pattern) === kind && cookieMatches(entry.pattern, cookie),
    )
    if (found) return found
  }
  return null
}

const MONTH_DAYS = 365.25 / 12
function durationSeconds(iso: string): number | null {
  const match = /^P(T?)(\d+)([YMWDHS])$/.exec(iso)
  if (!match) return null
  const amount = Number(match[2])
  if (match[1] === 'T')
    return match[3] === 'H' ? amount * 3600 : match[3] === 'M' ? amount * 60 : amount
  const days = { Y: 365.25, M: MONTH_DAYS, W: 7, D: 1 }[match[3] as 'Y' | 'M' | 'W' | 'D']
  return days === undefined ? null : amount * days * DAY
}

function lifetime(cookie: SeenCookie): string {
  if (cookie.expires < 0) return 'a session cookie'
  const days = Math.round((cookie.expires - cookie.seenAt) / DAY)
  return days >= 60 ? `${Math.round(days / MONTH_DAYS)} months (${days} days)` : `${days} days`
}

export function analyze(
  catalog: Catalog,
  cookies: SeenCookie[],
  urls: string[],
  errors: ScanReport['errors'],
): ScanReport {
  const all = entries(catalog)
  const undeclared: Finding[] = []
  const setBeforeConsent: Finding[] = []
  const longerThanDeclared: Finding[] = []
  const matched = new Set<Entry>()
  const once = new Set<string>()
  const first = (list: string, cookie: SeenCookie, byPhase = false) => {
    const key = `${list}|${cookie.name}|${cookie.domain}|${cookie.path}${byPhase ? `|${cookie.phase}` : ''}`
    if (once.has(key)) return false
    once.add(key)
    return true
  }

  for (const cookie of cookies) {
    const entry = match(all, cookie)
    const base = { name: cookie.name, domain: cookie.domain, phase: cookie.phase, url: cookie.url }
    if (entry) matched.add(entry)
    if (!entry) {
      if (first('undeclared', cookie))
        undeclared.push({
          ...base,
          reason:
            'set by the site but declared nowhere in the policy: add it to the catalog, or stop setting it',
        })
    }
    if (
      (cookie.phase === 'before' || cookie.phase === 'reject') &&
      !entry?.category.required &&
      first('before', cookie, true)
    ) {
      setBeforeConsent.push({
        ...base,
        ...(entry ? { category: entry.category.key, declared: entry.printed } : {}),
        reason:
          cookie.phase === 'before'
            ? `set before the visitor chose, but ${entry ? `its category "${entry.category.title}" needs consent` : 'it is not declared as strictly necessary'}: load it only after consent`
            : `set after the visitor refused, but ${entry ? `its category "${entry.category.title}" needs consent` : 'it is not declared as strictly necessary'}: do not load it when consent is refused`,
      })
    }
    const retention = entry?.cookie.retention
    if (entry && retention && first('longer', cookie)) {
      if (retention.session && cookie.expires >= 0) {
        longerThanDeclared.push({
          ...base,
          category: entry.category.key,
          declared: 'Session',
          reason: `declared as a session cookie but kept ${lifetime(cookie)}`,
        })
      } else if (retention.duration) {
        const declared = durationSeconds(retention.duration)
        if (
          declared !== null &&
          cookie.expires >= 0 &&
          cookie.expires - cookie.seenAt > declared + SLACK_SECONDS
        ) {
          longerThanDeclared.push({
            ...base,
            category: entry.category.key,
            declared: retention.label,
            reason: `declared ${retention.label} but kept ${lifetime(cookie)}`,
          })
        }
      }
    }
  }

  const notSeen: Finding[] = all
    .filter((entry) => !matched.has(entry))
    .map((entry) => ({
      name: entry.pattern,
      domain: cookieKind(entry.pattern) === 'domain' ? entry.pattern.slice(1) : '',
      phase: null,
      url: null,
      category: entry.category.key,
      declared: entry.printed,
      reason:
        'declared but never set during the scan (advice: check whether it is still used, or scan the pages that set it)',
    }))

  return {
    scannedAt: new Date().toISOString(),
    urls,
    policy: { slug: catalog.policy.slug, version: catalog.policy.version, lang: catalog.lang },
    cookies,
    undeclared,
    setBeforeConsent,
    longerThanDeclared,
    notSeen,
    errors,
  }
}

/** 0: nothing undeclared nor set before consent; 1: findings to fix; 2: the scan could not run completely. */
export function exitCode(report: ScanReport): 0 | 1 | 2 {
  if (report.errors.length) return 2
  return report.undeclared.length || report.setBeforeConsent.length ? 1 : 0
}
