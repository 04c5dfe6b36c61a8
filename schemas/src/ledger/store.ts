// The ledger's storage: one table of records, on an embedded SQLite database in one folder (the default) or on
// PostgreSQL (DATABASE_URL), through one query layer (Kysely). Versioned migrations run at open. Writes that
// extend the chain hold the chain lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory transaction lock),
// so that any number of processes, and the `npm run consent` commands, append to one chain.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Kysely, PostgresDialect, sql, SqliteDialect, type Selectable } from 'kysely'
// Kysely 0.29 serves migrations from their own entry point.
import { Migrator, type Migration } from 'kysely/migration'
import pg from 'pg'
import type { CarriedChoice, ConsentAction, ConsentRecord } from '../contracts/consent'
import { userPath } from '../node'
import { GENESIS_HASH, sealRecord } from './chain'
import { openNodeSqlite } from './nodeSqlite'
import type { SignedHead } from './signedHead'

interface RecordsTable {
  seq: number
  id: string
  kind: 'consent' | 'checkpoint'
  consent_id: string | null
  recorded_at: string
  policy: string | null
  version: number | null
  consent_revision: number | null
  lang: string | null
  accepted: string
  rejected: string
  action: ConsentAction | null
  gpc: number
  banner: string | null
  browser: string | null
  checkpoint: string | null
  content_hash: string | null
  banner_hash: string | null
  reasked: string | null
  carried: string | null
  prev_hash: string
  hash: string
}

interface SettingsTable {
  name: string
  value: string
}

interface SignedHeadsTable {
  seq: number
  hash: string
  records: number
  signed_at: string
  public_key: string
  signature: string
}

interface ShownTable {
  hash: string
  kind: 'version' | 'banner'
  body: string
}

interface LedgerDatabase {
  consent_records: RecordsTable
  ledger_settings: SettingsTable
  signed_heads: SignedHeadsTable
  shown_content: ShownTable
}

type Row = Selectable<RecordsTable>
type Db = Kysely<LedgerDatabase>

export type LedgerConfig = { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string }

/** The default embedded store, relative to the repository (git-ignored). */
const DEFAULT_CONSENT_STORE = '.data/consent'
export const SQLITE_FILE = 'consent.sqlite'
/** The advisory lock that serialises writers of the chain on PostgreSQL ("consent" in ASCII). */
const CHAIN_LOCK = 0x636f6e73656e74
/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500
const PAGE = 5000
/** Records deleted per transaction by a purge: the site's appends wait for one chunk at most. */
const PURGE_CHUNK = 10_000

/** What the server knows of one choice; the store sets its id, time and place in the chain. */
export interface NewConsent {
  consentId: string
  policy: string
  version: number
  consentRevision: number
  lang: string
  accepted: string[]
  rejected: string[]
  action: ConsentAction
  gpc: boolean
  banner: string | null
  browser: string | null
  /** The content hash of the version shown, and the hash of the banner's text in the visitor's language. */
  contentHash: string | null
  bannerHash: string | null
  /** A re-consent: the categories asked again, and the answers carried forward. */
  reasked?: string[] | null
  carried?: CarriedChoice[] | null
}

export class LedgerStoreError extends Error {}

/** A consistent view of the ledger, for verify and export. */
export interface LedgerView {
  scan: (
    range: { from?: string; before?: string },
    visit: (record: ConsentRecord) => void | Promise<void>,
  ) => Promise<void>
  checkpoints: () => Promise<ConsentRecord[]>
}

/** Whether an embedded store exists: the commands read one, they do not make an empty one. */
export function ledgerExists(config: LedgerConfig): boolean {
  return config.kind === 'postgres' || existsSync(join(config.dir, SQLITE_FILE))
}

