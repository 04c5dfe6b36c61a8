// What a scan found, against what the policy declares: undeclared cookies and storage keys (with what the
// Open Cookie Database suggests they are), what is set or requested before consent or after a refusal, what
// a Global Privacy Control browser or a withdrawal gets, what a category accepted alone brings from others,
// cookies kept longer than declared, requests the scanner blocked, and declared cookies never seen.
import type { Catalog } from '@cookie-policy/schemas/contracts'
import { cookieKind, cookieMatches } from '@cookie-policy/schemas/model'
import { suggestFor, type Suggestion } from './cookieDatabase'

/** Before any choice, after "reject all", after "accept all", one category alone, after a withdrawal, with GPC. */
export type Phase = 'before' | 'reject' | 'accept' | 'withdraw' | 'gpc' | `only:${string}`

/** Phases in which the visitor has not consented to anything optional. */
const WITHOUT_CONSENT: ReadonlySet<Phase> = new Set(['before', 'reject', 'withdraw', 'gpc'])

export interface SeenStorage {
  kind: 'localStorage' | 'sessionStorage' | 'indexedDB'
  key: string
  origin: string
  phase: Phase
  /** The scanned address it was first seen on. */
  url: string
}

interface SeenRequest {
  host: string
  /** The first request to that host from that page. */
  url: string
  phase: Phase
  page: string
}

interface Blocked {
  url: string
  phase: Phase
  page: string
  reason: string
}

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
  /** For a cookie or storage key: which kind ("cookie" when absent). */
  kind?: SeenStorage['kind']
  /** What the Open Cookie Database says an undeclared cookie probably is. */
  suggestion?: Suggestion
}

