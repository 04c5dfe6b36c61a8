// Shared browser-test helpers: the two running sites, table reading and accessibility checks.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const SEED = 'http://127.0.0.1:3101'
export const FIXTURE = 'http://127.0.0.1:3102'

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

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}
