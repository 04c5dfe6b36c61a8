// The Studio as an editor uses it: `npm run studio` (Sanity's dev server, not `sanity build`) in local mode,
// on a copy of the seed's dataset that a site reads too, offline. The dev server once answered every module
// with a 500 ("Missing field `moduleType`": the root's vite 8 made the React plugin take rolldown's path
// under Sanity's vite 7) while `sanity build` passed. The scenarios run in order on one dataset: the cookie
// published in the second is the change the third publishes as a version, which the fourth opens.
// With STUDIO_SCREENSHOTS set to a folder, they also take the editor's guide's screenshots (npm run screenshots).
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { parseNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'
import { checkCookieRetention, ruleMessage } from '@cookie-policy/schemas/model'
import { STUDIO_WORDS, type StudioKey } from '@cookie-policy/schemas/studioWords'
import { startScanSite } from '../../scripts/test/fixtures/scanSite'
import { STUDIO, STUDIO_SITE } from './helpers'

const DATASET = process.env.E2E_STUDIO_DATASET!
const stored = () => parseNdjson(readFileSync(DATASET), DATASET)
const storedById = (id: string) => stored().find((document) => document._id === id)
const seed = stored()
const localized = (value: unknown) => value as { fr: string; en: string }

const COOKIE = 'cookie-cookies-im_mkt_tracking'
/** The version the third scenario publishes, as saved. */
let published: SanityDocument | undefined
/** Form fields an editor can change. */
const EDITABLE =
  'input:not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled]), [contenteditable="true"]'
const CATALOG = `${STUDIO}/structure/cookieCatalog;cookiesByCategory`

test.describe.configure({ mode: 'serial' })
test.use({ viewport: { width: 1440, height: 900 } })

/** Requests that would leave the machine: refused, as offline, and listed. */
let external: string[]
/** Answers of 400 or more: from the Studio's own files (its code must compile and load) and the local lake. */
let failures: string[]

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000)
  external = []
  failures = []
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => {
    const { hostname, pathname } = new URL(route.request().url())
    external.push(`${hostname}${pathname}`)
    return route.abort()
  })
  page.on('response', (response) => {
    if (response.url().startsWith(STUDIO) && response.status() >= 400)
      failures.push(
        `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`,
      )
  })
})

/** What the Studio asks and local mode does not serve (501): a document's revision history, and whether
 * its user agreed to telemetry (asked once in a while). */
const UNSERVED =
  /^501 GET \/local-content-lake\/v[\d-]+\/(data\/history\/production\/events\/documents\/|intake\/telemetry-status$)/
/** The Studio's shell asks Sanity's CDN for its fonts and latest version, and sends it feedback: offline,
 * those fail and the Studio works without them. Nothing else may leave the machine. */
const SHELL =
  /^((studio-static|design-system-static)\.sanity\.io\/[\w-]+\.woff2|sanity-cdn\.com\/v1\/modules\/sanity\/latest\/|api\.sanity\.io\/vX\/intake\/feedback$)/

test.afterEach(() => {
  expect(failures.filter((failure) => !UNSERVED.test(failure))).toEqual([])
  expect(external.filter((request) => !SHELL.test(request))).toEqual([])
})

