// Node's own SQLite (node:sqlite, SQLite 3.53 in Node 24) behind Kysely's SqliteDialect: the embedded consent
// store needs no native addon, so nothing is compiled at install and the store runs on whatever Node runs
// the site. Kysely's dialect asks for a better-sqlite3-like database; this is that shape over DatabaseSync.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite'
import type { SqliteDatabase } from 'kysely'

/** Opens (creating) the file; `pragmas` run first, in order. */
export function openNodeSqlite(file: string, pragmas: readonly string[] = []): SqliteDatabase {
  const database = new DatabaseSync(file)
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
  const database = new DatabaseSync(file)
  try {
    database.exec(statement)
  } finally {
    database.close()
  }
}
