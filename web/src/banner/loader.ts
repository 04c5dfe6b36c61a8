// The banner loader: one <script> tag on any site. It denies every Google Consent Mode signal at once,
// fetches the catalog from the site that serves this script, and runs vanilla-cookieconsent on it.
//   <script src="https://policy.example.com/cookie-banner.js" data-lang="fr"></script>
// Include it before any tag (not async) so the defaults come first. Optional: data-policy="<slug>".
// Every choice (the first, each change, a withdrawal) is recorded by the site's consent ledger
// (POST /api/consent) with the policy version the visitor was shown. A browser that sends Global Privacy
// Control gets the optional categories refused without being asked, and a one-line notice.
import * as CookieConsent from 'vanilla-cookieconsent'
import type { VanillaConfig } from '@cookie-policy/schemas/contracts'
import { CONSENT_MODE_SIGNALS } from '@cookie-policy/schemas/consentModes'
import {
  planReconsent,
  type PriorAnswer,
  type ReconsentPlan,
} from '@cookie-policy/schemas/reconsent'

type Signals = Record<string, 'granted' | 'denied'>

type ConsentRecordConfig = VanillaConfig['consentRecord']

declare global {
  interface Window {
    dataLayer: unknown[]
  }
  interface Navigator {
    globalPrivacyControl?: boolean
  }
}

const SIGNALS = CONSENT_MODE_SIGNALS

const script = document.currentScript as HTMLScriptElement | null
const base = new URL(script?.src || '/cookie-banner.js', location.href)
// The page's language by default; without one, the catalog answers in the policy's binding language.
const lang = (
  script?.dataset.lang ||
  document.documentElement.lang.split('-')[0] ||
  ''
).toLowerCase()
const policy = script?.dataset.policy

window.dataLayer = window.dataLayer || []
function gtag(..._args: unknown[]): void {
  // gtag.js reads the arguments object itself, as Google's snippet pushes it.
  // eslint-disable-next-line prefer-rest-params
  window.dataLayer.push(arguments)
}
gtag('consent', 'default', {
  ...Object.fromEntries(SIGNALS.map((signal) => [signal, 'denied'])),
  wait_for_update: 500,
})

// The banner runs once its stylesheet has placed it (position: fixed), or has failed to: unstyled, the
// modal sits at the end of the document, and focusing it would scroll the page down to it.
const stylesheet = document.createElement('link')
const styled = new Promise((resolve) => {
  stylesheet.addEventListener('load', resolve)
  stylesheet.addEventListener('error', resolve)
})
stylesheet.rel = 'stylesheet'
stylesheet.href = new URL('cookie-banner.css', base).href
document.head.appendChild(stylesheet)

/** Grants the signals of the accepted categories, except those asked again and not yet answered. */
function consentUpdate(consentModes: Record<string, string[]>, pending: string[] = []): void {
  const granted = new Set(
    Object.entries(consentModes).flatMap(([category, signals]) =>
      CookieConsent.acceptedCategory(category) && !pending.includes(category) ? signals : [],
    ),
  )
  const update: Signals = Object.fromEntries(
    SIGNALS.map((signal) => [signal, granted.has(signal) ? 'granted' : 'denied']),
  )
  gtag('consent', 'update', update)
}

function catalog(withLang: boolean): Promise<Response> {
  const query = new URLSearchParams({
    format: 'vanilla-cookieconsent',
    ...(withLang && lang ? { lang } : {}),
    ...(policy ? { policy } : {}),
  })
  return fetch(new URL(`/api/cookie-catalog?${query}`, base.origin))
}

const gpc = navigator.globalPrivacyControl === true

/** Per category, the version an answer was given at and when (seconds): kept in the consent cookie's data. */
type Answered = Record<string, [number, number]>

function answeredOf(data: unknown): Answered {
  const answered = (data as { answered?: unknown } | null | undefined)?.answered
  return answered && typeof answered === 'object' ? (answered as Answered) : {}
}

/**
 * The visitor's standing answers, read from the consent cookie before the banner runs. A cookie written
 * before answers were kept per category stands for every category that existed at its version.
 */
