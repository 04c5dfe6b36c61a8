// The local Content Lake: the documents of one NDJSON dataset file, with the Content Lake's semantics for what
// the Studio asks of it. GROQ over a perspective (groq-js), documents by id, mutations applied by Sanity's own
// mutator, the document actions (edit, publish, unpublish, discard, delete) as the mutations they stand for,
// a new `_rev` per transaction, and listeners told of every change. Each transaction is saved by replacing the
// file, so the site, which reads the same file, shows a publication on its next request. For trying the
// product, development and tests only: production content lives in the Content Lake.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Mutation } from '@sanity/mutator'
import { evaluate, parse } from 'groq-js'
import { parseNdjson, serializeNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'
import { temporaryBeside } from '@cookie-policy/schemas/node'

/** A request the local lake refuses, with the HTTP status and error type the Content Lake would give. */
export class LakeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message)
    this.name = 'LakeError'
  }
}

export type Perspective = 'raw' | 'published' | 'drafts'

/** One document's change in a transaction. */
interface Change {
  id: string
  before: SanityDocument | null
  after: SanityDocument | null
}

export interface Transaction {
  id: string
  timestamp: string
  changes: Change[]
}

type Params = Record<string, unknown>
type SanityMutation = Record<string, unknown>
type SanityAction = { actionType?: unknown; [field: string]: unknown }

export interface CommitResult {
  transactionId: string
  results: { id: string; operation: 'create' | 'update' | 'delete' | 'none' }[]
  documents: SanityDocument[]
}

const DRAFTS = 'drafts.'
const VERSIONS = 'versions.'

/** A transaction id like the Content Lake's: 22 random letters and digits. */
function newTransactionId(): string {
  return randomBytes(16).toString('base64url').replace(/[-_]/g, '0').slice(0, 22)
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

/** The published id of any id: drafts and release versions share their document's id after the prefix. */
function publishedIdOf(id: string): string {
  if (id.startsWith(DRAFTS)) return id.slice(DRAFTS.length)
  if (id.startsWith(VERSIONS)) return id.slice(id.indexOf('.', VERSIONS.length) + 1)
  return id
}

/** The documents a perspective sees: every one (raw), the published, or drafts standing in for them. */
function inPerspective(documents: Iterable<SanityDocument>, perspective: Perspective) {
  const all = [...documents]
  if (perspective === 'raw') return all
  const published = all.filter((document) => publishedIdOf(document._id) === document._id)
  if (perspective === 'published') return published
  const byId = new Map(published.map((document) => [document._id, document]))
  for (const document of all) {
    if (!document._id.startsWith(DRAFTS)) continue
    const id = publishedIdOf(document._id)
    byId.set(id, { ...document, _id: id, _originalId: document._id })
  }
  return [...byId.values()]
}

/** A query parsed, or the error the Content Lake gives for one it cannot parse, naming the query. */
export function parseQuery(query: string, params: Params) {
  try {
    return parse(query, { params })
  } catch (error) {
    throw new LakeError(400, 'queryParseError', `${(error as Error).message} in query ${query}`)
  }
}

/** Runs one GROQ query over documents. */
async function runGroq(query: string, params: Params, documents: SanityDocument[]) {
  const tree = parseQuery(query, params)
  const byId = new Map(documents.map((document) => [document._id, document]))
  const result = await evaluate(tree, {
    dataset: documents,
    params,
    dereference: ({ _ref }: { _ref: string }) => byId.get(_ref) ?? null,
  })
  return result.get()
}

/** The revision of a document read from a file without one: derived from its content, so it is stable. */
function contentRevision(document: SanityDocument): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 22)
}

/** The ids a value refers to strongly (`_ref` without `_weak`), at any depth. */
function strongReferences(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) strongReferences(item, into)
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string' && record._weak !== true) into.add(record._ref)
    for (const field of Object.values(record)) strongReferences(field, into)
  }
  return into
}

/**
 * The Content Lake refuses to remove a published document that another published document refers to: the
 * site would read a reference to nothing. Drafts do not hold their references.
 */
function checkReferences(documents: Map<string, SanityDocument>, changes: Change[]): void {
  const removed = changes.filter(
    (change) => !change.after && publishedIdOf(change.id) === change.id,
  )
  if (!removed.length) return
  for (const document of documents.values()) {
    if (publishedIdOf(document._id) !== document._id) continue
    const references = strongReferences(document)
    const missing = removed.find((change) => references.has(change.id))
    if (missing)
      throw new LakeError(
        409,
        'mutationError',
        `Document "${missing.id}" cannot be deleted: "${document._id}" refers to it`,
      )
  }
}

