// Regenerates the bundled dataset (content/dataset.ndjson) from the bundled policy texts, French then English.
import { importPolicy, parsePolicyText } from '@cookie-policy/schemas/import'
import { readFile } from 'node:fs/promises'
import type { SanityDocument } from '@cookie-policy/schemas/dataset'
import { runCli } from './cli'
import { writeDatasetFile } from './datasetFile'
import { bundledDataset, bundledTexts } from './paths'

/** The bundled dataset as the importer makes it from nothing. */
export async function buildBundledDataset(): Promise<SanityDocument[]> {
  let documents: SanityDocument[] = []
  for (const { file, lang } of bundledTexts) {
    const parsed = parsePolicyText(await readFile(file, 'utf8'), file)
    documents = (await importPolicy(documents, parsed, { lang })).documents
  }
  return documents
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli('Usage: npm run build-dataset', async () => {
    const documents = await buildBundledDataset()
    await writeDatasetFile(bundledDataset, documents)
    console.log(`${bundledDataset}: ${documents.length} documents from ${bundledTexts.length} policy texts`)
  })
}
