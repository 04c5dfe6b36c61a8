// Test helpers: the bundled policy texts, fixtures, and datasets built by the real importer.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createGroqRunner, type SanityDocument } from '../src/dataset'
import { importPolicy, parsePolicyText, type ImportOptions } from '../src/import'
import { readPolicyState, readVersions, type FullVersion, type PolicyState } from '../src/state'

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url))
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url))

export const seedFr = readFileSync(`${contentDir}cookies.fr.txt`, 'utf8')
export const seedEn = readFileSync(`${contentDir}cookies.en.txt`, 'utf8')

export function fixture(name: string): string {
  return readFileSync(`${fixturesDir}${name}`, 'utf8')
}

/** Applies texts in order, as the CLI would, and returns the documents. */
export async function importTexts(
  steps: { text: string; file?: string; options?: Partial<ImportOptions> }[],
  start: SanityDocument[] = [],
): Promise<SanityDocument[]> {
  let documents = start
  for (const step of steps) {
    const parsed = parsePolicyText(step.text, step.file ?? 'policy.txt')
    documents = (await importPolicy(documents, parsed, { lang: 'fr', ...step.options })).documents
  }
  return documents
}

export async function seedDataset(): Promise<SanityDocument[]> {
  return importTexts([{ text: seedFr }, { text: seedEn, options: { lang: 'en' } }])
}

export function query(documents: SanityDocument[]) {
  return createGroqRunner(documents)
}

/** Noon UTC on a calendar day: the same day in Europe/Paris and Europe/London. */
export function noon(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}

/** The state of a policy and its latest version in full, as the site and the importer read them. */
export async function latestVersion(
  documents: SanityDocument[],
  slug = 'cookies',
): Promise<{ state: PolicyState; latest: FullVersion }> {
  const run = query(documents)
  const state = await readPolicyState(run, slug)
  if (!state?.latest) throw new Error(`no version of "${slug}"`)
  const [latest] = await readVersions(run, slug, [state.latest.version])
  if (!latest) throw new Error(`version ${state.latest.version} of "${slug}" not found`)
  return { state, latest }
}
