// CLI: npm run consent -- verify | checkpoint | export | find <consentId> | purge — the consent ledger, while the site runs.
import { once } from 'node:events'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { consentRecordSchema, type ConsentRecord } from '@cookie-policy/schemas/contracts'
import {
  describeLedger,
  headSignatureHolds,
  ledgerConfig,
  ledgerExists,
  LedgerStoreError,
  newSigningKey,
  openLedgerStore,
  signedHeadSchema,
  signHead,
  verifyLedger,
  type LedgerStore,
  type SignedHead,
} from '@cookie-policy/schemas/ledger'
import { canonicalContent, DEFAULT_CONSENT_COOKIE, LANGUAGES } from '@cookie-policy/schemas/model'
import { createGroqRunner, readNdjsonFile } from '@cookie-policy/schemas/dataset'
import { readCatalog, toVanillaCookieConsent } from '@cookie-policy/schemas/contracts'
import { policyDatasetFile } from '@cookie-policy/schemas/node'
import { policiesQuery, policyVersionContentQuery } from '@cookie-policy/schemas/queries'
import { readPolicyState } from '@cookie-policy/schemas/state'
import { repoRoot } from './paths'

/** The consent cookie's name, as the site's banner configuration carries it. */
const consentCookieName = () => process.env.CONSENT_COOKIE_NAME || DEFAULT_CONSENT_COOKIE
import { RunError, runCli, UsageError } from './cli'

const RETENTION_YEARS = 5

/** A chain that does not verify: exit 1, as verify does. */
class BrokenChain extends Error {}

const usage = `Usage: npm run consent -- <command> [options]

The consent ledger: every choice the banner recorded, hash-chained. The store is PostgreSQL when
DATABASE_URL is set, else the SQLite folder CONSENT_STORE (default: .data/consent in the repository).

Commands:
  verify [--checkpoint FILE]  checks the whole chain; exit 0 intact, 1 broken (names the first bad
                              record), 2 cannot run. With a signed head kept elsewhere (FILE, from
                              checkpoint), also that the chain was not cut or rebuilt since
  checkpoint                  verifies the chain, signs its head (Ed25519: CONSENT_SIGNING_KEY, a PEM
                              file, else the store's own key, made on first use), keeps it (the site
                              serves the latest at /.well-known/consent-ledger.json) and prints it:
                              publish it somewhere the database's writers cannot change
  evidence --consent-id ID --out DIR
                              writes one folder a third party checks offline with \`node verify.mjs\`:
                              the visitor's records, the chain between two signed heads around them
                              (signing a new head when none follows them), the public key, and the
                              exact version contents and banner texts the records name
  as-of DATE                  what was in force on that day (UTC), as JSON: each policy's version, its
                              content hash and text, its banner text per language, and the day's
                              choices counted per action and per category (no identifier); reads the
                              dataset file (POLICY_DATASET, default content/dataset.ndjson)
  export [--from DATE] [--to DATE] [--format json|csv]
                              writes the records to standard output, oldest first (JSON: an array);
                              dates are YYYY-MM-DD (UTC days, both included) or ISO 8601 times
  find <consentId>            a visitor's records, newest first (exit 1 when there are none)
  purge [--before DATE]       deletes the records older than DATE (default: ${RETENTION_YEARS} years ago, the
                              retention limit) and records a checkpoint, so verify still passes;
                              a DATE in the future needs --force`

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A date or time from the command line as an ISO time; a day's end is the start of the next (exclusive). */
function parseTime(option: string, value: string, endOfDay = false): string {
  const time = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value)
  if (Number.isNaN(time) || !(DAY.test(value) || /^\d{4}-\d{2}-\d{2}T/.test(value)))
    throw new UsageError(`${option} "${value}" is not a date (YYYY-MM-DD) or an ISO 8601 time`)
  return new Date(DAY.test(value) && endOfDay ? time + 86_400_000 : time).toISOString()
}

async function open(): Promise<LedgerStore> {
  let where = 'DATABASE_URL'
  try {
    const config = ledgerConfig(process.env, repoRoot)
    where = describeLedger(config)
    if (!ledgerExists(config))
      throw new LedgerStoreError(
        `no consent store in ${config.kind === 'sqlite' ? config.dir : where}: check CONSENT_STORE (the site creates it on its first consent)`,
      )
    return await openLedgerStore(config)
  } catch (error) {
    // The store's own errors name it already.
    const message = (error as Error).message
    throw new RunError(
      error instanceof LedgerStoreError
        ? message
        : `cannot open the consent store (${where}): ${message}`,
    )
  }
}

