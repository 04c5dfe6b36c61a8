// Sanity NDJSON datasets: read and write them faithfully, and run GROQ over them with groq-js.
import { evaluate, evaluateSync, parse, toJS } from 'groq-js'
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

/** A line longer than this is a large document: its large fields are parsed when read, not kept parsed. */
const LARGE_LINE_BYTES = 8_192
/** A field with more values than this, in a large document, is a large field. */
const LARGE_FIELD_VALUES = 256
/** How many large documents are kept parsed at once (those being read by the queries now running). */
const PARSED_LARGE_DOCUMENTS = 8

/** The exact line a large document was read from: written back as it was when the document is unchanged. */
const sourceLines = new WeakMap<SanityDocument, Buffer>()
const parsedLarge = new Map<Buffer, SanityDocument>()

/** The whole of a large document, parsed again from its line (the few most recent are kept). */
function parseLarge(line: Buffer): SanityDocument {
  let parsed = parsedLarge.get(line)
  if (parsed) {
    parsedLarge.delete(line)
  } else {
    parsed = JSON.parse(line.toString('utf8')) as SanityDocument
    if (parsedLarge.size >= PARSED_LARGE_DOCUMENTS)
      parsedLarge.delete(parsedLarge.keys().next().value!)
  }
  parsedLarge.set(line, parsed)
  return parsed
}

/** Counts the values of a JSON value, stopping past `limit`. */
function valueCount(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 1
  let count = 1
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    count += valueCount(item, limit - count)
    if (count > limit) break
  }
  return count
}

/**
 * A large document whose large fields (a version's catalog snapshot, its text) stay as bytes until a query reads
 * them: a history of a hundred versions then costs its bytes in memory, not a hundred parsed catalogs. Its
 * fields are read-only; a changed document is a new object.
 */
function lazyDocument(whole: SanityDocument, line: Buffer, id = whole._id): SanityDocument {
  const document = {} as SanityDocument
  for (const [key, value] of Object.entries(whole)) {
    if (key !== '_id' && valueCount(value, LARGE_FIELD_VALUES) > LARGE_FIELD_VALUES) {
      Object.defineProperty(document, key, {
        enumerable: true,
        get: () => parseLarge(line)[key],
      })
    } else {
      Object.defineProperty(document, key, { enumerable: true, value: key === '_id' ? id : value })
    }
  }
  if (id === whole._id) sourceLines.set(document, line)
  return document
}

/** The same document under another `_id`, large fields still unparsed. */
function withId(document: SanityDocument, id: string): SanityDocument {
  const line = sourceLines.get(document)
  return line ? lazyDocument(document, line, id) : { ...document, _id: id }
}

/**
 * Parses `sanity dataset export` NDJSON; names the file and line of anything that is not a document. Large
 * documents keep their large fields as bytes, parsed when a query reads them.
 */
export function parseNdjson(input: string | Buffer, file: string): SanityDocument[] {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input
  const documents: SanityDocument[] = []
  const seen = new Map<string, number>()
  let line = 0
  for (let start = 0; start < bytes.length;) {
    line++
    const newline = bytes.indexOf(10, start)
    const end = newline === -1 ? bytes.length : newline
    const raw = bytes.subarray(start, end)
    start = end + 1
    const text = raw.toString('utf8')
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new DatasetError(file, line, `not valid JSON (${(error as Error).message})`)
    }
    if (!isDocument(value))
      throw new DatasetError(file, line, 'a document needs a string "_id" and "_type"')
    const previous = seen.get(value._id)
    if (previous !== undefined)
      throw new DatasetError(file, line, `"_id" ${value._id} already used on line ${previous}`)
    seen.set(value._id, line)
    documents.push(raw.length > LARGE_LINE_BYTES ? lazyDocument(value, raw) : value)
  }
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

/**
 * One document a line, ordered by `_id`, keys sorted: the same documents always give the same bytes. A large
 * document read from a file and not changed is written back as the line it was read from.
 */
export function ndjsonLines(documents: readonly SanityDocument[]): (string | Buffer)[] {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return sorted.map((document) => sourceLines.get(document) ?? JSON.stringify(sortKeys(document)))
}

export function serializeNdjson(documents: readonly SanityDocument[]): string {
  return ndjsonLines(documents)
    .map((line) => `${line.toString()}\n`)
    .join('')
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
    if (draft || !byId.has(id)) byId.set(id, draft ? withId(document, id) : document)
  }
  return [...byId.values()]
}

/** Runs GROQ over documents the way the Content Lake's published (or drafts) perspective does. */
export function createGroqRunner(
  documents: readonly SanityDocument[],
  perspective: 'published' | 'drafts' = 'published',
): RunQuery {
  let dataset: SanityDocument[] | null = null
  let byId: Map<string, SanityDocument> | null = null
  return async (query, params = {}) => {
    // Made on the first query: a runner that is never asked costs nothing.
    dataset ??=
      perspective === 'drafts'
        ? withDrafts(documents)
        : documents.filter((document) => isPublishedId(document._id))
    const ids = (byId ??= new Map(dataset.map((document) => [document._id, document])))
    const tree = parse(query, { params })
    const options = {
      dataset,
      params,
      // A reference is followed by id, not by a scan of the whole dataset.
      dereference: ({ _ref }: { _ref: string }) => ids.get(_ref) ?? null,
    }
    // groq-js evaluates any GROQ; the result's type is the one typegen generated for this query.
    try {
      // Synchronous: every document is in memory, and groq-js's async path costs a promise per value.
      return toJS(evaluateSync(tree, options)) as QueryResult<typeof query>
    } catch {
      // groq-js evaluates only part of GROQ synchronously: the rest takes the general path.
      return (await (await evaluate(tree, options)).get()) as QueryResult<typeof query>
    }
  }
}