function migrations(kind: LedgerConfig['kind']): Record<string, Migration> {
  return {
    '2026-11-30-001-consent-records': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('consent_records')
          // INTEGER PRIMARY KEY is SQLite's row id; PostgreSQL gets 64 bits.
          .addColumn('seq', kind === 'sqlite' ? 'integer' : 'bigint', (column) =>
            column.primaryKey(),
          )
          .addColumn('id', 'text', (column) => column.notNull().unique())
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('consent_id', 'text')
          .addColumn('recorded_at', 'text', (column) => column.notNull())
          .addColumn('policy', 'text')
          .addColumn('version', 'integer')
          .addColumn('consent_revision', 'integer')
          .addColumn('lang', 'text')
          .addColumn('accepted', 'text', (column) => column.notNull())
          .addColumn('rejected', 'text', (column) => column.notNull())
          .addColumn('action', 'text')
          .addColumn('gpc', 'integer', (column) => column.notNull())
          .addColumn('banner', 'text')
          .addColumn('browser', 'text')
          .addColumn('checkpoint', 'text')
          .addColumn('prev_hash', 'text', (column) => column.notNull())
          .addColumn('hash', 'text', (column) => column.notNull())
          .execute()
        await db.schema
          .createIndex('consent_records_by_consent_id')
          .on('consent_records')
          .columns(['consent_id', 'seq'])
          .execute()
        await db.schema
          .createIndex('consent_records_by_time')
          .on('consent_records')
          .column('recorded_at')
          .execute()
      },
    },
    // What visitors were shown, by its hash: a version's content, a banner's text (evidence bundles).
    '2026-12-07-005-shown-content': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('shown_content')
          .addColumn('hash', 'text', (column) => column.primaryKey())
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('body', 'text', (column) => column.notNull())
          .execute()
      },
    },
    // Heads of the chain signed by `npm run consent -- checkpoint`, oldest first.
    '2026-12-07-004-signed-heads': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('signed_heads')
          .addColumn('seq', kind === 'sqlite' ? 'integer' : 'bigint', (column) => column.notNull())
          .addColumn('hash', 'text', (column) => column.notNull())
          .addColumn('records', kind === 'sqlite' ? 'integer' : 'bigint', (column) =>
            column.notNull(),
          )
          .addColumn('signed_at', 'text', (column) => column.notNull())
          .addColumn('public_key', 'text', (column) => column.notNull())
          .addColumn('signature', 'text', (column) => column.notNull())
          .execute()
      },
    },
    // A re-consent: the categories a returning visitor was asked again about, and the answers carried.
    '2026-12-07-006-reconsent': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('consent_records').addColumn('reasked', 'text').execute()
        await db.schema.alterTable('consent_records').addColumn('carried', 'text').execute()
      },
    },
    // What the visitor was shown, bound to each record: the version's content hash, the banner text's hash.
    '2026-12-07-003-shown-hashes': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('consent_records').addColumn('content_hash', 'text').execute()
        await db.schema.alterTable('consent_records').addColumn('banner_hash', 'text').execute()
      },
    },
    // The ledger's own settings: the secret that signs consent IDs' tokens, made on first start.
    '2026-12-07-002-ledger-settings': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('ledger_settings')
          .addColumn('name', 'text', (column) => column.primaryKey())
          .addColumn('value', 'text', (column) => column.notNull())
          .execute()
      },
    },
  }
}

/** A stored JSON value; one that no longer parses reads as a marker, so that its record fails its hash. */
function parseStored<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return `unreadable: ${text.slice(0, 40)}` as T
  }
}

function toRecord(row: Row): ConsentRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    kind: row.kind,
    consentId: row.consent_id,
    recordedAt: row.recorded_at,
    policy: row.policy,
    version: row.version,
    consentRevision: row.consent_revision,
    lang: row.lang,
    accepted: parseStored<string[]>(row.accepted, []),
    rejected: parseStored<string[]>(row.rejected, []),
    action: row.action,
    gpc: row.gpc === 1,
    banner: row.banner,
    contentHash: row.content_hash ?? null,
    bannerHash: row.banner_hash ?? null,
    browser: row.browser,
    reasked: parseStored<string[] | null>(row.reasked ?? null, null),
    carried: parseStored<CarriedChoice[] | null>(row.carried ?? null, null),
    checkpoint: parseStored<ConsentRecord['checkpoint']>(row.checkpoint, null),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

function toRow(record: ConsentRecord): Row {
  return {
    seq: record.seq,
    id: record.id,
    kind: record.kind,
    consent_id: record.consentId,
    recorded_at: record.recordedAt,
    policy: record.policy,
    version: record.version,
    consent_revision: record.consentRevision,
    lang: record.lang,
    accepted: JSON.stringify(record.accepted),
    rejected: JSON.stringify(record.rejected),
    action: record.action,
    gpc: record.gpc ? 1 : 0,
    banner: record.banner,
    content_hash: record.contentHash,
    banner_hash: record.bannerHash,
    browser: record.browser,
    reasked: record.reasked ? JSON.stringify(record.reasked) : null,
    carried: record.carried ? JSON.stringify(record.carried) : null,
    checkpoint: record.checkpoint ? JSON.stringify(record.checkpoint) : null,
    prev_hash: record.prevHash,
    hash: record.hash,
  }
}

/**
 * Where the site and the commands keep consents: DATABASE_URL, else the folder CONSENT_STORE (relative to
 * where the user ran npm), else the default folder in the repository.
 */