export class LocalLake {
  #documents = new Map<string, SanityDocument>()
  /** Documents whose `_rev` was derived when read, not stored: it is not written back to the file. */
  #derivedRevision = new WeakSet<SanityDocument>()
  /** The file's size and time as last read or written: another writer's change is read again. */
  #stamp = ''
  /** Whether the file has been read once: changes after that are announced to listeners. */
  #read = false
  #subscribers = new Set<(transaction: Transaction) => void>()

  constructor(
    readonly file: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.refresh()
  }

  /**
   * Reads the file again if another program replaced it (an import), telling listeners what changed. A file
   * that does not parse is refused (the error names its line), so nothing is saved over it; a file that went
   * missing after it was read (a checkout in progress) leaves the documents as they were.
   */
  refresh(): void {
    const stamp = this.#fileStamp()
    if (stamp === this.#stamp) return
    if (stamp === '' && this.#stamp !== '') {
      this.log(`${this.file} is missing: the documents read before stay; the next save writes them`)
      this.#stamp = stamp
      return
    }
    const before = this.#documents
    const after = new Map<string, SanityDocument>()
    for (const document of parseNdjson(stamp === '' ? '' : readFileSync(this.file), this.file)) {
      // Large fields are read lazily from the file: the lake keeps plain documents it can change.
      const plain = JSON.parse(JSON.stringify(document)) as SanityDocument
      if (typeof plain._rev !== 'string') {
        plain._rev = contentRevision(plain)
        this.#derivedRevision.add(plain)
      }
      after.set(plain._id, plain)
    }
    const first = !this.#read
    this.#documents = after
    this.#stamp = stamp
    this.#read = true
    if (first) return
    const changes: Change[] = []
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const [old, next] = [before.get(id) ?? null, after.get(id) ?? null]
      if (JSON.stringify(old) !== JSON.stringify(next))
        changes.push({ id, before: old, after: next })
    }
    if (changes.length) {
      this.log(
        `${this.file} was changed by another program: ${changes.length} documents read again`,
      )
      this.#notify({ id: newTransactionId(), timestamp: new Date().toISOString(), changes })
    }
  }

