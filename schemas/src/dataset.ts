// Sanity NDJSON datasets: read and write them faithfully, and run GROQ over them with groq-js.
import { close, closeSync, fstatSync, open, read, readSync } from 'node:fs'
import { promisify } from 'node:util'
import { evaluate, evaluateSync, parse, toJS } from 'groq-js'
import { objectFields } from './jsonFields'
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
/** A field of a large document longer than this is a large field. */
const LARGE_FIELD_BYTES = 1_024
/** How many large fields are kept parsed at once: the two versions a comparison reads. */
const PARSED_LARGE_FIELDS = 2

/** A dataset file, open while any of its large documents may still be read. */
class OpenFile {
  /** Its size and time when read: a file rewritten in place (not replaced) since is refused, not misread. */
  readonly stamp: string
  constructor(
    readonly fd: number,
    readonly path: string,
  ) {
    this.stamp = stampOf(fd)
  }
}

function stampOf(fd: number): string {
  const { size, mtimeMs } = fstatSync(fd)
  return `${size}:${mtimeMs}`
}

/** Bytes of an open dataset file, checked: all of them, from the file as it was read. */
function readFrom(file: OpenFile, into: Buffer, length: number, position: number): void {
  if (stampOf(file.fd) !== file.stamp)
    throw new DatasetError(
      file.path,
      null,
      'the file was rewritten in place while it was in use: write a dataset by replacing the file (write a new file, then rename it over the old one)',
    )
  if (readSync(file.fd, into, 0, length, position) !== length)
    throw new DatasetError(file.path, null, 'the file is shorter than when it was read')
}
const closeWhenUnused = new FinalizationRegistry<number>((fd) => close(fd, () => undefined))

/** Where a large document's line is: in memory, or at a place in a file, read when a field of it is. */
type Line = Buffer | { file: OpenFile; offset: number; length: number }

/** Bytes [start, end) of a line. */
function bytesOf(line: Line, start = 0, end = line.length): Buffer {
  if (Buffer.isBuffer(line)) return line.subarray(start, end)
  const bytes = Buffer.allocUnsafe(end - start)
  readFrom(line.file, bytes, end - start, line.offset + start)
  return bytes
}

/** A large field of a large document: where its value is in the document's line. */
interface LargeField {
  line: Line
  start: number
  end: number
  /** The dataset file and line number, for the error if the value is not JSON after all. */
  file: string
  lineNumber: number
  key: string
}

const parsedFields = new Map<LargeField, unknown>()

/** A large field's value, parsed from its bytes (the few most recently read are kept). */
function readField(field: LargeField): unknown {
  if (parsedFields.has(field)) {
    const value = parsedFields.get(field)
    parsedFields.delete(field)
    parsedFields.set(field, value)
    return value
  }
  let value: unknown
  try {
    value = JSON.parse(bytesOf(field.line, field.start, field.end).toString('utf8'))
  } catch (error) {
    throw new DatasetError(
      field.file,
      field.lineNumber,
      `"${field.key}" is not valid JSON (${(error as Error).message})`,
    )
  }
  if (parsedFields.size >= PARSED_LARGE_FIELDS)
    parsedFields.delete(parsedFields.keys().next().value!)
  parsedFields.set(field, value)
  return value
}

/** A large document as read: its line, and each field's value or where the value is. */
interface LazyRecipe {
  line: Line
  fields: [string, { value: unknown } | LargeField][]
}

/** The exact line a large document was read from: written back as it was when the document is unchanged. */
const recipes = new WeakMap<SanityDocument, LazyRecipe>()

/**
 * A large document whose large fields (a version's catalog snapshot, its text) stay in its line until a query
 * reads them: a history of a hundred versions then costs neither a hundred parsed catalogs nor their bytes.
 * Its fields are read-only; a changed document is a new object.
 */
function lazyDocument(recipe: LazyRecipe, id?: string): SanityDocument {
  const document = {} as SanityDocument
  for (const [key, field] of recipe.fields) {
    const descriptor =
      'value' in field
        ? { value: key === '_id' && id !== undefined ? id : field.value }
        : { get: () => readField(field) }
    Object.defineProperty(document, key, { enumerable: true, ...descriptor })
  }
  if (id === undefined) recipes.set(document, recipe)
  return document
}

/** The same document under another `_id`, large fields still unread. */
function withId(document: SanityDocument, id: string): SanityDocument {
  const recipe = recipes.get(document)
  return recipe ? lazyDocument(recipe, id) : { ...document, _id: id }
}

/**
 * A large line's document, its small fields parsed and its large ones left where they are; null when the line
 * is not one JSON object (JSON.parse then says why).
 */
