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

function consentUpdate(consentModes: Record<string, string[]>): void {
  const granted = new Set(
    Object.entries(consentModes).flatMap(([category, signals]) =>
      CookieConsent.acceptedCategory(category) ? signals : [],
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

/** How many times a choice is sent before the loader gives up: a minute at the store's Retry-After of 5 s. */
const RECORD_ATTEMPTS = 12

/**
 * Sends a choice to the ledger. `keepalive` lets it outlive the page when the visitor leaves right after
 * choosing; the JSON body makes a cross-origin request preflighted, which Chromium (since 81) and Firefox
 * (since 133) allow with keepalive. A 503 or 429 (nothing was stored), or no answer at all, is tried again
 * while the page is open.
 */
function record(config: ConsentRecordConfig, revision: number, action: string): void {
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
  }
  // The token of this consent ID's first receipt, kept beside the ID: later choices need it. Read at each
  // attempt: an earlier choice still being retried may bring it meanwhile.
  const tokenNow = () => {
    const kept = CookieConsent.getCookie().data as { token?: unknown } | null | undefined
    return typeof kept?.token === 'string' ? kept.token : undefined
  }
  CookieConsent.setCookieData({
    value: { version: config.version, token: tokenNow() },
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
  await CookieConsent.run({
    ...config,
    categories,
    // With Global Privacy Control, the choice is made below instead of asking.
    autoShow: !gpc,
    onConsent: () => consentUpdate(consentModes),
    onFirstConsent: () => {
      const { acceptType } = CookieConsent.getUserPreferences()
      record(consentRecord, config.revision, byGpc ? 'gpc' : actions[acceptType])
    },
    onChange: () => {
      consentUpdate(consentModes)
      const { acceptType } = CookieConsent.getUserPreferences()
      record(
        consentRecord,
        config.revision,
        acceptType === 'necessary' ? 'withdraw' : actions[acceptType],
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
      const modal = document.querySelector<HTMLElement>('#cc-main .pm')
      if (modalName === 'preferencesModal' && modal) showReceipt(consentRecord, modal)
    },
  })
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
