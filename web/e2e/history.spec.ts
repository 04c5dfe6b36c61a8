// Version history on a dataset with three versions: 1 (2021), 2 in force since 2024, 3 announced for 2099.
import { expect, test } from '@playwright/test'
import { cookieRows, expectNoAxeViolations, FIXTURE } from './helpers'

test('the policy page serves the version in force, not the upcoming one', async ({ page }) => {
  await page.goto(`${FIXTURE}/fr/cookies`)
  await expect(page.locator('.version-line')).toHaveText(
    'Version applicable depuis le 1er juin 2024',
  )
  const names = (await cookieRows(page)).map((row) => row[1])
  expect(names).toContain('_ga_*')
  expect(names).not.toContain('.segment.com')
  expect(names).not.toContain('.doubleclick.net')
})

test('the history lists every version newest first with its state and consent mark', async ({
  page,
}) => {
  await page.goto(`${FIXTURE}/fr/cookies/versions`)
  await expect(page.locator('h1')).toHaveText(
    "Politique d'InMemori relative aux cookies : historique des versions",
  )
  const entries = await page
    .locator('.version-list > li')
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('h2')?.textContent,
        item.querySelector('.version-meta')?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    )
  expect(entries).toEqual([
    [
      'Version 3',
      'À venir Version applicable à partir du 1er janvier 2099 Nouveau consentement demandé',
    ],
    // Version 2 added an analytics cookie: a material change, so consent was asked again (for it).
    [
      'Version 2',
      'En vigueur Version applicable depuis le 1er juin 2024 Nouveau consentement demandé',
    ],
    [
      'Version 1',
      'Remplacée Version applicable depuis le 9 mars 2021 Nouveau consentement demandé',
    ],
  ])
  await expect(page.locator('.version-list > li').nth(1).locator('.version-summary')).toHaveText(
    'Cookie ajouté : _ga_* ; cookie retiré : .segment.com ; cookie modifié : im_lang ; catégories modifiées ; texte modifié (section 2.3, 3).',
  )
  await expect(page.getByRole('link', { name: 'Version 2', exact: true })).toHaveAttribute(
    'href',
    '/fr/cookies/versions/2',
  )
  await expectNoAxeViolations(page)
})

test('a version page shows what changed since the previous version', async ({ page }) => {
  await page.goto(`${FIXTURE}/fr/cookies/versions/2`)
  await expect(page.locator('h1')).toHaveText(
    "Politique d'InMemori relative aux cookies · Version 2",
  )
  await expect(page.locator('.notice')).toHaveText('En vigueur')
  await expect(page.locator('#changes-title')).toHaveText('Modifications depuis la version 1')
  await expect(page.locator('[data-diff="cookies-added"] li')).toHaveText([
    "_ga_* (catégorie Les cookies d'analyse et de statistiques d'audience)",
  ])
  await expect(page.locator('[data-diff="cookies-removed"] li')).toHaveText([
    ".segment.com (catégorie Les cookies d'analyse et de statistiques d'audience)",
  ])
  const changed = page.locator('[data-diff="cookies-changed"] table')
  await expect(changed.locator('caption')).toHaveText(['im_lang'])
  await expect(changed.locator('tbody tr')).toHaveText([/Durée de conservation\s*Session\s*1 an/])
  await expect(page.locator('[data-diff="categories-renamed"] li')).toHaveText([
    "Les cookies tiers destinés à améliorer l'interactivité du Site → Les cookies de fonctionnalités du Site",
  ])
  const section3 = page.locator('[data-diff="sections"] .text-diff').last()
  // The words both texts share ("sur", the final stop) stay unmarked between the corrections.
  await expect(section3.locator('del')).toHaveText([
    'vous informer',
    'vos cookies pour les accepter ou les refuser',
  ])
  await expect(section3.locator('ins')).toHaveText([
    'modifier vos choix en cliquant',
    '« Gérer mes préférences » en haut de cette page',
  ])
  await expect(section3).toHaveText(
    'COMMENT PARAMÉTRER VOS PRÉFÉRENCES EN MATIÈRE DE COOKIES ?\nVous pouvez à tout moment vous informer modifier vos choix en cliquant sur vos cookies pour les accepter ou les refuser« Gérer mes préférences » en haut de cette page.',
  )
  await expectNoAxeViolations(page)
})

