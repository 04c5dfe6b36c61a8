// CLI: npm run seed:sanity -- [--dataset <file.ndjson>] [--dry-run]
// Sends a dataset file (the bundled one by default) to a Sanity project's dataset in one transaction per
// batch. Published versions are created only if absent: a version already in the Content Lake is never
// overwritten. Needs SANITY_PROJECT_ID, SANITY_DATASET and SANITY_AUTH_TOKEN (a token with write access).
import { parseArgs } from 'node:util'
import type { SanityDocument } from '@cookie-policy/schemas/dataset'
import { runCli, UsageError, userPath } from './cli'
import { contentLakeWriter, WRITE_VARIABLES } from './contentLake'
import { readDatasetFile } from './datasetFile'
import { bundledDataset } from './paths'

const usage = `Usage: npm run seed:sanity -- [--dataset <file.ndjson>] [--dry-run]

Environment: SANITY_PROJECT_ID, SANITY_DATASET, SANITY_AUTH_TOKEN (write access).`

const BATCH = 100

interface SeedPlan {
  upserts: SanityDocument[]
  createOnly: SanityDocument[]
}

/** Versions are what visitors were told: created when missing, never replaced. Everything else is upserted. */
function seedPlan(documents: SanityDocument[]): SeedPlan {
  return {
    upserts: documents.filter((document) => document._type !== 'policyVersion'),
    createOnly: documents.filter((document) => document._type === 'policyVersion'),
  }
}

await runCli(usage, async () => {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const file = values.dataset ? userPath(values.dataset) : bundledDataset
  const documents = await readDatasetFile(file)
  if (documents.length === 0) throw new UsageError(`${file}: no documents to send`)
  const plan = seedPlan(documents)
  console.error(
    `${file}: ${plan.upserts.length} documents to create or replace, ${plan.createOnly.length} versions to create if absent`,
  )
  if (values['dry-run']) return
  const client = contentLakeWriter()
  if (!client) throw new UsageError(`set ${WRITE_VARIABLES}`)
  const { projectId, dataset } = client.config()
  const all = [
    ...plan.upserts.map((document) => ({ document, create: false })),
    ...plan.createOnly.map((document) => ({ document, create: true })),
  ]
  for (let start = 0; start < all.length; start += BATCH) {
    const transaction = client.transaction()
    for (const { document, create } of all.slice(start, start + BATCH)) {
      if (create) transaction.createIfNotExists(document)
      else transaction.createOrReplace(document)
    }
    await transaction.commit({ visibility: 'async' })
    console.error(`sent ${Math.min(start + BATCH, all.length)}/${all.length}`)
  }
  console.log(`${projectId}/${dataset}: ${all.length} documents seeded from ${file}`)
})
