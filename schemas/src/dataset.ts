// Sanity NDJSON datasets: read and write them faithfully, and run GROQ over them with groq-js.
import { evaluate, parse } from 'groq-js'
import type { QueryResult, RunQuery } from './queries'

export interface SanityDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`)
    this.name = 'DatasetError'
  }
}

/** Parses `sanity dataset export` NDJSON; names the file and line of anything that is not a document. */
export function parseNdjson(text: string, file: string): SanityDocument[] {
  const documents: SanityDocument[] = []
  const seen = new Map<string, number>()
  text.split('\n').forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      throw new DatasetError(file, line, `not valid JSON (${(error as Error).message})`)
    }
    if (!isDocument(value))
      throw new DatasetError(file, line, 'a document needs a string "_id" and "_type"')
    const previous = seen.get(value._id)
    if (previous !== undefined)
      throw new DatasetError(file, line, `"_id" ${value._id} already used on line ${previous}`)
    seen.set(value._id, line)
    documents.push(value)
  })
  return documents
}

function isDocument(value: unknown): value is SanityDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  return (
    typeof record._id === 'string' &&
    record._id !== '' &&
    typeof record._type === 'string' &&
    record._type !== ''
  )
}

/** One document a line, ordered by `_id`, keys sorted: the same documents always give the same bytes. */
export function serializeNdjson(documents: readonly SanityDocument[]): string {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return (
    sorted.map((document) => JSON.stringify(sortKeys(document))).join('\n') +
    (sorted.length ? '\n' : '')
  )
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => [key, sortKeys(record[key])]),
    )
  }
  return value
}

/** Drafts (`drafts.` ids) and release versions (`versions.` ids) are never public. */
function isPublishedId(id: string): boolean {
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}

/**
 * The Content Lake's drafts perspective: each document as edited, a draft (`drafts.` id) standing in for
 * its published document under the published id, and never-published drafts included.
 */
function withDrafts(documents: readonly SanityDocument[]): SanityDocument[] {
  const byId = new Map<string, SanityDocument>()
  for (const document of documents) {
    if (document._id.startsWith('versions.')) continue
    const draft = document._id.startsWith('drafts.')
    const id = draft ? document._id.slice('drafts.'.length) : document._id
    if (draft || !byId.has(id)) byId.set(id, { ...document, _id: id })
  }
  return [...byId.values()]
}

/** Runs GROQ over documents the way the Content Lake's published (or drafts) perspective does. */
export function createGroqRunner(
  documents: readonly SanityDocument[],
  perspective: 'published' | 'drafts' = 'published',
): RunQuery {
  const published =
    perspective === 'drafts'
      ? withDrafts(documents)
      : documents.filter((document) => isPublishedId(document._id))
  return async (query, params = {}) => {
    const tree = parse(query, { params })
    const value = await evaluate(tree, { dataset: published, params })
    // groq-js evaluates any GROQ; the result's type is the one typegen generated for this query.
    return (await value.get()) as QueryResult<typeof query>
  }
}