/** Writes to standard output, waiting when the reader is slower: memory stays flat. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
}

const CSV_COLUMNS = [
  'seq',
  'id',
  'kind',
  'consentId',
  'recordedAt',
  'policy',
  'version',
  'consentRevision',
  'lang',
  'accepted',
  'rejected',
  'action',
  'gpc',
  'banner',
  'contentHash',
  'bannerHash',
  'browser',
  'reasked',
  'carried',
  'checkpoint',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof ConsentRecord)[]

function csvCell(value: unknown): string {
  const text =
    value === null
      ? ''
      : Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? value.join(' ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

async function exportRecords(store: LedgerStore, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
  })
  if (values.format !== 'json' && values.format !== 'csv')
    throw new UsageError(`--format "${values.format}" is not json or csv`)
  const range = {
    from: values.from ? parseTime('--from', values.from) : undefined,
    before: values.to ? parseTime('--to', values.to, true) : undefined,
  }
  let first = true
  if (values.format === 'csv') await write(`${CSV_COLUMNS.join(',')}\n`)
  else await write('[')
  await store.snapshot((view) =>
    view.scan(range, async (record) => {
      if (values.format === 'csv')
        await write(`${CSV_COLUMNS.map((column) => csvCell(record[column])).join(',')}\n`)
      else {
        await write(`${first ? '\n' : ',\n'}${JSON.stringify(record)}`)
        first = false
      }
    }),
  )
  if (values.format === 'json') await write(first ? ']\n' : '\n]\n')
}

await runCli(usage, async () => {
  const [command, ...args] = process.argv.slice(2)
  if (!command || command === '--help' || command === '-h') {
    console.log(usage)
    return
  }
  if (!['verify', 'checkpoint', 'evidence', 'as-of', 'export', 'find', 'purge'].includes(command))
    throw new UsageError(`unknown command "${command}"`)
  if (command === 'find' && args.length !== 1)
    throw new UsageError('find needs one consent ID: npm run consent -- find <consentId>')
  const store = await open()
  try {
    return await run(store, command, args)
  } catch (error) {
    if (error instanceof UsageError || error instanceof RunError) throw error
    // The store failed under the command (a lost connection, a disk error): it could not run.
    throw new RunError(
      `consent store (${describeLedger(store.config)}): ${(error as Error).message}`,
    )
  } finally {
    await store.close()
  }
})

/**
 * What was in force on a day: per policy, the version and what it said (its content hash, its text in
 * every language, its banner text per language), and the day's choices as counts only.
 */
async function asOf(store: LedgerStore, day: string) {
  if (process.env.SANITY_PROJECT_ID)
    throw new RunError(
      'as-of reads the dataset file: export the Content Lake (sanity dataset export) and set POLICY_DATASET to it',
    )
  const file = policyDatasetFile(repoRoot)
  const run = createGroqRunner(
    await readNdjsonFile(file).catch((error: unknown) => {
      throw new RunError(`POLICY_DATASET ${file}: ${(error as Error).message}`)
    }),
  )
  const noon = new Date(`${day}T12:00:00Z`)
  const policies = []
  for (const { slug } of await run(policiesQuery)) {
    const state = await readPolicyState(run, slug, noon)
    if (!state?.inForce) {
      policies.push({ slug, version: null })
      continue
    }
    const number = state.inForce.version
    const [stored] = await run(policyVersionContentQuery, { slug, versions: [number] })
    const banners: Record<string, unknown> = {}
    for (const lang of LANGUAGES) {
      const read = await readCatalog(run, { slug, version: number, lang, now: noon })
      if (read.found)
        banners[lang] = toVanillaCookieConsent(read.catalog, {
          cookieName: consentCookieName(),
        }).language.translations[lang]
    }
    policies.push({
      slug,
      version: number,
      effectiveFrom: state.inForce.effectiveFrom,
      contentHash: stored?.contentHash ?? null,
      text: stored ? JSON.parse(canonicalContent(stored)) : null,
      banners,
    })
  }
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString()
  const choices: Record<
    string,
    {
      actions: Record<string, number>
      categories: Record<string, { accepted: number; rejected: number }>
    }
  > = {}
  await store.snapshot((view) =>
    view.scan({ from: `${day}T00:00:00.000Z`, before: next }, (record) => {
      if (record.kind !== 'consent' || !record.policy) return
      const key = `${record.policy}@${record.version}`
      const counts = (choices[key] ??= { actions: {}, categories: {} })
      counts.actions[record.action!] = (counts.actions[record.action!] ?? 0) + 1
      if (record.gpc) counts.actions.gpcSignal = (counts.actions.gpcSignal ?? 0) + 1
      for (const [list, field] of [
        [record.accepted, 'accepted'],
        [record.rejected, 'rejected'],
      ] as const)
        for (const category of list) {
          const entry = (counts.categories[category] ??= { accepted: 0, rejected: 0 })
          entry[field]++
        }
    }),
  )
  return { day, policies, choices }
}

