// The Studio as an editor starts it: `npm run studio` (Sanity's dev server, not `sanity build`) serves code
// that compiles and runs in the browser. Its dev server once answered every module with a 500 ("Missing
// field `moduleType`": the root's vite 8 made the React plugin take rolldown's path under Sanity's vite 7)
// while `sanity build` passed.
import { expect, test } from '@playwright/test'
import { STUDIO } from './helpers'

test('npm run studio serves the Studio: every module compiles and the Studio runs', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const failures: string[] = []
  page.on('response', (response) => {
    if (response.url().startsWith(STUDIO) && response.status() >= 400)
      failures.push(`${response.status()} ${response.url()}`)
  })
  const answer = await page.goto(`${STUDIO}/`)
  expect(answer?.status()).toBe(200)
  // Offline and with no project, the Studio runs until it first asks the Content Lake who the editor is.
  await expect(page.locator('#sanity')).toContainText(
    'https://unconfigured.api.sanity.io/v2026-05-04/users/me',
    { timeout: 90_000 },
  )
  expect(failures).toEqual([])
})