export function ledgerConfig(
  env: Record<string, string | undefined>,
  repository: string,
): LedgerConfig {
  const url = env.DATABASE_URL
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new LedgerStoreError(
        `DATABASE_URL "${withoutPassword(url)}" is not a PostgreSQL URL (postgres://user:password@host:port/database)`,
      )
    return { kind: 'postgres', url }
  }
  const dir = env.CONSENT_STORE
  return { kind: 'sqlite', dir: dir ? userPath(dir) : join(repository, DEFAULT_CONSENT_STORE) }
}

const withoutPassword = (url: string) => url.replace(/:[^:@/]*@/, ':***@')

/** Where the records are, for messages: a folder, or the database without its password. */
export function describeLedger(config: LedgerConfig): string {
  return config.kind === 'sqlite'
    ? `SQLite in ${config.dir}`
    : `PostgreSQL at ${withoutPassword(config.url)}`
}

function openDb(config: LedgerConfig): Db {
  if (config.kind === 'sqlite') {
    mkdirSync(config.dir, { recursive: true })
    const database = openNodeSqlite(join(config.dir, SQLITE_FILE), [
      // Durable at COMMIT even on power loss; readers (the commands) never block the writer.
      'journal_mode = WAL',
      'synchronous = FULL',
      'busy_timeout = 15000',
      // 64 MB of pages: the consent-ID index takes random inserts.
      'cache_size = -65536',
    ])
    return new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database }) })
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 8,
    // A server that is down refuses at once; one that hangs (a network cut) must not hold choices for
    // long: they are answered 503 and the banner tries again.
    connectionTimeoutMillis: 5_000,
    // 64-bit integers (the chain position) as numbers: 2^53 records is beyond any ledger.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server drops (a restart, a failover) must not take the site down with it.
  pool.on('error', (error) => console.error(`consent store: ${error.message}`))
  return new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool }) })
}

