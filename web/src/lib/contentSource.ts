// The one content source: GROQ with params, over the local NDJSON dataset (groq-js) or Sanity's Content Lake.
// Both run the same query strings; both see published documents only. Nothing else in web/ knows which it reads.
import { readFile, stat } from 'node:fs/promises'
import { createClient } from '@sanity/client'
import { createGroqRunner, parseNdjson, type QueryParams } from '@cookie-policy/schemas/dataset'
import { contentSourceConfig, type ContentSourceConfig } from './env'

type Runner = <R>(query: string, params?: QueryParams) => Promise<R>

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
    .then((text) => ({ file, version, run: createGroqRunner(parseNdjson(text, file)) as Runner }))
    .finally(() => {
      loading = null
    })
  const state = await loading
  // Keep the last good dataset if the file changed while it was read; the next call reads it again.
  embedded = state
  return state
}

let sanityClient: { key: string; client: ReturnType<typeof createClient> } | null = null

function sanityRunner(config: Extract<ContentSourceConfig, { kind: 'sanity' }>): Runner {
  const key = JSON.stringify(config)
  if (sanityClient?.key !== key) {
    sanityClient = {
      key,
      client: createClient({
        projectId: config.projectId,
        dataset: config.dataset,
        apiVersion: config.apiVersion,
        useCdn: config.useCdn,
        perspective: 'published',
        ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
      }),
    }
  }
  const client = sanityClient.client
  return (query, params = {}) => client.fetch(query, params)
}

export async function runQuery<R>(query: string, params: QueryParams = {}): Promise<R> {
  const config = contentSourceConfig()
  if (config.kind === 'sanity') return sanityRunner(config)<R>(query, params)
  const { run } = await embeddedRunner(config.datasetFile)
  return run<R>(query, params)
}

/** An identifier of the content now served: changes whenever the dataset does (embedded) or per call (Sanity). */
export async function contentVersion(): Promise<string | null> {
  const config = contentSourceConfig()
  if (config.kind === 'sanity') return null
  return (await embeddedRunner(config.datasetFile)).version
}
