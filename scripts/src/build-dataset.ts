// Regenerates every dataset the repository ships (the bundled one, the browser-test fixtures) from its policy texts.
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { SanityDocument } from '@cookie-policy/schemas/dataset'
import { importPolicy, parsePolicyText } from '@cookie-policy/schemas/import'
import { runCli } from './cli'
import { writeDatasetFile } from './datasetFile'
import { datasetRecipes, repoRoot, type DatasetRecipe } from './paths'

/** A dataset as the importer makes it from nothing. */
export async function buildDataset(recipe: DatasetRecipe): Promise<SanityDocument[]> {
  let documents: SanityDocument[] = []
  for (const { file, options } of recipe.steps) {
    const parsed = parsePolicyText(await readFile(file, 'utf8'), file)
    documents = (await importPolicy(documents, parsed, options)).documents
  }
  return documents
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli('Usage: npm run build-dataset', async () => {
    for (const recipe of datasetRecipes) {
      const documents = await buildDataset(recipe)
      await writeDatasetFile(recipe.output, documents)
      console.log(
        `${relative(repoRoot, recipe.output)}: ${documents.length} documents from ${recipe.steps.length} policy texts`,
      )
    }
  })
}
