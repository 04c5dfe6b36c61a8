// The policy pages as a visitor and a search engine read them: the document's text, links, headings and
// head, for the four page types in two languages, compared with a recorded snapshot. The snapshot holds what
// the pages said before their rendering moved to one owner (issue 22); any change of wording, link or order
// shows here. Markup is not compared: only what a reader or a crawler gets from it.
// UPDATE_DOCUMENTS=1 records the snapshot again (after a deliberate change of the pages).
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { BROKEN, FIXTURE, TRILINGUAL } from './helpers'

const SNAPSHOT = new URL('./fixtures/documents.json', import.meta.url)

const PAGES = [
  ...['fr', 'en'].flatMap((lang) =>
    [
      '/cookies',
      '/cookies/versions',
      '/cookies/versions/2',
      '/cookies/versions/3?compare=1',
      '/cookies/versions/1...3',
    ].map((path) => `${FIXTURE}/${lang}${path}`),
  ),
  `${TRILINGUAL}/de/uk-cookies`,
  `${FIXTURE}/en/cookies/versions/9`,
  `${BROKEN}/fr/cookies`,
]

/** What a reader gets from a page, independent of how the markup spells it. */
async function readDocument(page: Page, url: string) {
  const response = await page.goto(url)
  return page.evaluate((status) => {
    const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim()
    const attribute = (selector: string, name: string) =>
      document.querySelector(selector)?.getAttribute(name) ?? null
    return {
      status,
      lang: document.documentElement.lang,
      title: document.title,
      description: attribute('meta[name="description"]', 'content'),
      ogTitle: attribute('meta[property="og:title"]', 'content'),
      ogLocale: attribute('meta[property="og:locale"]', 'content'),
      canonical: attribute('link[rel="canonical"]', 'href'),
      alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map(
        (link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`,
      ),
      scripts: [...document.scripts].map((script) => script.getAttribute('src') ?? 'inline'),
      headings: [...document.querySelectorAll('h1, h2, h3, h4')].map(
        (heading) => `${heading.tagName} ${squash(heading.textContent)}`,
      ),
      links: [...document.querySelectorAll('body a')].map(
        (link) => `${squash(link.textContent)} -> ${link.getAttribute('href')}`,
      ),
      text: squash(document.body.innerText),
    }
  }, response?.status() ?? 0)
}

test('the pages say what they said, with the same links, headings and head', async ({ page }) => {
  test.setTimeout(120_000)
  // Without the banner: its dialog is not the page's text.
  await page.route('**/cookie-banner.js', (route) =>
    route.fulfill({ body: '', contentType: 'text/javascript' }),
  )
  const documents: Record<string, unknown> = {}
  for (const url of PAGES)
    documents[new URL(url).pathname + new URL(url).search + ` (${new URL(url).port})`] =
      await readDocument(page, url)
  if (process.env.UPDATE_DOCUMENTS)
    writeFileSync(SNAPSHOT, `${JSON.stringify(documents, null, 2)}\n`)
  expect(documents).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')))
})
