// Fresh visits start at the top: the banner never scrolls the page, even when its stylesheet is late or lost.
import { expect, test, type Page } from '@playwright/test'
import { SEED } from './helpers'

const PAGES = ['/fr/cookies', '/en/cookies', '/fr/cookies/versions/1']
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]
// A slow phone network: each page takes one delay, shifted by one per width, so each width meets every delay.
const DELAYS = [300, 1500, 3000]

/** Waits until the banner is ready, shown, done animating and focused: whatever it would scroll, it has. */
async function bannerSettled(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-cookie-banner', 'ready')
  await expect(page.locator('#cc-main .cm')).toBeVisible()
  // Two frames let transitions that were just triggered start, so that waiting for them means something.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  )
  // vanilla-cookieconsent focuses the modal 100 ms after showing it, and again once it has faded in.
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('#cc-main .cm')))
}

/** The page is longer than the window: scrolling to the banner at its end would show. */
async function expectScrollable(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight),
  ).toBe(true)
}

for (const [w, { name, viewport }] of WIDTHS.entries()) {
  test.describe(`${name} ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport })

    for (const [p, path] of PAGES.entries()) {
      const delay = DELAYS[(p + w) % DELAYS.length]
      test(`${path} starts at the top with the stylesheet ${delay} ms late`, async ({ page }) => {
        await page.route('**/cookie-banner.css', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, delay))
          await route.continue()
        })
        await page.goto(`${SEED}${path}`)
        await bannerSettled(page)
        await expect(page.locator('#cc-main .cm')).toHaveCSS('position', 'fixed')
        await expectScrollable(page)
        expect(await page.evaluate(() => window.scrollY)).toBe(0)
      })
    }
  })
}

test.describe('phone 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('/fr/cookies starts at the top when the stylesheet fails, and the banner still runs', async ({
    page,
  }) => {
    await page.route('**/cookie-banner.css', (route) => route.abort())
    await page.goto(`${SEED}/fr/cookies`)
    await bannerSettled(page)
    await expect(page.locator('#cc-main .cm')).toHaveCSS('position', 'static')
    await expectScrollable(page)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
  })
})