/** Verifies the chain, then signs its head and keeps it. */
async function checkpoint(store: LedgerStore): Promise<SignedHead> {
  const result = await verifyLedger(store)
  if (!result.ok)
    throw new BrokenChain(
      `broken at record #${result.bad.seq} (${result.bad.id}): ${result.reason}; nothing was signed`,
    )
  if (!result.head) throw new RunError('the ledger is empty: there is no head to sign yet')
  const head = signHead(
    { ...result.head, records: result.records, signedAt: new Date().toISOString() },
    await signingKey(store),
  )
  await store.saveSignedHead(head)
  return head
}

/**
 * An evidence bundle: the visitor's records, the chain between the newest signed head before them (or the
 * chain's start) and one after them (signed now when there is none), the heads and their public key, the
 * exact bytes of every version content and banner text the records name, and verify.mjs.
 */
async function writeEvidence(
  store: LedgerStore,
  consentId: string,
  out: string,
): Promise<{ records: number; from: number; to: number }> {
  const records = (await store.find(consentId)).reverse()
  if (!records.length) throw new RunError(`no consent is recorded for ${consentId}`)
  const first = records[0]!.seq
  const last = records.at(-1)!.seq
  const heads = await store.signedHeads()
  const start = heads.filter((head) => head.seq < first).at(-1) ?? null
  const end = heads.find((head) => head.seq >= last) ?? (await checkpoint(store))
  const chain = await store.range((start?.seq ?? 0) + 1, end.seq)
  if (chain[0]?.seq !== (start?.seq ?? 0) + 1)
    throw new RunError(
      `the chain before record #${first} was purged and no signed head precedes it: sign heads regularly (npm run consent -- checkpoint)`,
    )
  await mkdir(join(out, 'versions'), { recursive: true })
  await mkdir(join(out, 'banners'), { recursive: true })
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  await writeFile(join(out, 'records.json'), `${JSON.stringify(records)}\n`)
  await writeFile(
    join(out, 'chain.ndjson'),
    chain.map((record) => `${JSON.stringify(record)}\n`).join(''),
  )
  await writeFile(join(out, 'heads.json'), json({ start, end }))
  await writeFile(join(out, 'public-key.pem'), end.publicKey)
  for (const record of records) {
    if (record.contentHash) {
      const hex = record.contentHash.replace(/^sha256:/, '')
      const body = await store.shownContent(record.contentHash)
      if (body !== null) await writeFile(join(out, 'versions', `${hex}.json`), body)
    }
    if (record.bannerHash) {
      const body = await store.shownContent(record.bannerHash)
      if (body !== null) await writeFile(join(out, 'banners', `${record.bannerHash}.json`), body)
    }
  }
  await copyFile(new URL('./evidence/verify.mjs', import.meta.url), join(out, 'verify.mjs'))
  return { records: records.length, from: (start?.seq ?? 0) + 1, to: end.seq }
}

/** The key that signs heads: CONSENT_SIGNING_KEY (a PEM file), else the store's own, made on first use. */
async function signingKey(store: LedgerStore): Promise<string> {
  const file = process.env.CONSENT_SIGNING_KEY
  if (file) {
    try {
      return await readFile(file, 'utf8')
    } catch (error) {
      throw new RunError(`CONSENT_SIGNING_KEY ${file}: ${(error as Error).message}`)
    }
  }
  return store.setting('signing_key', () => newSigningKey().privateKey)
}

async function readSignedHead(file: string): Promise<SignedHead> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new RunError(`--checkpoint ${file}: ${(error as Error).message}`)
  }
  const parsed = signedHeadSchema.safeParse(value)
  if (!parsed.success)
    throw new RunError(
      `--checkpoint ${file}: not a signed head (${parsed.error.issues[0]!.message})`,
    )
  return parsed.data
}

