// Test helpers: the bundled policy texts, fixtures, and datasets built by the real importer.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createGroqRunner, type SanityDocument } from '../src/dataset'
import { importPolicy, parsePolicyText, type ImportOptions } from '../src/import'

export const contentDir = fileURLToPath(new URL('../../content/', import.meta.url))
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url))

export const seedFr = readFileSync(`${contentDir}inmemori-cookies.fr.txt`, 'utf8')
export const seedEn = readFileSync(`${contentDir}inmemori-cookies.en.txt`, 'utf8')

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
