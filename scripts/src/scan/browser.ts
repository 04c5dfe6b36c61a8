// The scan in a real browser, one fresh profile per phase: before any choice, after "reject all", after
// "accept all", each category alone, a withdrawal after accepting, and a browser that sends Global Privacy
// Control. In each: every cookie (the browser's jar and Set-Cookie answers, third-party frames included),
// the keys of localStorage, sessionStorage and IndexedDB, and the requests to other hosts. Chromium goes
// through the scanner's guard (guard.ts): requests to loopback, link-local and private addresses are
// blocked and reported, except to the scanned site itself when it is on such an address, on its own port.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS, findChromium } from '@cookie-policy/schemas/node'
import type { Phase, ScanInput, SeenCookie, SeenStorage } from './analyze'
import { startGuard } from './guard'

/** vanilla-cookieconsent v3 (this project's own banner, and many others). */
const OWN_BANNER = {
  accept: '#cc-main button[data-role="all"]',
  reject: '#cc-main button[data-role="necessary"]',
}

export interface ScanOptions {
  urls: string[]
  acceptSelector?: string
  rejectSelector?: string
  /** The categories a visitor may refuse: each is accepted alone in a phase of its own (own banner only). */
  categories: string[]
  timeoutMs: number
  onProgress: (message: string) => void
}

export interface ScanResult extends ScanInput {
  /** Whether the first page runs a banner with vanilla-cookieconsent's API (this project's). */
  bannerApi: boolean
}

async function launch(
  onProgress: (message: string) => void,
  proxy: string,
): Promise<{ browser: Browser; sandbox: boolean }> {
  // Chromium's sandbox cannot start as root; the scanner visits real sites, so it keeps it everywhere else.
  const asRoot = process.getuid?.() === 0
  if (asRoot)
    onProgress(
      "running as root: Chromium's sandbox is off (run the scanner as another user to keep it)",
    )
  const args = [
    ...(asRoot ? CHROMIUM_FLAGS : CHROMIUM_FLAGS.filter((flag) => flag !== '--no-sandbox')),
    // Everything through the guard, loopback included (Chromium would otherwise go there directly).
    `--proxy-server=${proxy}`,
    '--proxy-bypass-list=<-loopback>',
    // WebRTC's UDP would go around the proxy: none that is not proxied.
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  ]
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args,
    chromiumSandbox: !asRoot,
    headless: true,
  })
  return { browser, sandbox: !asRoot }
}

type HeaderCookie = Omit<SeenCookie, 'phase' | 'seenAt'>

/** Reads one Set-Cookie line the way a browser would, relative to the answer's address. */
export function parseSetCookie(line: string, url: string, now: number): HeaderCookie | null {
  const [pair, ...attributes] = line.split(';')
  const separator = pair?.indexOf('=') ?? -1
  if (!pair || separator < 1) return null
  const host = new URL(url).hostname
  const cookie: HeaderCookie = {
    name: pair.slice(0, separator).trim(),
    domain: host,
    path: '/',
    expires: -1,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
    url,
  }
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=')
    const key = rawKey!.trim().toLowerCase()
    const value = rest.join('=').trim()
    if (key === 'domain' && value) cookie.domain = value.startsWith('.') ? value : `.${value}`
    else if (key === 'path' && value) cookie.path = value
    else if (key === 'max-age' && /^-?\d+$/.test(value)) cookie.expires = now + Number(value)
    else if (key === 'expires' && cookie.expires === -1 && !Number.isNaN(Date.parse(value)))
      cookie.expires = Math.floor(Date.parse(value) / 1000)
    else if (key === 'httponly') cookie.httpOnly = true
    else if (key === 'secure') cookie.secure = true
    else if (key === 'samesite' && value)
      cookie.sameSite = value[0]!.toUpperCase() + value.slice(1).toLowerCase()
  }
  return cookie
}

async function settle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined)
}

async function click(page: Page, selector: string | undefined, own: string, timeoutMs: number) {
  const target = page.locator(selector ?? own).first()
  try {
    await target.waitFor({
      state: 'visible',
      timeout: selector ? timeoutMs : Math.min(timeoutMs, 5000),
    })
    await target.click()
    return true
  } catch {
    return false
  }
}