/** Why the chain does not extend a signed head, or null when it does. */
async function checkAgainstHead(
  store: LedgerStore,
  signed: SignedHead,
  head: { seq: number; hash: string } | null,
): Promise<string | null> {
  if (!headSignatureHolds(signed)) return 'its signature does not hold: the checkpoint was changed'
  if (!head || head.seq < signed.seq)
    return `the chain was cut: it ends at #${head?.seq ?? 0}, before the signed head #${signed.seq}`
  const record = await store.recordAt(signed.seq)
  if (record)
    return record.hash === signed.hash
      ? null
      : `the chain was rebuilt: record #${signed.seq} no longer has the hash that was signed`
  // Gone: only a purge may have removed it, and its checkpoint names the hash it had.
  const purges = await store.snapshot((view) => view.checkpoints())
  const purge = purges.find((checkpoint) => checkpoint.checkpoint!.purgedThrough >= signed.seq)
  return purge ? null : `record #${signed.seq}, the signed head, was removed without a purge`
}

async function run(store: LedgerStore, command: string, args: string[]): Promise<void> {
  try {
    return await runCommand(store, command, args)
  } catch (error) {
    if (!(error instanceof BrokenChain)) throw error
    console.error(error.message)
    process.exitCode = 1
  }
}

async function runCommand(store: LedgerStore, command: string, args: string[]): Promise<void> {
  switch (command) {
    case 'verify': {
      const { values } = parseArgs({ args, options: { checkpoint: { type: 'string' } } })
      const signed = values.checkpoint ? await readSignedHead(values.checkpoint) : null
      const result = await verifyLedger(store)
      if (!result.ok) {
        console.error(
          `broken at record #${result.bad.seq} (${result.bad.id}): ${result.reason}; the ${result.records} records before it are intact`,
        )
        process.exitCode = 1
        return
      }
      if (signed) {
        const problem = await checkAgainstHead(store, signed, result.head)
        if (problem) {
          console.error(`does not hold against the checkpoint of ${signed.signedAt}: ${problem}`)
          process.exitCode = 1
          return
        }
      }
      console.log(
        result.head
          ? `intact: ${result.records} records (${result.consents} consents), head #${result.head.seq} ${result.head.hash}${signed ? `; it extends the head signed ${signed.signedAt} (#${signed.seq})` : ''}`
          : 'intact: the ledger is empty',
      )
      return
    }
    case 'checkpoint': {
      parseArgs({ args, options: {} })
      console.log(JSON.stringify(await checkpoint(store), null, 2))
      return
    }
    case 'as-of': {
      const { positionals } = parseArgs({ args, options: {}, allowPositionals: true })
      const day = positionals[0]
      if (!day || !DAY.test(day) || Number.isNaN(Date.parse(day)))
        throw new UsageError(`as-of needs a day written YYYY-MM-DD${day ? `, not "${day}"` : ''}`)
      console.log(JSON.stringify(await asOf(store, day), null, 2))
      return
    }
    case 'evidence': {
      const { values } = parseArgs({
        args,
        options: { 'consent-id': { type: 'string' }, out: { type: 'string' } },
      })
      if (!values['consent-id'] || !values.out)
        throw new UsageError('evidence needs --consent-id ID and --out DIR')
      const written = await writeEvidence(store, values['consent-id'].toLowerCase(), values.out)
      console.log(
        `${values.out}: ${written.records} record${written.records === 1 ? '' : 's'}, the chain from #${written.from} to #${written.to}; check it with: cd ${values.out} && node verify.mjs`,
      )
      return
    }
    case 'export':
      return await exportRecords(store, args)
    case 'find': {
      const records = await store.find(args[0]!.toLowerCase())
      if (!records.length) {
        console.error(`no consent is recorded for ${args[0]}`)
        process.exitCode = 1
        return
      }
      console.log(
        JSON.stringify(
          records.map((record) => consentRecordSchema.parse(record)),
          null,
          2,
        ),
      )
      return
    }
    case 'purge': {
      const { values } = parseArgs({
        args,
        options: { before: { type: 'string' }, force: { type: 'boolean' } },
      })
      const limit = new Date()
      limit.setUTCFullYear(limit.getUTCFullYear() - RETENTION_YEARS)
      const before = values.before ? parseTime('--before', values.before) : limit.toISOString()
      if (before > new Date().toISOString() && !values.force)
        throw new UsageError(
          `--before ${values.before} is in the future: that deletes every record (add --force to mean it)`,
        )
      const checkpoint = await store.purge(before)
      console.log(
        checkpoint
          ? `purged ${checkpoint.checkpoint!.purgedRecords} consents recorded before ${before} (records up to #${checkpoint.checkpoint!.purgedThrough}); checkpoint #${checkpoint.seq}`
          : `nothing to purge: no record is older than ${before}`,
      )
      return
    }
  }
}
