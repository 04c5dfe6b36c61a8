// For the ledger's tests, which run on both stores: a fresh SQLite folder, and a fresh database on the
// PostgreSQL server of TEST_DATABASE_URL (`npm test` and CI start a throwaway cluster and set it).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { SQLITE_FILE, type LedgerConfig } from './store'
import { execNodeSqlite } from './nodeSqlite'

export interface TestStore {
  config: LedgerConfig
  /** The variables that point the site or the commands at this store (the other one set empty). */
  env: Record<string, string>
  remove: () => Promise<void>
}

export const TEST_STORE_KINDS = ['sqlite', 'postgres'] as const

function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run `npm test` (it starts a throwaway PostgreSQL), or set it to a PostgreSQL server where this user may create databases',
    )
  return url
}

export async function createTestStore(kind: LedgerConfig['kind']): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'consent-store-'))
    return {
      config: { kind, dir },
      env: { CONSENT_STORE: dir, DATABASE_URL: '' },
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const admin = new URL(testDatabaseUrl())
  const name = `consent_test_${randomBytes(6).toString('hex')}`
  const run = (statement: string) => onPostgres(admin.href, statement)
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(admin.href)
  url.pathname = `/${name}`
  return {
    config: { kind, url: url.href },
    env: { DATABASE_URL: url.href, CONSENT_STORE: '' },
    remove: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

/** Runs a statement on the store behind the ledger's back, as someone editing the database would. */
export async function tamper(config: LedgerConfig, statement: string): Promise<void> {
  if (config.kind === 'sqlite') {
    execNodeSqlite(join(config.dir, SQLITE_FILE), statement)
    return
  }
  await onPostgres(config.url, statement)
}

async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
