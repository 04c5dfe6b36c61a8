// The consent ledger, server side (Node only): storage on SQLite or PostgreSQL, the hash chain, verification,
// and the group-commit writer the site appends through.
export * from './chain'
export * from './signedHead'
export * from './store'
export * from './verify'
export * from './writer'
