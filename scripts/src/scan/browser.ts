// The scan in a real browser: a fresh profile per phase (before any choice, after "reject all", after
// "accept all"); every cookie from the browser's jar and from Set-Cookie answers, third-party frames included.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS, findChromium } from '@cookie-policy/schemas/node'
import type { Phase, ScanReport, SeenCookie } from './analyze'

/** vanilla-cookieconsent v3 (this project's own banner, and many others). */
const OWN_BANNER = {
  accept: '#cc-main button[data-role="all"]',
  reject: '#cc-main button[data-role="necessary"]',
}

export interface ScanOptions {
  urls: string[]
  acceptSelector?: string
  rejectSelector?: string
  timeoutMs: number
  onProgress: (message: string) => void
}

function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true })
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

async function choose(
  page: Page,
  selector: string | undefined,
  own: string,
  timeoutMs: number,
): Promise<boolean> {
  const target = page.locator(selector ?? own).first()
  try {
    await target.waitFor({
      state: 'visible',
      timeout: Math.min(timeoutMs, selector ? timeoutMs : 5000),
    })
    await target.click()
    return true
  } catch {
    return false
  }
}

async function scanPhase(
  browser: Browser,
  phase: Phase,
  options: ScanOptions,
  errors: ScanReport['errors'],
): Promise<SeenCookie[]> {
  const context: BrowserContext = await browser.newContext()
  const fromHeaders = new Map<string, HeaderCookie>()
  const firstUrl = new Map<string, string>()
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
  const collect = async (pageUrl: string) => {
    const now = Math.floor(Date.now() / 1000)
    for (const cookie of await context.cookies()) {
      const key = `${cookie.name}|${cookie.domain.replace(/^\./, '')}`
      if (!firstUrl.has(key)) firstUrl.set(key, pageUrl)
      if (seen.has(key)) continue
      seen.set(key, { ...cookie, phase, url: firstUrl.get(key)!, seenAt: now })
    }
  }
  try {
    for (const url of options.urls) {
      options.onProgress(`${phase}: ${url}`)
      const page = await context.newPage()
      try {
        await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs })
        await settle(page, options.timeoutMs)
        if (phase !== 'before') {
          const own = phase === 'accept' ? OWN_BANNER.accept : OWN_BANNER.reject
          const clicked = await choose(
            page,
            phase === 'accept' ? options.acceptSelector : options.rejectSelector,
            own,
            options.timeoutMs,
          )
          if (!clicked)
            options.onProgress(
              `${phase}: ${url}: no banner button found; cookies are collected as they are`,
            )
          await settle(page, options.timeoutMs)
          // The visitor goes on browsing: the page again, with the choice made.
          await page.reload({ waitUntil: 'load', timeout: options.timeoutMs })
          await settle(page, options.timeoutMs)
        }
        await collect(url)
      } catch (error) {
        errors.push({ url, phase, reason: (error as Error).message.split('\n')[0]! })
      } finally {
        await page.close()
      }
    }
    // What the site asked for counts, not only what this browser kept: cookies it refused to store (a
    // third-party frame's, say), and lifetimes it capped (Chromium keeps a cookie 400 days at most).
    const now = Math.floor(Date.now() / 1000)
    for (const [key, cookie] of fromHeaders) {
      const stored = seen.get(key)
      if (stored) {
        if (cookie.expires > stored.expires && stored.expires >= 0) stored.expires = cookie.expires
      } else if (!(cookie.expires >= 0 && cookie.expires <= now)) {
        seen.set(key, { ...cookie, phase, seenAt: now })
      }
    }
    return [...seen.values()]
  } finally {
    await context.close()
  }
}

export async function scanSite(
  options: ScanOptions,
): Promise<{ cookies: SeenCookie[]; errors: ScanReport['errors'] }> {
  const browser = await launch()
  const errors: ScanReport['errors'] = []
  try {
    const cookies: SeenCookie[] = []
    for (const phase of ['before', 'reject', 'accept'] as const)
      cookies.push(...(await scanPhase(browser, phase, options, errors)))
    return { cookies, errors }
  } finally {
    await browser.close()
  }
}
