// The banner loader: one <script> tag on any site. It denies every Google Consent Mode signal at once,
// fetches the catalog from the site that serves this script, and runs vanilla-cookieconsent on it.
//   <script src="https://policy.example.com/cookie-banner.js" data-lang="fr"></script>
// Include it before any tag (not async) so the defaults come first. Optional: data-policy="<slug>".
import * as CookieConsent from 'vanilla-cookieconsent'
import type { VanillaConfig } from '@cookie-policy/schemas/contracts'
import { CONSENT_MODE_SIGNALS } from '@cookie-policy/schemas/consentModes'

type Signals = Record<string, 'granted' | 'denied'>

declare global {
  interface Window {
    dataLayer: unknown[]
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

async function start(): Promise<void> {
  let response = await catalog(true)
  // A page in a language the policy site does not publish: the banner speaks the policy's binding language.
  if (response.status === 400 && lang) response = await catalog(false)
  if (!response.ok) throw new Error(`cookie catalog: HTTP ${response.status}`)
  const { consentModes, policyUrl, ...config } = (await response.json()) as VanillaConfig
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
  await CookieConsent.run({
    ...config,
    categories,
    onConsent: () => consentUpdate(consentModes),
    onChange: () => consentUpdate(consentModes),
    // vanilla-cookieconsent focuses its modals with a plain element.focus(): never let that scroll.
    onModalReady: ({ modal }) => {
      for (const element of [modal, ...modal.querySelectorAll<HTMLElement>('*')]) {
        element.focus = (options) =>
          HTMLElement.prototype.focus.call(element, { ...options, preventScroll: true })
      }
    },
  })
  document.documentElement.dataset.cookieBanner = 'ready'
}

start().catch((error: unknown) => {
  document.documentElement.dataset.cookieBanner = 'failed'
  console.error(error)
})