export async function openLedgerStore(config: LedgerConfig) {
  const db = openDb(config)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(config.kind) },
  })
  const { error } = await migrator.migrateToLatest()
  if (error) {
    await db.destroy()
    throw new LedgerStoreError(
      `consent store (${describeLedger(config)}): ${(error as Error).message}`,
    )
  }

  /** Runs `work` in a transaction that alone may extend the chain, on one connection. */
  function withChainLock<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return db.connection().execute(async (connection) => {
      try {
        // PostgreSQL: one round trip (a simple query of two statements; the lock key is a constant).
        await sql
          .raw(
            config.kind === 'sqlite'
              ? 'BEGIN IMMEDIATE'
              : `BEGIN; SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`,
          )
          .execute(connection)
        const result = await work(connection)
        await sql.raw('COMMIT').execute(connection)
        return result
      } catch (error) {
        await sql
          .raw('ROLLBACK')
          .execute(connection)
          .catch(() => undefined)
        throw error
      }
    })
  }

  async function head(trx: Db): Promise<{ seq: number; hash: string; recordedAt: string }> {
    const last = await trx
      .selectFrom('consent_records')
      .select(['seq', 'hash', 'recorded_at'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    return last
      ? { seq: Number(last.seq), hash: last.hash, recordedAt: last.recorded_at }
      : { seq: 0, hash: GENESIS_HASH, recordedAt: '' }
  }

  async function insert(trx: Db, records: ConsentRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += INSERT_CHUNK) {
      await trx
        .insertInto('consent_records')
        .values(records.slice(start, start + INSERT_CHUNK).map(toRow))
        .execute()
    }
  }

  /** Chains records after the current head: the time never goes back, even if the clock does. */
  function chain(
    last: { seq: number; hash: string; recordedAt: string },
    entries: (Omit<ConsentRecord, 'seq' | 'id' | 'recordedAt' | 'prevHash' | 'hash'> & {
      recordedAt?: string
    })[],
    now: string,
  ): ConsentRecord[] {
    let { seq, hash, recordedAt } = last
    return entries.map((entry) => {
      const time = entry.recordedAt ?? now
      recordedAt = time > recordedAt ? time : recordedAt
      const record = sealRecord({
        ...entry,
        seq: ++seq,
        id: randomUUID(),
        recordedAt,
        prevHash: hash,
      })
      hash = record.hash
      return record
    })
  }

  /**
   * Appends choices to the chain in one transaction; resolves once they are committed (durable). `at` gives
   * their time (the bench and the tests write history; the site always writes now).
   */
  function append(entries: readonly NewConsent[], at?: string): Promise<ConsentRecord[]> {
    // Answers carried forward belong to a re-consent: never on a record that asked nothing again.
    const stray = entries.find((entry) => entry.carried && !entry.reasked)
    if (stray)
      return Promise.reject(
        new LedgerStoreError(`consent ${stray.consentId}: "carried" without "reasked"`),
      )
    return withChainLock(async (trx) => {
      const records = chain(
        await head(trx),
        entries.map((entry) => ({
          ...entry,
          kind: 'consent' as const,
          accepted: [...entry.accepted].sort(),
          rejected: [...entry.rejected].sort(),
          reasked: entry.reasked ? [...entry.reasked].sort() : null,
          carried: entry.carried
            ? [...entry.carried].sort((a, b) => (a.category < b.category ? -1 : 1))
            : null,
          checkpoint: null,
        })),
        at ?? new Date().toISOString(),
      )
      await insert(trx, records)
      return records
    })
  }

  /** A visitor's records, newest first (at most `limit`). */
  async function find(consentId: string, limit = 1000): Promise<ConsentRecord[]> {
    const rows = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('consent_id', '=', consentId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute()
    return rows.map(toRecord)
  }

  /**
   * The choices in force for a policy, counted: each consent ID's latest record since `since` (older ones
   * have left the browser), and per category how many of them accepted it. No identifier leaves the store.
   */
  async function choiceCounts(
    policy: string,
    since: string,
  ): Promise<{ choices: number; accepted: Record<string, number> }> {
    const latest = db
      .selectFrom('consent_records')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('kind', '=', 'consent')
      .where('policy', '=', policy)
      .where('recorded_at', '>=', since)
      .groupBy('consent_id')
    // Accepted lists are stored sorted: a few distinct values, whatever the number of visitors.
    const rows = await db
      .selectFrom('consent_records')
      .select((eb) => ['accepted', eb.fn.countAll<number | string>().as('count')])
      .where('seq', 'in', latest)
      .groupBy('accepted')
      .execute()
    let choices = 0
    const accepted: Record<string, number> = {}
    for (const row of rows) {
      const count = Number(row.count)
      choices += count
      for (const key of parseStored<string[]>(row.accepted, []))
        accepted[key] = (accepted[key] ?? 0) + count
    }
    return { choices, accepted }
  }

  /**
   * Keeps what a visitor was shown under its hash (the exact bytes that were hashed), once: records name the
   * hash, an evidence bundle carries the bytes.
   */
  async function keepShown(hash: string, kind: 'version' | 'banner', body: string): Promise<void> {
    await db
      .insertInto('shown_content')
      .values({ hash, kind, body })
      .onConflict((conflict) => conflict.column('hash').doNothing())
      .execute()
  }

  async function shownContent(hash: string): Promise<string | null> {
    const row = await db
      .selectFrom('shown_content')
      .select('body')
      .where('hash', '=', hash)
      .executeTakeFirst()
    return row?.body ?? null
  }

  /** The records from position `from` to `to`, both included, in chain order. */
  async function range(from: number, to: number): Promise<ConsentRecord[]> {
    const rows = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('seq', '>=', from)
      .where('seq', '<=', to)
      .orderBy('seq')
      .execute()
    return rows.map(toRecord)
  }

  /** Every signed head, oldest first. */
  async function signedHeads(): Promise<SignedHead[]> {
    const rows = await db.selectFrom('signed_heads').selectAll().orderBy('seq').execute()
    return rows.map((row) => ({
      ledger: 'consent-ledger' as const,
      seq: Number(row.seq),
      hash: row.hash,
      records: Number(row.records),
      signedAt: row.signed_at,
      publicKey: row.public_key,
      signature: row.signature,
    }))
  }

  /** The record at a position of the chain, if it is there. */
  async function recordAt(seq: number): Promise<ConsentRecord | null> {
    const row = await db
      .selectFrom('consent_records')
      .selectAll()
      .where('seq', '=', seq)
      .executeTakeFirst()
    return row ? toRecord(row) : null
  }

  /** Keeps a signed head (they are kept, oldest first, and never changed). */
  async function saveSignedHead(head: SignedHead): Promise<void> {
    await db
      .insertInto('signed_heads')
      .values({
        seq: head.seq,
        hash: head.hash,
        records: head.records,
        signed_at: head.signedAt,
        public_key: head.publicKey,
        signature: head.signature,
      })
      .execute()
  }

  /** The newest signed head, or null before the first checkpoint. */
  async function latestSignedHead(): Promise<SignedHead | null> {
    return (await signedHeads()).at(-1) ?? null
  }

  /** Answers when the store does (one round trip): what /healthz asks. */
  async function ping(): Promise<void> {
    await sql`select 1`.execute(db)
  }

  /** Whether any record names this consent ID (one index lookup). */
  async function knows(consentId: string): Promise<boolean> {
    const row = await db
      .selectFrom('consent_records')
      .select('seq')
      .where('consent_id', '=', consentId)
      .limit(1)
      .executeTakeFirst()
    return row !== undefined
  }

  /**
   * A setting of the ledger, made by `make` the first time it is asked; every process of one store gets the
   * same value, whichever made it first.
   */
  async function setting(name: string, make: () => string): Promise<string> {
    const read = () =>
      db.selectFrom('ledger_settings').select('value').where('name', '=', name).executeTakeFirst()
    const found = await read()
    if (found) return found.value
    await db
      .insertInto('ledger_settings')
      .values({ name, value: make() })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute()
    return (await read())!.value
  }

  /** Every record in chain order, read a page at a time: memory stays flat whatever the ledger's size. */
  async function scanIn(
    trx: Db,
    range: { from?: string; before?: string },
    visit: (record: ConsentRecord) => void | Promise<void>,
  ): Promise<void> {
    let after = 0
    for (;;) {
      let query = trx
        .selectFrom('consent_records')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
      if (range.from) query = query.where('recorded_at', '>=', range.from)
      if (range.before) query = query.where('recorded_at', '<', range.before)
      const rows = await query.execute()
      for (const row of rows) await visit(toRecord(row))
      if (rows.length < PAGE) return
      after = Number(rows[rows.length - 1]!.seq)
    }
  }

  async function checkpointsIn(trx: Db): Promise<ConsentRecord[]> {
    const rows = await trx
      .selectFrom('consent_records')
      .selectAll()
      .where('kind', '=', 'checkpoint')
      .orderBy('seq', 'desc')
      .execute()
    return rows.map(toRecord)
  }

  /**
   * Reads in one snapshot (a read transaction): a purge or appends that run meanwhile, in this process or
   * another, are not seen half-way.
   */
  function snapshot<T>(work: (view: LedgerView) => Promise<T>): Promise<T> {
    const transaction = db.transaction()
    // SQLite's read transaction is a snapshot already (WAL).
    return (
      config.kind === 'postgres' ? transaction.setIsolationLevel('repeatable read') : transaction
    ).execute((trx) =>
      work({
        scan: (range, visit) => scanIn(trx, range, visit),
        checkpoints: () => checkpointsIn(trx),
      }),
    )
  }

  /**
   * Deletes every record written before `before` (an ISO time). First a checkpoint is appended that names the
   * last record to go and its hash, so that the chain left verifies; then the records go in short
   * transactions, so that the site's appends never wait long. Null when nothing was that old.
   */
  async function purge(before: string): Promise<ConsentRecord | null> {
    const checkpoint = await withChainLock(async (trx) => {
      const last = await trx
        .selectFrom('consent_records')
        .select(['seq', 'hash'])
        .where('recorded_at', '<', before)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (!last) return null
      const through = Number(last.seq)
      const { count } = await trx
        .selectFrom('consent_records')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('seq', '<=', through)
        .where('kind', '=', 'consent')
        .executeTakeFirstOrThrow()
      const [record] = chain(
        await head(trx),
        [
          {
            kind: 'checkpoint',
            consentId: null,
            policy: null,
            version: null,
            consentRevision: null,
            lang: null,
            accepted: [],
            rejected: [],
            action: null,
            gpc: false,
            banner: null,
            contentHash: null,
            bannerHash: null,
            browser: null,
            reasked: null,
            carried: null,
            checkpoint: {
              purgedBefore: before,
              purgedThrough: through,
              purgedRecords: Number(count),
              anchorHash: last.hash,
            },
          },
        ],
        new Date().toISOString(),
      )
      await insert(trx, [record!])
      return record!
    })
    if (!checkpoint) return null
    const through = checkpoint.checkpoint!.purgedThrough
    for (;;) {
      const first = await db
        .selectFrom('consent_records')
        .select('seq')
        .orderBy('seq')
        .limit(1)
        .executeTakeFirst()
      if (!first || Number(first.seq) > through) break
      await db
        .deleteFrom('consent_records')
        .where('seq', '<=', Math.min(through, Number(first.seq) + PURGE_CHUNK - 1))
        .execute()
    }
    return checkpoint
  }

  return {
    config,
    append,
    find,
    knows,
    choiceCounts,
    ping,
    setting,
    recordAt,
    range,
    saveSignedHead,
    signedHeads,
    latestSignedHead,
    keepShown,
    shownContent,
    snapshot,
    purge,
    close: () => db.destroy(),
  }
}

export type LedgerStore = Awaited<ReturnType<typeof openLedgerStore>>
