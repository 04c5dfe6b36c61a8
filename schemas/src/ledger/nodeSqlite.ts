// Node's own SQLite (node:sqlite, SQLite 3.53 in Node 24) behind Kysely's SqliteDialect: the embedded consent
// store needs no native addon, so nothing is compiled at install and the store runs on whatever Node runs
// the site. Kysely's dialect asks for a better-sqlite3-like database; this is that shape over DatabaseSync.
import type * as NodeSqlite from 'node:sqlite'
import type { DatabaseSync as Database, SQLInputValue } from 'node:sqlite'
import type { SqliteDatabase } from 'kysely'

let loaded: typeof Database | null = null

/**
 * node:sqlite, loaded when a SQLite store is first opened (a site on PostgreSQL never loads it). Node 22
 * marks the module experimental and says so on stderr at load, in every command's output; Node 24, the
 * runtime the project brings, no longer does. That one notice is left out; every other warning is printed.
 */
function DatabaseSync(): typeof Database {
  if (loaded) return loaded
  const emitWarning = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).startsWith('SQLite is an experimental feature')) return
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    loaded = (process.getBuiltinModule('node:sqlite') as typeof NodeSqlite).DatabaseSync
  } finally {
    process.emitWarning = emitWarning
  }
  return loaded
}

/** Opens (creating) the file; `pragmas` run first, in order. */
export function openNodeSqlite(file: string, pragmas: readonly string[] = []): SqliteDatabase {
  const database = new (DatabaseSync())(file)
  for (const pragma of pragmas) database.exec(`PRAGMA ${pragma}`)
  return {
    close: () => database.close(),
    prepare(query) {
      const statement = database.prepare(query)
      const values = (parameters: readonly unknown[]) => parameters as SQLInputValue[]
      return {
        // A statement that returns rows (SELECT, or RETURNING) names its columns.
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...values(parameters)),
        run: (parameters) => statement.run(...values(parameters)),
        iterate: (parameters) => statement.iterate(...values(parameters)),
      }
    },
  }
}

/** Runs SQL on a store file directly, outside Kysely (tests that play someone editing the file). */
export function execNodeSqlite(file: string, statement: string): void {
  const database = new (DatabaseSync())(file)
  try {
    database.exec(statement)
  } finally {
    database.close()
  }
}