  /** The file as it is now (its inode too: a replaced file is another file), or '' when there is none. */
  #fileStamp(): string {
    try {
      const { ino, size, mtimeMs } = statSync(this.file)
      return `${ino}:${size}:${mtimeMs}`
    } catch {
      return ''
    }
  }

  async query(query: string, params: Params, perspective: Perspective): Promise<unknown> {
    return runGroq(query, params, inPerspective(this.#documents.values(), perspective))
  }

  /** Documents by id, as the Content Lake's doc endpoint answers: found ones, and the ids of the others. */
  documents(ids: string[]): {
    documents: SanityDocument[]
    omitted: { id: string; reason: string }[]
  } {
    const found = ids.map((id) => this.#documents.get(id)).filter((document) => document)
    return {
      documents: found as SanityDocument[],
      omitted: ids
        .filter((id) => !this.#documents.has(id))
        .map((id) => ({ id, reason: 'existence' })),
    }
  }

  /** Tells `listener` of every transaction from now on; returns the function that stops it. */
  subscribe(listener: (transaction: Transaction) => void): () => void {
    this.#subscribers.add(listener)
    return () => this.#subscribers.delete(listener)
  }

  /** Whether a document is one a listener's query (a filter, `*[...]`) selects. */
  async matches(query: string, params: Params, document: SanityDocument | null): Promise<boolean> {
    if (!document) return false
    const result = await runGroq(query, params, [document])
    return Array.isArray(result) ? result.length > 0 : Boolean(result)
  }

  /** Applies mutations in one transaction, all or none, and saves the file. */
  mutate(
    mutations: SanityMutation[],
    options: { transactionId?: string; dryRun?: boolean } = {},
  ): CommitResult {
    // Another program's change is read first: a save never writes over what it has not seen.
    this.refresh()
    const work = new Map<string, SanityDocument | null>()
    const results = mutations.map((mutation) => this.#apply(work, mutation))
    return this.#commit(work, results, options)
  }

  /** Runs document actions (the Actions API) in one transaction: each is the mutations it stands for. */
  act(actions: SanityAction[], options: { transactionId?: string; dryRun?: boolean } = {}) {
    this.refresh()
    const work = new Map<string, SanityDocument | null>()
    for (const action of actions) {
      for (const mutation of this.#actionMutations(work, action)) this.#apply(work, mutation)
    }
    return this.#commit(work, [], options)
  }

  #current(work: Map<string, SanityDocument | null>, id: string): SanityDocument | null {
    return work.has(id) ? work.get(id)! : (this.#documents.get(id) ?? null)
  }

  #apply(work: Map<string, SanityDocument | null>, mutation: SanityMutation) {
    const kinds = Object.keys(mutation)
    const kind = kinds[0]
    const body = mutation[kind ?? ''] as Record<string, unknown> | undefined
    if (kinds.length !== 1 || !body || typeof body !== 'object')
      throw new LakeError(400, 'mutationError', `Not a mutation: ${JSON.stringify(mutation)}`)
    if (typeof body.query === 'string')
      throw new LakeError(
        501,
        'notServed',
        `The local content lake does not apply ${kind} by query: give the document's id`,
      )
    // A document to create names itself (`_id`); a patch or a delete names its target (`id`).
    const creates = kind === 'create' || kind === 'createIfNotExists' || kind === 'createOrReplace'
    let id = creates ? body._id : body.id
    if (kind === 'create' && id === undefined) id = newTransactionId()
    if (typeof id !== 'string' || id === '')
      throw new LakeError(400, 'mutationError', `A ${kind} mutation needs a document id`)
    const current = this.#current(work, id)
    let operation: CommitResult['results'][number]['operation']
    switch (kind) {
      case 'create':
        if (current)
          throw new LakeError(409, 'mutationError', `Document by ID "${id}" already exists`)
        operation = 'create'
        break
      case 'createIfNotExists':
        if (current) return { id, operation: 'none' as const }
        operation = 'create'
        break
      case 'createOrReplace':
        operation = current ? 'update' : 'create'
        break
      case 'delete':
        work.set(id, null)
        return { id, operation: 'delete' as const }
      case 'patch':
        if (!current)
          throw new LakeError(
            409,
            'documentNotFoundError',
            `Cannot patch document "${id}": it does not exist`,
          )
        if (typeof body.ifRevisionID === 'string' && body.ifRevisionID !== current._rev)
          throw new LakeError(
            409,
            'conflictError',
            `Document "${id}" has revision ${current._rev}, not ${body.ifRevisionID}`,
          )
        operation = 'update'
        break
      default:
        throw new LakeError(501, 'notServed', `The local content lake does not apply "${kind}"`)
    }
    const input = kind === 'patch' ? { patch: { ...body, id } } : { [kind]: { ...body, _id: id } }
    let result: SanityDocument | null
    try {
      result = new Mutation({ mutations: [clone(input)] }).apply(current && clone(current))
    } catch (error) {
      throw new LakeError(400, 'mutationError', `${kind} of "${id}": ${(error as Error).message}`)
    }
    work.set(id, result)
    return { id, operation }
  }

  /** The mutations an action stands for, read against the transaction's state so far. */
  #actionMutations(
    work: Map<string, SanityDocument | null>,
    action: SanityAction,
  ): SanityMutation[] {
    const text = (field: string) => {
      const value = action[field]
      if (typeof value !== 'string' || value === '')
        throw new LakeError(400, 'actionError', `${String(action.actionType)} needs "${field}"`)
      return value
    }
    const existing = (id: string, what: string) => {
      const document = this.#current(work, id)
      if (!document)
        throw new LakeError(
          409,
          'documentNotFoundError',
          `${what}: document "${id}" does not exist`,
        )
      return document
    }
    switch (action.actionType) {
      case 'sanity.action.document.create': {
        const attributes = { ...(action.attributes as SanityDocument) }
        const id = attributes._id ?? `${DRAFTS}${text('publishedId')}`
        const document = { ...attributes, _id: id }
        return [
          action.ifExists === 'ignore' ? { createIfNotExists: document } : { create: document },
        ]
      }
      case 'sanity.action.document.edit': {
        const draftId = text('draftId')
        const patch = { ...(action.patch as Record<string, unknown>), id: draftId }
        if (this.#current(work, draftId)) return [{ patch }]
        const published = existing(text('publishedId'), 'Edit')
        return [{ create: { ...published, _id: draftId } }, { patch }]
      }
      case 'sanity.action.document.publish': {
        const [draftId, publishedId] = [text('draftId'), text('publishedId')]
        const draft = existing(draftId, 'Publish')
        const published = this.#current(work, publishedId)
        if (
          (typeof action.ifDraftRevisionId === 'string' &&
            action.ifDraftRevisionId !== draft._rev) ||
          (typeof action.ifPublishedRevisionId === 'string' &&
            action.ifPublishedRevisionId !== published?._rev)
        )
          throw new LakeError(
            409,
            'conflictError',
            `"${publishedId}" changed meanwhile: publish again`,
          )
        const { _originalId: _omitted, ...content } = draft
        return [{ createOrReplace: { ...content, _id: publishedId } }, { delete: { id: draftId } }]
      }
      case 'sanity.action.document.unpublish': {
        const [draftId, publishedId] = [text('draftId'), text('publishedId')]
        const published = existing(publishedId, 'Unpublish')
        return [
          { createIfNotExists: { ...published, _id: draftId } },
          { delete: { id: publishedId } },
        ]
      }
      case 'sanity.action.document.delete': {
        const publishedId = text('publishedId')
        const drafts = Array.isArray(action.includeDrafts) ? (action.includeDrafts as string[]) : []
        return [publishedId, `${DRAFTS}${publishedId}`, ...drafts].map((id) => ({ delete: { id } }))
      }
      case 'sanity.action.document.discard':
        existing(text('draftId'), 'Discard')
        return [{ delete: { id: text('draftId') } }]
      case 'sanity.action.document.replaceDraft': {
        const attributes = action.attributes as SanityDocument
        const id = typeof action.draftId === 'string' ? action.draftId : attributes._id
        return [{ createOrReplace: { ...attributes, _id: id } }]
      }
      default:
        throw new LakeError(
          501,
          'notServed',
          `The local content lake does not run the action ${String(action.actionType)}`,
        )
    }
  }

  #commit(
    work: Map<string, SanityDocument | null>,
    results: CommitResult['results'],
    options: { transactionId?: string; dryRun?: boolean },
  ): CommitResult {
    const transaction: Transaction = {
      id: options.transactionId || newTransactionId(),
      timestamp: new Date().toISOString(),
      changes: [],
    }
    const next = new Map(this.#documents)
    for (const [id, result] of work) {
      const before = this.#documents.get(id) ?? null
      if (result === null) {
        if (!before) continue
        next.delete(id)
        transaction.changes.push({ id, before, after: null })
        continue
      }
      const after: SanityDocument = {
        ...result,
        _id: id,
        _rev: transaction.id,
        _createdAt: before?._createdAt ?? result._createdAt ?? transaction.timestamp,
        _updatedAt: transaction.timestamp,
      }
      next.set(id, after)
      transaction.changes.push({ id, before, after })
    }
    for (const { before } of transaction.changes) {
      if (before?._rev === transaction.id)
        throw new LakeError(409, 'conflictError', `Transaction ${transaction.id} was already used`)
    }
    checkReferences(next, transaction.changes)
    // The documents as they are after the transaction: the ones it changed, and the ones it left (`none`).
    const ids = new Set([
      ...transaction.changes.map((change) => change.id),
      ...results.map((result) => result.id),
    ])
    const documents = [...ids].flatMap((id) => next.get(id) ?? [])
    if (!options.dryRun && transaction.changes.length) {
      this.#save(next)
      this.#documents = next
      this.log(`saved ${transaction.changes.map((change) => change.id).join(', ')} to ${this.file}`)
      this.#notify(transaction)
    }
    return { transactionId: transaction.id, results, documents }
  }

  /** Replaces the file with the documents: a reader sees the old file or the new one, never half of one. */
  #save(documents: Map<string, SanityDocument>): void {
    const stored = [...documents.values()].map((document) => {
      if (!this.#derivedRevision.has(document)) return document
      const { _rev: _derived, ...content } = document
      return content as SanityDocument
    })
    const temporary = temporaryBeside(this.file)
    try {
      writeFileSync(temporary, serializeNdjson(stored), { flag: 'wx' })
      // The file must still be the one read: another program's file is never replaced unread.
      if (this.#fileStamp() !== this.#stamp)
        throw new LakeError(409, 'conflictError', `${this.file} changed meanwhile: save again`)
      renameSync(temporary, this.file)
    } catch (error) {
      rmSync(temporary, { force: true })
      if (error instanceof LakeError) throw error
      throw new LakeError(
        500,
        'saveError',
        `Could not save ${this.file}: ${(error as Error).message}`,
      )
    }
    this.#stamp = this.#fileStamp()
  }

  #notify(transaction: Transaction): void {
    for (const subscriber of this.#subscribers) subscriber(transaction)
  }
}