export interface ScanReport {
  scannedAt: string
  urls: string[]
  policy: { slug: string; version: number; lang: string }
  phases: Phase[]
  /** Whether Chromium kept its sandbox. */
  sandbox: boolean
  cookies: SeenCookie[]
  storage: SeenStorage[]
  requests: SeenRequest[]
  undeclared: Finding[]
  setBeforeConsent: Finding[]
  /** Storage keys set before consent or after a refusal, and third-party requests then. */
  storageBeforeConsent: Finding[]
  requestsBeforeConsent: Finding[]
  /** Optional cookies or storage with Global Privacy Control, after a withdrawal, outside a lone category. */
  gpcIgnored: Finding[]
  keptAfterWithdrawal: Finding[]
  outsideChosenCategory: Finding[]
  longerThanDeclared: Finding[]
  blocked: Blocked[]
  notSeen: Finding[]
  /** One line per promise the site makes, for the editors: reject, GPC, withdrawal, nothing undeclared. */
  /** Null: not checked (the phase did not run, or a page of it could not be scanned). */
  verdict: {
    rejectHonoured: boolean | null
    gpcHonoured: boolean | null
    withdrawalHonoured: boolean | null
    nothingUndeclared: boolean | null
  }
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

/** What a scan saw, as the browser gives it to the analysis. */
export interface ScanInput {
  cookies: SeenCookie[]
  storage: SeenStorage[]
  requests: SeenRequest[]
  blocked: Blocked[]
  errors: ScanReport['errors']
  /** How Chromium ran: with its sandbox, or without it (as root, where it cannot start with one). */
  sandbox: boolean
  /** The phases that ran, in order. */
  phases: Phase[]
}

/** Words for a phase in which nothing optional was consented to. */
function withoutConsentReason(phase: Phase, what: string): string {
  switch (phase) {
    case 'before':
      return `set before the visitor chose, but ${what}: load it only after consent`
    case 'reject':
      return `set after the visitor refused, but ${what}: do not load it when consent is refused`
    case 'withdraw':
      return `still there after the visitor withdrew consent, but ${what}: delete it on withdrawal`
    default:
      return `set although the browser sent Global Privacy Control, but ${what}: treat the signal as a refusal`
  }
}

export function analyze(catalog: Catalog, input: ScanInput, urls: string[]): ScanReport {
  const { cookies, storage, requests, blocked, errors, sandbox, phases } = input
  const all = entries(catalog)
  const keys = catalog.categories.map((category) => category.key)
  const undeclared: Finding[] = []
  const setBeforeConsent: Finding[] = []
  const storageBeforeConsent: Finding[] = []
  const requestsBeforeConsent: Finding[] = []
  const gpcIgnored: Finding[] = []
  const keptAfterWithdrawal: Finding[] = []
  const outsideChosenCategory: Finding[] = []
  const longerThanDeclared: Finding[] = []
  const matched = new Set<Entry>()
  const once = new Set<string>()
  const first = (key: string) => {
    if (once.has(key)) return false
    once.add(key)
    return true
  }
  const needs = (entry: Entry | null) =>
    entry
      ? `its category "${entry.category.title}" needs consent`
      : 'it is not declared as strictly necessary'

  /** Where an optional (or undeclared) cookie or key, seen in `phase`, breaks a promise. */
  const optional = (base: Finding, entry: Entry | null, phase: Phase, storageKind?: string) => {
    const declared = entry ? { category: entry.category.key, declared: entry.printed } : {}
    const id = `${storageKind ?? 'cookie'}|${base.name}|${base.domain}|${phase}`
    if (phase.startsWith('only:')) {
      const chosen = phase.slice(5)
      if (entry && entry.category.key !== chosen && first(`only|${id}`))
        outsideChosenCategory.push({
          ...base,
          ...declared,
          reason: `set when only "${chosen}" was accepted, but it belongs to "${entry.category.title}": load each category's cookies with that category only`,
        })
      return
    }
    if (!WITHOUT_CONSENT.has(phase) || !first(`without|${id}`)) return
    const finding = { ...base, ...declared, reason: withoutConsentReason(phase, needs(entry)) }
    if (phase === 'gpc') gpcIgnored.push(finding)
    else if (phase === 'withdraw') keptAfterWithdrawal.push(finding)
    else if (storageKind) storageBeforeConsent.push(finding)
    else setBeforeConsent.push(finding)
  }

  for (const cookie of cookies) {
    const entry = match(all, cookie)
    const base: Finding = {
      name: cookie.name,
      domain: cookie.domain,
      phase: cookie.phase,
      url: cookie.url,
      reason: '',
    }
    if (entry) matched.add(entry)
    if (!entry && first(`undeclared|${cookie.name}|${cookie.domain}|${cookie.path}`)) {
      const suggestion = suggestFor(cookie, keys)
      undeclared.push({
        ...base,
        reason:
          'set by the site but declared nowhere in the policy: add it to the catalog, or stop setting it',
        ...(suggestion ? { suggestion } : {}),
      })
    }
    if (!entry?.category.required) optional(base, entry, cookie.phase)
    const retention = entry?.cookie.retention
    if (entry && retention && first(`longer|${cookie.name}|${cookie.domain}|${cookie.path}`)) {
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

  for (const item of storage) {
    const host = new URL(item.origin).hostname
    const entry = match(all, { name: item.key, domain: host })
    const base: Finding = {
      name: item.key,
      domain: host,
      phase: item.phase,
      url: item.url,
      kind: item.kind,
      reason: '',
    }
    if (entry) matched.add(entry)
    if (!entry && first(`undeclared|${item.kind}|${item.key}|${item.origin}`)) {
      const suggestion = suggestFor({ name: item.key, domain: host }, keys)
      undeclared.push({
        ...base,
        reason: `kept in ${item.kind} but declared nowhere in the policy: declare it like a cookie (the CNIL's rules apply to every tracker), or stop keeping it`,
        ...(suggestion ? { suggestion } : {}),
      })
    }
    if (!entry?.category.required) optional(base, entry, item.phase, item.kind)
  }

  // A third party reached before consent: fine only for a host the policy declares as strictly necessary.
  for (const request of requests) {
    if (!WITHOUT_CONSENT.has(request.phase)) continue
    const entry = match(all, { name: '', domain: request.host })
    if (entry?.category.required || !first(`request|${request.host}|${request.phase}`)) continue
    requestsBeforeConsent.push({
      name: request.host,
      domain: request.host,
      phase: request.phase,
      url: request.page,
      ...(entry ? { category: entry.category.key, declared: entry.printed } : {}),
      reason: withoutConsentReason(request.phase, needs(entry)).replace(/^set /, 'requested '),
    })
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

  const inPhase = (list: Finding[], phase: Phase) => list.some((finding) => finding.phase === phase)
  const withoutConsent = [...setBeforeConsent, ...storageBeforeConsent, ...requestsBeforeConsent]
  const checked = (phase: Phase, holds: boolean) =>
    phases.includes(phase) && !errors.some((error) => error.phase === phase) ? holds : null
  return {
    scannedAt: new Date().toISOString(),
    urls,
    policy: { slug: catalog.policy.slug, version: catalog.policy.version, lang: catalog.lang },
    phases,
    sandbox,
    cookies,
    storage,
    requests,
    undeclared,
    setBeforeConsent,
    storageBeforeConsent,
    requestsBeforeConsent,
    gpcIgnored,
    keptAfterWithdrawal,
    outsideChosenCategory,
    longerThanDeclared,
    blocked,
    notSeen,
    verdict: {
      rejectHonoured: checked('reject', !inPhase(withoutConsent, 'reject')),
      gpcHonoured: checked('gpc', !gpcIgnored.length && !inPhase(requestsBeforeConsent, 'gpc')),
      withdrawalHonoured: checked(
        'withdraw',
        !keptAfterWithdrawal.length && !inPhase(requestsBeforeConsent, 'withdraw'),
      ),
      nothingUndeclared: errors.length ? null : undeclared.length === 0,
    },
    errors,
  }
}

/** The findings that fail a scan (exit 1): everything but "kept longer" advice and "never seen". */
export const FAILING: readonly (keyof ScanReport)[] = [
  'undeclared',
  'setBeforeConsent',
  'storageBeforeConsent',
  'requestsBeforeConsent',
  'gpcIgnored',
  'keptAfterWithdrawal',
  'outsideChosenCategory',
  'blocked',
]

/** 0: nothing to fix; 1: findings to fix; 2: the scan could not run completely. */
export function exitCode(report: ScanReport): 0 | 1 | 2 {
  if (report.errors.length) return 2
  return FAILING.some((list) => (report[list] as unknown[]).length) ? 1 : 0
}