/** Accepts exactly `categories` through vanilla-cookieconsent's own API, where the page runs it. */
async function acceptOnly(page: Page, categories: string[], timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(() => 'CookieConsent' in window, undefined, {
      timeout: Math.min(timeoutMs, 5000),
    })
    await page.evaluate((keys) => {
      ;(
        window as unknown as { CookieConsent: { acceptCategory: (keys: string[]) => void } }
      ).CookieConsent.acceptCategory(keys)
    }, categories)
    return true
  } catch {
    return false
  }
}

/** The keys a page's origin keeps in localStorage, sessionStorage and IndexedDB. */
async function storageOf(page: Page): Promise<{ kind: SeenStorage['kind']; key: string }[]> {
  return page.evaluate(async () => {
    const found: { kind: 'localStorage' | 'sessionStorage' | 'indexedDB'; key: string }[] = []
    for (const kind of ['localStorage', 'sessionStorage'] as const) {
      try {
        const store = window[kind]
        for (let index = 0; index < store.length; index++)
          found.push({ kind, key: store.key(index)! })
      } catch {
        // storage refused to this origin
      }
    }
    try {
      for (const database of await indexedDB.databases())
        if (database.name) found.push({ kind: 'indexedDB', key: database.name })
    } catch {
      // IndexedDB unavailable
    }
    return found
  })
}

interface PhasePlan {
  phase: Phase
  /** What the visitor does once the page is loaded. */
  act: (page: Page) => Promise<boolean>
  gpc?: boolean
}

function phasesOf(options: ScanOptions): PhasePlan[] {
  const { timeoutMs } = options
  const own = !options.acceptSelector && !options.rejectSelector
  const accept = (page: Page) => click(page, options.acceptSelector, OWN_BANNER.accept, timeoutMs)
  const reject = (page: Page) => click(page, options.rejectSelector, OWN_BANNER.reject, timeoutMs)
  return [
    { phase: 'before', act: async () => true },
    { phase: 'reject', act: reject },
    { phase: 'accept', act: accept },
    // Each category alone, and a withdrawal, need the banner's API: this project's banner (or any
    // vanilla-cookieconsent that exposes window.CookieConsent).
    ...(own
      ? [
          ...options.categories.map((category) => ({
            phase: `only:${category}` as Phase,
            act: (page: Page) => acceptOnly(page, [category], timeoutMs),
          })),
          {
            phase: 'withdraw' as Phase,
            act: async (page: Page) => {
              if (!(await accept(page))) return false
              await settle(page, timeoutMs)
              await page.reload({ waitUntil: 'load', timeout: timeoutMs })
              return acceptOnly(page, [], timeoutMs)
            },
          },
        ]
      : []),
    { phase: 'gpc', act: async () => true, gpc: true },
  ]
}

/** Where the scan is: the guard's refusals are reported with it. */
interface Where {
  phase: Phase
  page: string
  /** Why the guard could not reach an address (the browser only sees a 502). */
  failures: Map<string, string>
}

