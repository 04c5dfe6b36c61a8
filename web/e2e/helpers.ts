// Shared browser-test helpers: the running sites, table reading and accessibility checks.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const SEED = 'http://127.0.0.1:3101'
export const MUTABLE = 'http://127.0.0.1:3103'
export const KLARO = 'http://127.0.0.1:3104'
export const FIXTURE = 'http://127.0.0.1:3102'
/** fr, en and de; the seed and an English-only UK policy (two-policies.ndjson). */
export const TRILINGUAL = 'http://127.0.0.1:3105'
/** The seed with a draft of im_lang's purpose, and SANITY_PREVIEW_SECRET=e2e-preview-secret. */
export const PREVIEW = 'http://127.0.0.1:3106'
/** The Studio's dev server, as `npm run studio` starts it, in local mode on E2E_STUDIO_DATASET. */
export const STUDIO = 'http://127.0.0.1:3333'
/** The site that reads the dataset the Studio edits. */
export const STUDIO_SITE = 'http://127.0.0.1:3109'
/** POLICY_DATASET names a file that does not exist. */
export const BROKEN = 'http://127.0.0.1:3107'

/** Every row of every cookie table: [caption, name, type, purpose, retention or link]. */
export async function cookieRows(page: Page): Promise<string[][]> {
  return page.locator('table.cookie-table').evaluateAll((tables) =>
    tables.flatMap((table) => {
      const caption = table.querySelector('caption')?.textContent?.trim() ?? ''
      return [...table.querySelectorAll('tbody tr')].map((row) => [
        caption,
        ...[...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ])
    }),
  )
}

/** Axe measures colours as they are: wait until the banner has loaded and finished animating in. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (await page.locator('script[src="/cookie-banner.js"]').count()) {
    await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', /ready|failed/)
    // Two frames let transitions that were just triggered start, so that waiting for them means something.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    )
    // A transition that had not started yet is not among the animations: the dialog, when shown, is opaque.
    await page.waitForFunction(() => {
      const modal = document.querySelector('#cc-main .cm')
      const shown = document.documentElement.classList.contains('show--consent')
      return !modal || !shown || getComputedStyle(modal).opacity === '1'
    })
  }
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([])
}

/** The consent cookie vanilla-cookieconsent writes, decoded. */
export async function consentCookie(
  page: Page,
  name = 'cookie_validation',
): Promise<{
  categories: string[]
  revision: number
  consentId: string
  data: { version: number; token?: string; answered?: Record<string, [number, number]> } | null
} | null> {
  const cookie = (await page.context().cookies()).find((entry) => entry.name === name)
  return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : null
}

/** The Consent Mode commands pushed to the dataLayer, in order. */
export async function consentCommands(
  page: Page,
): Promise<[string, string, Record<string, string>][]> {
  return page.evaluate(() =>
    (window as unknown as { dataLayer: IArguments[] }).dataLayer
      .map((entry) => Array.from(entry) as [string, string, Record<string, string>])
      .filter((entry) => entry[0] === 'consent'),
  )
}

/** Opens a page and waits for the banner's first question. */
export async function openBanner(page: Page, url: string) {
  await page.goto(url)
  await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  const modal = page.getByRole('dialog', {
    name: /Vos choix en matière de cookies|Your cookie choices/,
  })
  await expect(modal).toBeVisible()
  return modal
}