function readLarge(
  bytes: Buffer,
  start: number,
  end: number,
  line: Line,
  where: { file: string; lineNumber: number },
): SanityDocument | null {
  const spans = objectFields(bytes, start, end)
  if (!spans) return null
  const fields: LazyRecipe['fields'] = []
  for (const span of spans) {
    if (span.end - span.start > LARGE_FIELD_BYTES && span.key !== '_id' && span.key !== '_type') {
      const place = { line, start: span.start - start, end: span.end - start, key: span.key }
      fields.push([span.key, { ...place, ...where }])
    } else {
      try {
        fields.push([span.key, { value: JSON.parse(bytes.toString('utf8', span.start, span.end)) }])
      } catch {
        return null
      }
    }
  }
  return lazyDocument({ line, fields })
}

/**
 * Parses `sanity dataset export` NDJSON; names the file and line of anything that is not a document. Large
 * documents keep their large fields as bytes, parsed when a query reads them.
 */
export function parseNdjson(input: string | Buffer, file: string): SanityDocument[] {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input
  const parser = lineParser(file, (start, end) => bytes.subarray(start, end))
  parser.push(bytes, 0, true)
  return parser.documents
}

const openFile = promisify(open)
const readChunk = promisify(read)
/** A dataset file is read this much at a time: a large one is never in memory whole. */
const CHUNK_BYTES = 4 * 1024 * 1024

/**
 * Reads a dataset file. Large documents keep their large fields in the file, read and parsed when a query
 * reads them; the file stays open until none of its documents is left. A file is replaced, never rewritten in
 * place (writeDatasetFile renames a new file over it), so the documents read stay those of this file.
 */
export async function readNdjsonFile(
  path: string,
  chunkBytes = CHUNK_BYTES,
): Promise<SanityDocument[]> {
  const fd = await openFile(path, 'r')
  try {
    const file = new OpenFile(fd, path)
    const parser = lineParser(path, (offset, end) => ({ file, offset, length: end - offset }))
    // One buffer, reused: the unparsed end of a read moves to its start, and a longer line grows it.
    let buffer = Buffer.allocUnsafe(chunkBytes)
    let filled = 0
    for (let offset = 0; ;) {
      if (filled === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(larger, 0, 0, filled)
        buffer = larger
      }
      const { bytesRead } = await readChunk(fd, buffer, filled, buffer.length - filled, null)
      const end = filled + bytesRead
      const used = parser.push(buffer.subarray(0, end), offset, bytesRead === 0)
      if (bytesRead === 0) break
      buffer.copy(buffer, 0, used, end)
      filled = end - used
      offset += used
    }
    closeWhenUnused.register(file, fd)
    return parser.documents
  } catch (error) {
    closeSync(fd)
    throw error
  }
}

/** Parses lines as their bytes arrive; `lineAt` says where a large document's line is kept (in the file). */
function lineParser(file: string, lineAt: (start: number, end: number) => Line) {
  const documents: SanityDocument[] = []
  const seen = new Map<string, number>()
  let line = 0
  /** Parses the whole lines of `bytes`, found at `offset` in the file (the last one too when `last`); returns the length parsed. */
  function push(bytes: Buffer, offset: number, last: boolean): number {
    let start = 0
    while (start < bytes.length) {
      const newline = bytes.indexOf(10, start)
      if (newline === -1 && !last) break
      const end = newline === -1 ? bytes.length : newline
      const lineStart = start
      start = end + 1
      line++
      const large = end - lineStart > LARGE_LINE_BYTES
      let value: unknown = large
        ? readLarge(bytes, lineStart, end, lineAt(offset + lineStart, offset + end), {
            file,
            lineNumber: line,
          })
        : null
      if (value === null) {
        const text = bytes.toString('utf8', lineStart, end)
        if (text.trim() === '') continue
        try {
          value = JSON.parse(text)
        } catch (error) {
          throw new DatasetError(file, line, `not valid JSON (${(error as Error).message})`)
        }
      }
      if (!isDocument(value))
        throw new DatasetError(file, line, 'a document needs a string "_id" and "_type"')
      const previous = seen.get(value._id)
      if (previous !== undefined)
        throw new DatasetError(file, line, `"_id" ${value._id} already used on line ${previous}`)
      seen.set(value._id, line)
      documents.push(value)
    }
    return Math.min(start, bytes.length)
  }
  return { push, documents }
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
 * document read from a file and not changed is written back as the line it was read from. A line is valid
 * until the next one is asked for (large ones share one buffer).
 */
export function* ndjsonLines(documents: readonly SanityDocument[]): Generator<string | Buffer> {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  let scratch = Buffer.alloc(0)
  for (const document of sorted) {
    const line = recipes.get(document)?.line
    if (!line) {
      yield JSON.stringify(sortKeys(document))
    } else if (Buffer.isBuffer(line)) {
      yield line
    } else {
      if (scratch.length < line.length) scratch = Buffer.allocUnsafe(line.length * 2)
      readFrom(line.file, scratch, line.length, line.offset)
      yield scratch.subarray(0, line.length)
    }
  }
}

export function serializeNdjson(documents: readonly SanityDocument[]): string {
  let text = ''
  for (const line of ndjsonLines(documents)) text += `${line.toString()}\n`
  return text
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
