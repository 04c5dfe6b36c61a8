// A throwaway PostgreSQL cluster on a loopback port (scripts/bin/postgres-cluster.sh), for the ledger's tests
// and its bench when TEST_DATABASE_URL names none. Stopped and removed when this process exits.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './paths'

/** TEST_DATABASE_URL, else the URL of a cluster started now on `port`; null when none could start. */
export function testPostgresUrl(port: number): string | null {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL
  const script = `${repoRoot}scripts/bin/postgres-cluster.sh`
  const dir = mkdtempSync(join(tmpdir(), 'cookie-policy-postgres-'))
  const started = spawnSync('bash', [script, 'start', dir, String(port)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (started.status !== 0) return null
  process.on('exit', () => spawnSync('bash', [script, 'stop', dir], { stdio: 'inherit' }))
  process.env.TEST_DATABASE_URL = started.stdout.trim()
  return process.env.TEST_DATABASE_URL
}