test('an earlier version is shown exactly as it was published', async ({ page }) => {
  await page.goto(`${FIXTURE}/fr/cookies/versions/1`)
  await expect(page.locator('.notice')).toContainText(
    'Cette version n’est pas la version en vigueur. Cette version a été remplacée : elle n’est plus en vigueur.',
  )
  await expect(
    page.getByRole('link', { name: 'Voir la version en vigueur' }).last(),
  ).toHaveAttribute('href', '/fr/cookies')
  const rows = await cookieRows(page)
  expect(rows.map((row) => row[1])).toContain('.segment.com')
  expect(rows.find((row) => row[1] === 'im_lang')?.[4]).toBe('Session')
  await expect(page.locator('.version-line')).toHaveText('Version applicable depuis le 9 mars 2021')
  await expect(page.locator('#changes-title')).toHaveCount(0)
})

test('an upcoming version has its page, marked as not yet in force', async ({ page }) => {
  await page.goto(`${FIXTURE}/en/cookies/versions/3`)
  await expect(page.locator('.notice')).toContainText(
    'This version is not the version in force. This version is not in force yet: it applies from 1 January 2099.',
  )
  await expect(page.locator('.version-line')).toHaveText('In force from 1 January 2099')
  await expect(page.locator('[data-diff="categories-added"] li')).toHaveText([
    'Les cookies publicitaires',
  ])
  await expect(page.locator('[data-diff="cookies-added"] li')).toHaveText([
    '.doubleclick.net (category Les cookies publicitaires)',
  ])
  await expectNoAxeViolations(page)
})

test('any two versions can be compared, by range or with ?compare=', async ({ page }) => {
  await page.goto(`${FIXTURE}/fr/cookies/versions/1...3`)
  await expect(page.locator('h1')).toHaveText('Différences entre les versions 1 et 3')
  await expect(page.locator('[data-diff="cookies-added"] li')).toHaveText([
    "_ga_* (catégorie Les cookies d'analyse et de statistiques d'audience)",
    '.doubleclick.net (catégorie Les cookies publicitaires)',
  ])
  await expectNoAxeViolations(page)
  await page.goto(`${FIXTURE}/fr/cookies/versions/3?compare=1`)
  await expect(page.locator('#changes-title')).toHaveText('Différences entre les versions 1 et 3')
  await expect(page.locator('[data-diff="cookies-removed"] li')).toHaveText([
    ".segment.com (catégorie Les cookies d'analyse et de statistiques d'audience)",
  ])
  await page.goto(`${FIXTURE}/en/cookies/versions/1...3`)
  await expect(page.locator('h1')).toHaveText('Differences between versions 1 and 3')
  await expectNoAxeViolations(page)
  expect((await page.request.get(`${FIXTURE}/fr/cookies/versions/4`)).status()).toBe(404)
  expect((await page.request.get(`${FIXTURE}/fr/cookies/versions/2...4`)).status()).toBe(404)
})

test('English pages show untranslated text in French with a visible note', async ({ page }) => {
  await page.goto(`${FIXTURE}/en/cookies`)
  await expect(page.locator('.fallback-page-note')).toHaveText(
    'Parts of this page exist only in French; they are shown in French.',
  )
  const gaRow = (await cookieRows(page)).find((row) => row[1] === '_ga_*')
  expect(gaRow).toEqual([
    'Analytics and audience measurement cookies',
    '_ga_*',
    'Analytique (French version only)',
    "Mesurer l'audience du site (French version only)",
    '13 months',
  ])
  await expect(
    page.locator('td [lang="fr"]', { hasText: "Mesurer l'audience du site" }),
  ).toHaveCount(1)
  await expectNoAxeViolations(page)
})