function priorAnswers(
  cookieName: string,
  config: ConsentRecordConfig,
): Record<string, PriorAnswer> {
  const raw = document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${cookieName}=`))
    ?.slice(cookieName.length + 1)
  if (!raw) return {}
  let value: { categories?: unknown; data?: unknown; lastConsentTimestamp?: unknown } | null
  try {
    value = JSON.parse(decodeURIComponent(raw))
  } catch {
    return {}
  }
  // A cookie the banner did not write: no answer stands.
  if (!value || typeof value !== 'object') return {}
  const accepted = Array.isArray(value.categories) ? (value.categories as string[]) : []
  const answered = answeredOf(value.data)
  const legacy = (value.data as { version?: unknown } | null)?.version
  const at = Date.parse(String(value.lastConsentTimestamp)) || Date.now()
  /** A version the visitor can have answered at: a whole number, from 1 to the current one. */
  const isVersion = (given: unknown): given is number =>
    Number.isInteger(given) && (given as number) >= 1 && (given as number) <= config.version
  const prior: Record<string, PriorAnswer> = {}
  for (const [key, { revision }] of Object.entries(config.categories)) {
    const given = Object.hasOwn(answered, key) ? answered[key] : undefined
    if (Array.isArray(given) && isVersion(given[0]) && Number.isFinite(given[1]))
      prior[key] = { accepted: accepted.includes(key), version: given[0], at: given[1] * 1000 }
    else if (isVersion(legacy) && (revision <= legacy || accepted.includes(key)))
      prior[key] = { accepted: accepted.includes(key), version: legacy, at }
  }
  return prior
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/**
 * The consent modal's words when a returning visitor is asked again about some categories only: what
 * changed since their choice (three lines at most), and a link to the comparison of the two versions.
 */
function reaskWords(
  config: ConsentRecordConfig,
  plan: ReconsentPlan,
  prior: Record<string, PriorAnswer>,
  titles: Record<string, string>,
): Record<string, string> {
  const date = new Date(plan.since ?? Date.now()).toLocaleDateString(config.lang, {
    dateStyle: 'long',
  })
  const lines = plan.ask
    .map((key) => {
      const changed = config.categories[key]?.changed
      return `<li><strong>${titles[key] ?? escapeHtml(key)}</strong>${changed ? ` : ${escapeHtml(changed)}` : ''}</li>`
    })
    .slice(0, 3)
  const from = Math.min(...plan.ask.flatMap((key) => (prior[key] ? [prior[key].version] : [])))
  const link =
    Number.isFinite(from) && from < config.version
      ? `<p><a href="${escapeHtml(new URL(config.compare.replace('{from}', String(from)), base.origin).href)}">${escapeHtml(config.changedLink)}</a></p>`
      : ''
  return {
    title: config.changedTitle.replace('{date}', date),
    description: `<ul>${lines.join('')}</ul><p>${escapeHtml(config.changedIntro)}</p>${link}`,
    acceptAllBtn: config.reaskAccept,
    acceptNecessaryBtn: config.reaskReject,
  }
}

/** How many times a choice is sent before the loader gives up: a minute at the store's Retry-After of 5 s. */
const RECORD_ATTEMPTS = 12

/**
 * Sends a choice to the ledger. `keepalive` lets it outlive the page when the visitor leaves right after
 * choosing; the JSON body makes a cross-origin request preflighted, which Chromium (since 81) and Firefox
 * (since 133) allow with keepalive. A 503 or 429 (nothing was stored), or no answer at all, is tried again
 * while the page is open.
 */
function record(
  config: ConsentRecordConfig,
  revision: number,
  action: string,
  reconsent?: Pick<ReconsentPlan, 'ask' | 'carried'>,
): void {
  const cookie = CookieConsent.getCookie()
  const preferences = CookieConsent.getUserPreferences()
  const choice = {
    consentId: cookie.consentId,
    policy: config.policy,
    version: config.version,
    consentRevision: revision,
    lang: config.lang,
    accepted: preferences.acceptedCategories,
    rejected: preferences.rejectedCategories,
    action,
    gpc,
    ...(reconsent ? { reasked: reconsent.ask, carried: reconsent.carried } : {}),
  }
  // The token of this consent ID's first receipt, kept beside the ID: later choices need it. Read at each
  // attempt: an earlier choice still being retried may bring it meanwhile.
  const tokenNow = () => {
    const kept = CookieConsent.getCookie().data as { token?: unknown } | null | undefined
    return typeof kept?.token === 'string' ? kept.token : undefined
  }
  // Each category's answer: the version it was given at and when; a carried answer keeps its own.
  const now = Math.round(Date.now() / 1000)
  const before = answeredOf(cookie.data)
  const answered = Object.fromEntries(
    Object.keys(config.categories).map((key) => {
      const kept = reconsent?.carried.some((entry) => entry.category === key) && before[key]
      return [key, kept || [config.version, now]]
    }),
  )
  CookieConsent.setCookieData({
    value: { version: config.version, token: tokenNow(), answered },
    mode: 'update',
  })
  const again = (attempt: number, seconds: number): Promise<void> =>
    new Promise<void>((resolve) => setTimeout(resolve, Math.min(seconds, 60) * 1000)).then(() =>
      send(attempt + 1),
    )
  const send = (attempt: number): Promise<void> => {
    const token = tokenNow()
    return fetch(new URL('/api/consent', base.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...choice, ...(token ? { token } : {}) }),
      keepalive: true,
      credentials: 'omit',
    }).then(
      async (response) => {
        // Nothing was stored (the store is down or busy): tried again after the wait the site asks for.
        if ((response.status === 503 || response.status === 429) && attempt < RECORD_ATTEMPTS)
          return again(attempt, Number(response.headers.get('Retry-After')) || 5)
        if (response.status !== 201) return console.error(`consent record: HTTP ${response.status}`)
        const { receipt } = (await response.json()) as { receipt: { token: string } }
        if (receipt.token !== token)
          CookieConsent.setCookieData({ value: { token: receipt.token }, mode: 'update' })
      },
      // The site did not answer at all (a restart, the network): tried again the same way.
      (error: unknown) => {
        if (attempt < RECORD_ATTEMPTS) return again(attempt, 2 ** attempt)
        throw error
      },
    )
  }
  send(1).catch((error: unknown) => console.error('consent record:', error))
}

/** In the preferences: the visitor's consent ID, and the date and version of their choice. */
function showReceipt(config: ConsentRecordConfig, modal: HTMLElement): void {
  let line = modal.querySelector<HTMLElement>('.cc-receipt')
  if (!line) {
    // The last lines of the scrolling body, under the categories, in the modal's own type.
    line = document.createElement('p')
    line.className = 'cc-receipt pm__section-desc'
    line.style.cssText = 'margin:1em 0 0;font-size:.85em'
    ;(modal.querySelector('.pm__body') ?? modal).append(line)
  }
  const cookie = CookieConsent.validConsent() ? CookieConsent.getCookie() : null
  const version = (cookie?.data as { version?: number } | null)?.version
  line.hidden = !cookie
  if (!cookie) return
  const date = new Date(cookie.lastConsentTimestamp).toLocaleString(config.lang, {
    dateStyle: 'long',
    timeStyle: 'short',
  })
  line.textContent = config.receipt
    .replace('{id}', cookie.consentId)
    .replace('{date}', date)
    .replace('{version}', String(version ?? config.version))
}

/** Global Privacy Control honoured: one line that says so, with the way to choose otherwise. */
function showGpcNotice(config: ConsentRecordConfig): void {
  const notice = document.createElement('div')
  notice.className = 'cc-gpc'
  notice.setAttribute('role', 'status')
  notice.lang = config.lang
  notice.style.cssText =
    'position:fixed;z-index:2147483646;bottom:1em;right:1em;max-width:36em;padding:.75em 1em;' +
    'background:#fff;color:#2c2f31;border-radius:.5em;box-shadow:0 .5em 1.5em rgba(0,0,0,.2);' +
    'font:14px/1.5 system-ui,sans-serif'
  const text = document.createElement('span')
  text.textContent = `${config.gpcNotice} `
  const choose = document.createElement('button')
  choose.type = 'button'
  choose.textContent = config.gpcPreferences
  choose.style.cssText =
    'background:none;border:0;padding:0;color:inherit;font:inherit;text-decoration:underline;cursor:pointer'
  choose.addEventListener('click', () => {
    notice.remove()
    CookieConsent.showPreferences()
  })
  const close = document.createElement('button')
  close.type = 'button'
  close.textContent = '×'
  close.setAttribute('aria-label', config.close)
  close.style.cssText =
    'background:none;border:0;margin-left:.5em;font:inherit;cursor:pointer;color:inherit'
  close.addEventListener('click', () => notice.remove())
  notice.append(text, choose, close)
  document.body.appendChild(notice)
}

async function start(): Promise<void> {
  let response = await catalog(true)
  // A page in a language the policy site does not publish: the banner speaks the policy's binding language.
  if (response.status === 400 && lang) response = await catalog(false)
  if (!response.ok) throw new Error(`cookie catalog: HTTP ${response.status}`)
  const { consentModes, policyUrl, consentRecord, ...config } =
    (await response.json()) as VanillaConfig
  void policyUrl
  const categories = Object.fromEntries(
    Object.entries(config.categories).map(([key, category]) => [
      key,
      {
        ...category,
        autoClear: {
          ...category.autoClear,
          cookies: category.autoClear.cookies.map((cookie) => ({
            name: cookie.isRegex ? new RegExp(cookie.name) : cookie.name,
          })),
        },
      },
    ]),
  )
  window.CookieConsent = CookieConsent
  await styled
  let byGpc = false
  const actions = { all: 'accept-all', necessary: 'reject-all', custom: 'custom' } as const
  // A returning visitor is asked again only about the categories changed materially since their choice.
  const prior = priorAnswers(config.cookie.name, consentRecord)
  let plan: ReconsentPlan | null = planReconsent(
    Object.entries(config.categories).map(([key, category]) => ({
      key,
      required: category.readOnly,
      revision: consentRecord.categories[key]?.revision ?? 0,
    })),
    prior,
    Date.now(),
  )
  if (plan.first || !plan.ask.length) plan = null
  const translation = config.language.translations[config.language.default]!
  if (plan) {
    const titles = Object.fromEntries(
      translation.preferencesModal.sections.flatMap((section) =>
        section.linkedCategory ? [[section.linkedCategory, section.title]] : [],
      ),
    )
    translation.consentModal = {
      ...translation.consentModal,
      ...reaskWords(consentRecord, plan, prior, titles),
    }
  }
  let shown: string | null = null
  let settling = false
  const { revision, ...options } = config
  await CookieConsent.run({
    ...options,
    // No revision: a change of the policy asks again per category (above), not about everything.
    categories,
    // With Global Privacy Control, the choice is made below instead of asking.
    autoShow: !gpc,
    // An acceptance that predates a material change holds no more: its signals wait for the answer.
    onConsent: () => consentUpdate(consentModes, plan?.ask),
    onFirstConsent: () => {
      const { acceptType } = CookieConsent.getUserPreferences()
      record(consentRecord, revision, byGpc ? 'gpc' : actions[acceptType])
    },
    onChange: () => {
      if (settling) return
      const asked = plan && shown === 'consentModal' ? plan : null
      plan = null
      if (asked) {
        // "Accept" or "Refuse" in the modal that asked again: about the categories asked, nothing else.
        const yes = CookieConsent.getUserPreferences().acceptType === 'all'
        const accepted = [
          ...Object.keys(categories).filter((key) => categories[key]!.readOnly),
          ...asked.carried.flatMap((entry) => (entry.accepted ? [entry.category] : [])),
          ...(yes ? asked.ask : []),
        ]
        settling = true
        CookieConsent.acceptCategory(accepted)
        settling = false
      }
      consentUpdate(consentModes)
      const { acceptType } = CookieConsent.getUserPreferences()
      record(
        consentRecord,
        revision,
        acceptType === 'necessary' && !asked ? 'withdraw' : actions[acceptType],
        asked ?? undefined,
      )
    },
    // vanilla-cookieconsent focuses its modals with a plain element.focus(): never let that scroll.
    onModalReady: ({ modal }) => {
      for (const element of [modal, ...modal.querySelectorAll<HTMLElement>('*')]) {
        element.focus = (options) =>
          HTMLElement.prototype.focus.call(element, { ...options, preventScroll: true })
      }
    },
    onModalShow: ({ modalName }) => {
      shown = modalName
      const modal = document.querySelector<HTMLElement>('#cc-main .pm')
      if (modalName === 'preferencesModal' && modal) showReceipt(consentRecord, modal)
    },
  })
  if (plan && CookieConsent.validConsent()) CookieConsent.show(true)
  if (gpc && !CookieConsent.validConsent()) {
    byGpc = true
    CookieConsent.acceptCategory([])
    byGpc = false
    showGpcNotice(consentRecord)
  }
  document.documentElement.dataset.cookieBanner = 'ready'
}

start().catch((error: unknown) => {
  document.documentElement.dataset.cookieBanner = 'failed'
  console.error(error)
})