async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.STUDIO_SCREENSHOTS
  if (!folder) return
  mkdirSync(dirname(`${folder}/${name}.png`), { recursive: true })
  // Nothing focused and the pointer outside the panes: no tooltip or hover is in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.mouse.move(0, 899)
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${folder}/${name}.png` })
}

/** The items of the list pane titled `title`, in order. */
const paneItems = (page: Page, title: string) =>
  page
    .getByTestId('pane')
    .filter({ has: page.getByTestId('pane-header').getByText(title, { exact: true }) })
    .locator('[data-testid^="pane-item"]')

test('the structure lists the policies and the catalog by category; a cookie shows French and English side by side', async ({
  page,
}) => {
  const answer = await page.goto(`${STUDIO}/structure`)
  expect(answer?.status()).toBe(200)
  await page.getByTestId('pane-item-Policies').click()
  const policy = seed.find((document) => document._type === 'policy')!
  await expect(paneItems(page, 'Policies')).toHaveText([new RegExp(localized(policy.title).en)])

  await page.getByTestId('pane-item-Cookie catalog').click()
  await page.getByTestId('pane-item-Cookies by category').click()
  const categories = seed
    .filter((document) => document._type === 'cookieCategory')
    .sort((a, b) => (a.order as number) - (b.order as number))
  await expect(paneItems(page, 'Cookies by category')).toHaveText(
    categories.map((category) => new RegExp(escape(localized(category.title).en))),
  )
  const necessary = categories[0]!
  await paneItems(page, 'Cookies by category').first().click()
  const cookies = seed
    .filter(
      (document) =>
        document._type === 'cookie' &&
        (document.category as { _ref: string })._ref === necessary._id,
    )
    .sort((a, b) => (a.order as number) - (b.order as number))
  await expect(paneItems(page, 'Cookies')).toHaveText(
    cookies.map((cookie) => new RegExp(`^${escape(cookie.name as string)}`)),
  )

  await paneItems(page, 'Cookies').filter({ hasText: 'im_web_jwt' }).click()
  const jwt = seed.find((document) => document._id === 'cookie-cookies-im_web_jwt')!
  const [french, english] = [page.locator('#purpose\\.fr'), page.locator('#purpose\\.en')]
  await expect(french).toHaveValue(localized(jwt.purpose).fr)
  await expect(english).toHaveValue(localized(jwt.purpose).en)
  await expect(page.locator('#type\\.fr')).toHaveValue(localized(jwt.type).fr)
  await expect(page.locator('#type\\.en')).toHaveValue(localized(jwt.type).en)
  const [left, right] = [(await french.boundingBox())!, (await english.boundingBox())!]
  expect(Math.abs(left.y - right.y)).toBeLessThan(2)
  expect(right.x).toBeGreaterThan(left.x + left.width)
  await french.scrollIntoViewIfNeeded()
  await screenshot(page, 'structure')
})

test('an analytics cookie kept 14 months shows the CNIL 13-month error and cannot be published; at 13 months it publishes', async ({
  page,
}) => {
  await page.goto(`${CATALOG};cookieCategory-cookies-analytics;${COOKIE}`)
  const amount = page.locator('#retention\\.amount')
  await amount.fill('14')
  await page.locator('#retention\\.unit').selectOption({ label: 'months' })
  const [cnil] = checkCookieRetention({
    categoryRequired: false,
    names: ['im_mkt_tracking'],
    retention: { kind: 'duration', amount: 14, unit: 'month' },
    moreInfoUrl: null,
    type: null,
  })
  // The document's validation, as the editor opens it from the document's header.
  await page.getByRole('button', { name: 'Validation' }).click()
  const message = page.getByRole('button', {
    name: `Retention period / Kind ${ruleMessage(cnil!)}`,
  })
  await expect(message).toBeVisible()
  const publish = page.getByTestId('action-publish')
  await expect(publish).toBeDisabled()
  await screenshot(page, 'cnil-message')
  await expect
    .poll(() => storedById(`drafts.${COOKIE}`)?.retention)
    .toMatchObject({
      amount: 14,
      unit: 'month',
    })

  await amount.fill('13')
  await expect(message).toHaveCount(0)
  await expect(publish).toBeEnabled()
  await publish.click()
  // Published: the dataset file the site reads holds the cookie at 13 months, and no draft of it.
  await expect
    .poll(() => [storedById(COOKIE)?.retention, storedById(`drafts.${COOKIE}`)])
    .toEqual([{ _type: 'retention', kind: 'duration', amount: 13, unit: 'month' }, undefined])
})

test('"Publish a new version" shows the differences, asks the date, summary and consent per category, and the site then shows the version', async ({
  page,
  request,
}) => {
  const catalog = async () =>
    (
      (await (await request.get(`${STUDIO_SITE}/api/cookie-catalog?lang=fr`)).json()) as {
        policy: { version: number; consentRevision: number }
      }
    ).policy
  const before = await catalog()
  expect(before.version).toBe(1)
  // Two visitors chose at version 1 on the site: one accepted everything, one refused everything.
  for (const [accepted, action] of [
    [['necessary', 'analytics', 'functionality'], 'accept-all'],
    [['necessary'], 'reject-all'],
  ] as const) {
    const answer = await request.post(`${STUDIO_SITE}/api/consent`, {
      data: {
        consentId: randomUUID(),
        policy: 'cookies',
        version: 1,
        consentRevision: 1,
        lang: 'fr',
        accepted,
        rejected: ['analytics', 'functionality'].filter((key) => !accepted.includes(key as never)),
        action,
        gpc: false,
      },
    })
    expect(answer.status()).toBe(201)
  }

  await page.goto(`${STUDIO}/structure`)
  await page.getByTestId('pane-item-Policies').click()
  await paneItems(page, 'Policies').first().click()
  await page.getByTestId('pane-item-Text and settings (edit, then publish a version)').click()
  // The policy is editable: its form has fields to change (the same test a version must fail).
  const policy = seed.find((document) => document._type === 'policy')!
  await expect(page.locator('#title\\.fr')).toHaveValue(localized(policy.title).fr)
  expect(await page.getByTestId('form-view').locator(EDITABLE).count()).toBeGreaterThan(5)
  await page.getByRole('button', { name: 'Open document actions' }).click()
  await page.getByRole('menuitem', { name: 'Publish a new version' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Cookies changed')
  // Values are worded in the policy's binding language, as the version's page words them.
  await expect(dialog).toContainText('im_mkt_tracking: Retention period 1 jour → 13 mois')
  const effectiveFrom = await dialog.locator('#effective-from').inputValue()
  expect(effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await dialog.locator('#summary-fr').fill('Durée de conservation de im_mkt_tracking : 13 mois.')
  await dialog.locator('#summary-en').fill('im_mkt_tracking is now kept 13 months.')
  // A tracker kept 400 times longer changes what visitors agreed to: material for Analytics, pre-selected,
  // with the line visitors will read; the other categories did not change.
  await expect(dialog.locator('#consent-analytics')).toHaveValue('material')
  await expect(dialog.locator('#consent-functionality')).toHaveValue('none')
  await expect(dialog.locator('#changed-analytics-fr')).toHaveValue(
    'Durée de conservation de im_mkt_tracking allongée (1 jour → 13 mois).',
  )
  await expect(dialog.locator('#changed-analytics-en')).toHaveValue(
    'Retention of im_mkt_tracking lengthened (1 day → 13 months).',
  )
  // The consequence, from the site's ledger: one of the two choices in force accepted Analytics.
  await expect(dialog.locator('#asked-analytics')).toHaveText(
    '50% of the choices in force would be asked again about it (1 of 2 accepted it; refusals stand six months).',
  )
  // Choosing otherwise asks why, and refuses to publish without the reason.
  await dialog.locator('#consent-functionality').selectOption('material')
  await dialog.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(dialog).toContainText(
    'Category "functionality": the differences suggest "No change", not "Material". Give the reason',
  )
  await dialog.locator('#consent-functionality').selectOption('none')
  await dialog.locator('#consent-analytics').scrollIntoViewIfNeeded()
  await screenshot(page, 'publish-dialog')
  await dialog.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(dialog).toContainText(`Version 2 published, in force from ${effectiveFrom}.`)

  published = storedById('policyVersion-cookies-2')!
  expect(published).toMatchObject({ version: 2, effectiveFrom, requiresNewConsent: true })
  expect(
    (published.consentChanges as { category: string; change: string; suggested: string }[]).map(
      (entry) => [entry.category, entry.change, entry.suggested],
    ),
  ).toEqual([
    ['analytics', 'material', 'material'],
    ['functionality', 'none', 'none'],
  ])
  // The site reads the same file: the version is listed, its differences shown, and consent is asked again.
  await page.goto(`${STUDIO_SITE}/en/cookies/versions`)
  await expect(page.locator('.version-list > li h2')).toHaveText(['Version 2', 'Version 1'])
  await expect(page.locator('.version-list > li').first().locator('.version-summary')).toHaveText(
    'im_mkt_tracking is now kept 13 months.',
  )
  await page.goto(`${STUDIO_SITE}/en/cookies/versions/2`)
  await expect(page.locator('section.changes')).toContainText('im_mkt_tracking')
  const after = await catalog()
  expect(after.version).toBe(2)
  expect(after.consentRevision).toBe(before.consentRevision + 1)
  // Per category: Analytics changed at version 2, with its line; Functionality still stands at version 1.
  const categories = (
    (await (await request.get(`${STUDIO_SITE}/api/cookie-catalog?lang=en`)).json()) as {
      categories: { key: string; revision: number; changed: string | null }[]
    }
  ).categories.map(({ key, revision, changed }) => [key, revision, changed])
  expect(categories).toEqual([
    ['necessary', 0, null],
    ['analytics', 2, 'Retention of im_mkt_tracking lengthened (1 day → 13 months).'],
    ['functionality', 1, null],
  ])
})

test('a published version opens read-only: it cannot be edited, deleted or unpublished', async ({
  page,
}) => {
  await page.goto(`${STUDIO}/structure`)
  await page.getByTestId('pane-item-Policies').click()
  await paneItems(page, 'Policies').first().click()
  await page.getByTestId('pane-item-Published versions, newest first').click()
  await expect(paneItems(page, 'Versions')).toHaveText([/^Version 2/, /^Version 1/])
  await paneItems(page, 'Versions').first().click()
  const form = page.getByTestId('form-view')
  // Loaded: the version's own values are in its fields (a form is read-only while it loads).
  await expect(form.locator('#version')).toHaveValue('2')
  await expect(form.locator('#effectiveFrom')).toHaveValue(published!.effectiveFrom as string)
  // Every field is read-only.
  await expect(form.locator(EDITABLE)).toHaveCount(0)
  // Its only action is Publish, disabled (there is nothing to publish): no menu offers delete, unpublish,
  // discard or duplicate.
  await expect(page.getByTestId('action-publish')).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Open document actions' })).toHaveCount(0)
  await screenshot(page, 'read-only-version')
  // Opening it changed nothing: no draft, the version as published.
  expect(storedById('drafts.policyVersion-cookies-2')).toBeUndefined()
  expect(storedById('policyVersion-cookies-2')).toEqual(published)
})

test('a scan’s findings reach the editors: a drafted cookie is corrected and published, the version shows its evidence', async ({
  page,
}) => {
  // The fixture site of the scanner's tests: a Hotjar id in localStorage among other undeclared things.
  const site = await startScanSite()
  const scannedPage = `${site.origin}/`
  try {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    // Asynchronously: the fixture site answers from this process.
    const scanned = await new Promise<number>((resolve) =>
      execFile(
        `${root}node_modules/.bin/tsx`,
        [
          `${root}scripts/src/scan-cookies.ts`,
          scannedPage,
          '--dataset',
          DATASET,
          '--accept-selector',
          '#accept',
          '--reject-selector',
          '#reject',
          '--to-studio',
        ],
        (error) => resolve(error ? ((error as { code?: number }).code ?? 1) : 0),
      ),
    )
    // Findings make the scan exit 1; the drafts are written before it exits.
    expect(scanned).toBe(1)
  } finally {
    await site.close()
  }
  const draftId = 'drafts.cookie-cookies-scan-hjid'
  expect(storedById(draftId)).toMatchObject({ name: '_hjid', scan: { phase: 'before' } })

  await page.goto(`${STUDIO}/structure`)
  await page.getByTestId('pane-item-Scan findings').click()
  const findings = paneItems(page, 'Scan findings: undeclared cookies, drafted')
  await expect(findings.filter({ hasText: '_hjid' })).toHaveCount(1)
  await findings.filter({ hasText: '_hjid' }).click()
  // Drafted from the Open Cookie Database, in English; the binding French text is the editor's to write.
  await expect(page.locator('#purpose\\.en')).toHaveValue(/^Hotjar cookie\./)
  await expect(page.locator('#purpose\\.fr')).toHaveValue('')
  await expect(page.getByTestId('form-view')).toContainText('Found by a scan')
  // Until the editor writes it, the binding text is missing: an error, and nothing can be published (the
  // German translation missing is only advice).
  const publish = page.getByTestId('action-publish')
  await expect(publish).toBeDisabled()
  await page.locator('#purpose\\.fr').fill('Identifier le visiteur pour la mesure Hotjar')
  await expect(publish).toBeEnabled({ timeout: 15_000 })
  await screenshot(page, 'scan-finding')
  await publish.click()
  await expect
    .poll(() => [storedById('cookie-cookies-scan-hjid')?.purpose, storedById(draftId)])
    .toEqual([
      {
        _type: 'localeText',
        fr: 'Identifier le visiteur pour la mesure Hotjar',
        en: expect.stringMatching(/^Hotjar cookie\./),
      },
      undefined,
    ])

  // The version in force shows the scan checked against it.
  await page.goto(`${STUDIO}/structure`)
  await page.getByTestId('pane-item-Policies').click()
  await paneItems(page, 'Policies').first().click()
  await page.getByTestId('pane-item-Published versions, newest first').click()
  await paneItems(page, 'Versions').first().click()
  await page.getByRole('tab', { name: 'Evidence' }).click()
  const evidence = page.getByTestId('version-evidence')
  await expect(evidence).toContainText(`UTC · pages: ${scannedPage}`)
  await expect(evidence).toContainText('Reject honoured: no')
  await expect(evidence).toContainText('GPC honoured: no')
  await expect(evidence).toContainText('Nothing undeclared: no')
  await expect(evidence).toContainText('_hjid (127.0.0.1) · before')
})

/** Sanity's own words the test clicks, as its French and German locale plugins say them. */
const SANITY_FR = {
  publish: 'Publier',
  validation: 'Validation',
  actions: 'Ouvrir les actions du document',
}
const SANITY_DE = {
  publish: 'Veröffentlichen',
  validation: 'Validierung',
  actions: 'Dokumentaktionen öffnen',
}

/** The French editor's guide's pictures (docs/studio/fr/). */
const frenchScreenshot = (page: Page, lang: 'fr' | 'de', name: string) =>
  lang === 'fr' ? screenshot(page, `fr/${name}`) : Promise.resolve()

/**
 * Our English words an editor of another language must not see: every one that language says otherwise, by
 * the literal parts around its placeholders.
 */
function ourEnglish(lang: 'fr' | 'de'): string[] {
  const keys = Object.keys(STUDIO_WORDS.en) as StudioKey[]
  const parts = keys
    .filter((key) => STUDIO_WORDS[lang][key] !== STUDIO_WORDS.en[key])
    .flatMap((key) => STUDIO_WORDS.en[key].split(/\{\{\w+\}\}/))
    .map((part) => part.replace(/^[\s(:·,.]+|[\s(:·,.]+$/g, ''))
  // A part that the language itself uses ("version", "Cookies") says nothing.
  const theirs = Object.values(STUDIO_WORDS[lang]).join('\n')
  return [...new Set(parts)].filter((part) => part.length >= 4 && !word(part).test(theirs))
}

/** A whole word or phrase, in any script: "Unit" is not in "Unité". */
const word = (text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, 'u')

/** Every text of the dataset's documents (the policy's words, in any language), longest first. */
function contentTexts(): string[] {
  const texts = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 3) texts.add(value)
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit)
  }
  stored().forEach(visit)
  return [...texts].sort((a, b) => b.length - a.length)
}

/**
 * The English words of ours that the page shows, read from its visible text once the policy's own texts are
 * set aside (a French category title says "Site" in a German Studio: the policy's words, not ours).
 */
async function englishLeft(page: Page, lang: 'fr' | 'de'): Promise<string[]> {
  let visible = await page.locator('body').innerText()
  for (const text of contentTexts()) visible = visible.replaceAll(text, ' ')
  return ourEnglish(lang).filter((english) => word(english).test(visible))
}

test.describe('the Studio in its editor’s language', () => {
  // A French browser: the Studio starts in French, the deployment's first language, as a new editor sees it.
  test.use({ locale: 'fr-FR' })

  test('in French, then in German: the structure, a cookie, the CNIL message and the publish dialog, with no English word of ours', async ({
    page,
  }) => {
    const jwt = `${CATALOG};cookieCategory-cookies-necessary;cookie-cookies-im_web_jwt`
    const tracking = `${CATALOG};cookieCategory-cookies-analytics;${COOKIE}`
    for (const [lang, words] of [
      ['fr', STUDIO_WORDS.fr],
      ['de', STUDIO_WORDS.de],
    ] as const) {
      // The structure, and a cookie's fields with their descriptions, in the list by category.
      await page.goto(jwt)
      await expect(
        page
          .getByTestId('pane-header')
          .getByText(words['structure.cookiesByCategory'], { exact: true }),
      ).toBeVisible()
      const form = page.getByTestId('form-view')
      await expect(form).toContainText(words['cookie.retention'])
      await expect(form).toContainText(words['cookie.retention.help'])
      await expect(form).toContainText(words['cookie.purpose.help'])
      // A category in the list is named in the editor's language when it has a text there, else in the
      // policy's binding one: French, as the seed has no German.
      await expect(paneItems(page, words['structure.cookiesByCategory']).first()).toContainText(
        'Les cookies internes nécessaires au fonctionnement du Site',
      )
      expect(await englishLeft(page, lang)).toEqual([])
      await frenchScreenshot(page, lang, `structure`)

      // The CNIL's 13-month rule, as the editor reads it in the document's validation.
      await page.goto(tracking)
      await page.locator('#retention\\.amount').fill('14')
      await page
        .locator('#retention\\.unit')
        .selectOption({ label: lang === 'fr' ? 'mois' : 'Monate' })
      await expect
        .poll(() => storedById(`drafts.${COOKIE}`)?.retention)
        .toMatchObject({ amount: 14, unit: 'month' })
      await page
        .getByRole('button', { name: (lang === 'fr' ? SANITY_FR : SANITY_DE).validation })
        .click()
      const cnil = page.getByRole('button', {
        name: `${words['cookie.retention']} / ${words['retention.kind']} ${words['rule.thirteenMonths']}`,
      })
      await expect(cnil).toBeVisible()
      // Sanity's own words, from its locale plugins.
      const sanity = lang === 'fr' ? SANITY_FR : SANITY_DE
      await expect(page.getByRole('button', { name: sanity.publish, exact: true })).toBeDisabled()
      expect(await englishLeft(page, lang)).toEqual([])
      await frenchScreenshot(page, lang, `cnil-message`)

      // The publish dialog: the differences since the last version, the date, consent per category.
      await page.goto(`${STUDIO}/structure`)
      await page.getByTestId(`pane-item-${words['structure.policies']}`).click()
      await page.locator('[data-testid^="pane-item-"]').filter({ hasText: '/cookies' }).click()
      await page.getByTestId(`pane-item-${words['structure.textAndSettings']}`).click()
      await page
        .getByRole('button', { name: (lang === 'fr' ? SANITY_FR : SANITY_DE).actions })
        .click()
      await page.getByRole('menuitem', { name: words['publish.action'] }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toContainText(words['policyVersion.consentChanges'])
      await expect(dialog).toContainText(words['changes.cookiesAdded'])
      await expect(dialog.locator('#summary-fr')).toBeVisible()
      await expect(dialog.getByText(words['publish.consentIntro'])).toBeVisible()
      expect(await englishLeft(page, lang)).toEqual([])
      await frenchScreenshot(page, lang, `publish-dialog`)
      await page.keyboard.press('Escape')

      // A published version, read-only.
      await page.getByTestId(`pane-item-${words['structure.versions']}`).click()
      await page
        .locator('[data-testid^="pane-item-"]')
        .filter({
          hasText: new RegExp(
            `^${words['preview.version'].replace('{{version}}', '2').split(' · ')[0]}`,
          ),
        })
        .click()
      await expect(page.getByTestId('form-view').locator('#version')).toHaveValue('2')
      expect(await englishLeft(page, lang)).toEqual([])
      await frenchScreenshot(page, lang, `read-only-version`)

      if (lang === 'fr') {
        // The editor picks German in the Studio's language menu: the Studio starts again in German.
        await page.getByTestId('editor-language').click()
        await page.getByRole('menuitem', { name: 'Deutsch' }).click()
        await expect(page.getByTestId('editor-language')).toHaveText('Deutsch')
      }
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
