// The one content source: GROQ with params, over the local NDJSON dataset (groq-js) or Sanity's Content Lake.
// Both run the same query strings; both see published documents only. Nothing else in web/ knows which it reads.
import { readFile, stat } from 'node:fs/promises'
import { createClient } from '@sanity/client'
import { createGroqRunner, parseNdjson } from '@cookie-policy/schemas/dataset'
import type { QueryResult, RunQuery } from '@cookie-policy/schemas/queries'
import { contentSourceConfig, type ContentSourceConfig } from './env'

type Runner = RunQuery

interface EmbeddedState {
  file: string
  version: string
  run: Runner
}

let embedded: EmbeddedState | null = null
let loading: Promise<EmbeddedState> | null = null

/** Re-reads the dataset file when it changes, so an import shows on the site without a rebuild. */
async function embeddedRunner(file: string): Promise<{ run: Runner; version: string }> {
  const info = await stat(file).catch(() => {
    throw new Error(
      `POLICY_DATASET ${file}: no such file (import a policy with npm run import-policy)`,
    )
  })
  const version = `${info.mtimeMs}:${info.size}`
  if (embedded?.file === file && embedded.version === version) return embedded
  loading ??= readFile(file, 'utf8')
    .then((text) => ({ file, version, run: createGroqRunner(parseNdjson(text, file)) }))
    .finally(() => {
      loading = null
    })
  const state = await loading
  // Keep the last good dataset if the file changed while it was read; the next call reads it again.
  embedded = state
  return state
}

let sanityRun: Runner | null = null

/** One client per process, like the configuration it is made from. */
function sanityRunner(sanity: Extract<ContentSourceConfig, { kind: 'sanity' }>): Runner {
  if (!sanityRun) {
    const client = createClient({
      projectId: sanity.projectId,
      dataset: sanity.dataset,
      apiVersion: sanity.apiVersion,
      useCdn: sanity.useCdn,
      perspective: 'published',
      ...(sanity.apiHost ? { apiHost: sanity.apiHost, useProjectHostname: false } : {}),
    })
    sanityRun = (query, params = {}) => client.fetch<QueryResult<typeof query>>(query, params)
  }
  return sanityRun
}

// Read and checked once per process (the environment does not change under a running server).
let config: ContentSourceConfig | null = null
const currentConfig = (): ContentSourceConfig => (config ??= contentSourceConfig())

export const runQuery: RunQuery = async (query, params = {}) => {
  const source = currentConfig()
  if (source.kind === 'sanity') return sanityRunner(source)(query, params)
  const { run } = await embeddedRunner(source.datasetFile)
  return run(query, params)
}

/** An identifier of the content now served: changes whenever the dataset does (embedded) or per call (Sanity). */
export async function contentVersion(): Promise<string | null> {
  const source = currentConfig()
  if (source.kind === 'sanity') return null
  return (await embeddedRunner(source.datasetFile)).version
}