async function scanPhase(
  browser: Browser,
  plan: PhasePlan,
  options: ScanOptions,
  result: ScanResult,
  where: Where,
): Promise<void> {
  const { phase } = plan
  const context: BrowserContext = await browser.newContext(
    plan.gpc ? { extraHTTPHeaders: { 'Sec-GPC': '1' } } : {},
  )
  // As a browser that sends the signal says it to scripts too (a string: it runs before any page script).
  if (plan.gpc)
    await context.addInitScript({
      content:
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })",
    })
  const scannedHosts = new Set(options.urls.map((url) => new URL(url).hostname))
  where.phase = phase
  const fromHeaders = new Map<string, HeaderCookie>()
  const firstUrl = new Map<string, string>()
  const requested = new Set<string>()
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (!/^https?:$/.test(url.protocol) || scannedHosts.has(url.hostname)) return
    const key = `${url.hostname}|${where.page}`
    if (requested.has(key)) return
    requested.add(key)
    result.requests.push({ host: url.hostname, url: url.href, phase, page: where.page })
  })
  context.on('response', (response) => {
    void response
      .headersArray()
      .then((headers) => {
        const now = Math.floor(Date.now() / 1000)
        for (const header of headers) {
          if (header.name.toLowerCase() !== 'set-cookie') continue
          for (const line of header.value.split('\n')) {
            const cookie = parseSetCookie(line, response.url(), now)
            if (!cookie) continue
            const key = `${cookie.name}|${cookie.domain.replace(/^\./, '')}`
            if (!fromHeaders.has(key)) fromHeaders.set(key, cookie)
            if (!firstUrl.has(key)) firstUrl.set(key, response.url())
          }
        }
      })
      .catch(() => undefined)
  })
  const seen = new Map<string, SeenCookie>()
  const keys = new Set<string>()
  const collect = async (page: Page, pageUrl: string) => {
    const now = Math.floor(Date.now() / 1000)
    for (const cookie of await context.cookies()) {
      const key = `${cookie.name}|${cookie.domain.replace(/^\./, '')}`
      if (!firstUrl.has(key)) firstUrl.set(key, pageUrl)
      if (seen.has(key)) continue
      seen.set(key, { ...cookie, phase, url: firstUrl.get(key)!, seenAt: now })
    }
    const origin = new URL(page.url()).origin
    for (const { kind, key } of await storageOf(page).catch(() => [])) {
      const id = `${kind}|${origin}|${key}`
      if (keys.has(id)) continue
      keys.add(id)
      result.storage.push({ kind, key, origin, phase, url: pageUrl })
    }
  }
  try {
    for (const url of options.urls) {
      options.onProgress(`${phase}: ${url}`)
      where.page = url
      const page = await context.newPage()
      try {
        await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs })
        // The guard answered for a site it could not reach: that is no page to scan.
        const failure = where.failures.get(new URL(page.url()).href)
        if (failure) throw new Error(`cannot be reached: ${failure}`)
        await settle(page, options.timeoutMs)
        if (!(await plan.act(page)))
          options.onProgress(
            `${phase}: ${url}: no banner button (or banner API) found; what is set is collected as it is`,
          )
        if (phase !== 'before' && phase !== 'gpc') {
          await settle(page, options.timeoutMs)
          // The visitor goes on browsing: the page again, with the choice made.
          await page.reload({ waitUntil: 'load', timeout: options.timeoutMs })
        }
        await settle(page, options.timeoutMs)
        if (phase === 'before' && url === options.urls[0])
          result.bannerApi = await page.evaluate(() => 'CookieConsent' in window).catch(() => false)
        await collect(page, url)
      } catch (error) {
        result.errors.push({ url, phase, reason: (error as Error).message.split('\n')[0]! })
      } finally {
        await page.close()
      }
    }
    // What the site asked for counts, not only what this browser kept: cookies it refused to store (a
    // third-party frame's, say), and lifetimes it capped (Chromium keeps a cookie 400 days at most). After
    // a withdrawal, only what is still there counts: the banner deletes what was refused.
    const now = Math.floor(Date.now() / 1000)
    for (const [key, cookie] of fromHeaders) {
      const stored = seen.get(key)
      if (stored) {
        if (cookie.expires > stored.expires && stored.expires >= 0) stored.expires = cookie.expires
      } else if (phase !== 'withdraw' && !(cookie.expires >= 0 && cookie.expires <= now)) {
        seen.set(key, { ...cookie, phase, seenAt: now })
      }
    }
    result.cookies.push(...seen.values())
  } finally {
    await context.close()
  }
}

export async function scanSite(options: ScanOptions): Promise<ScanResult> {
  const result: ScanResult = {
    cookies: [],
    storage: [],
    requests: [],
    blocked: [],
    errors: [],
    sandbox: false,
    phases: [],
    bannerApi: false,
  }
  const where: Where = { phase: 'before', page: options.urls[0]!, failures: new Map() }
  const guard = await startGuard(
    options.urls,
    ({ url, reason }) => {
      if (!result.blocked.some((entry) => entry.url === url && entry.phase === where.phase))
        result.blocked.push({ url, phase: where.phase, page: where.page, reason })
    },
    (url, reason) => where.failures.set(url, reason),
  )
  try {
    const { browser, sandbox } = await launch(options.onProgress, guard.server)
    result.sandbox = sandbox
    try {
      for (const plan of phasesOf(options)) {
        // Each category alone and a withdrawal go through the banner's API: none, no such phases.
        const needsApi = plan.phase.startsWith('only:') || plan.phase === 'withdraw'
        if (needsApi && !result.bannerApi) continue
        await scanPhase(browser, plan, options, result, where)
        result.phases.push(plan.phase)
      }
      return result
    } finally {
      await browser.close()
    }
  } finally {
    await guard.close()
  }
}
