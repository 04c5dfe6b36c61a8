// Browser tests against the production build (build.mjs, then the production server) in Debian's Chromium,
// offline. Five local servers: the seed site, a site on a three-version fixture, a site whose dataset the
// tests change (to see the banner ask again), a plain page that runs the unmodified Klaro package, and a
// deployment in French, English and German that serves two policies.
import { copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, findChromium } from '@cookie-policy/schemas/node'

const web = fileURLToPath(new URL('.', import.meta.url))

// Playwright evaluates this file in every worker too: only the main process makes the changeable copy.
if (!process.env.E2E_MUTABLE_DATASET) {
  process.env.E2E_MUTABLE_DATASET = `${tmpdir()}/cookie-policy-e2e-${process.pid}.ndjson`
  copyFileSync(`${web}../content/dataset.ndjson`, process.env.E2E_MUTABLE_DATASET)
}

const site = (port: number, dataset?: string, languages?: string) => ({
  command: 'node dist/server.mjs',
  cwd: web,
  url: `http://127.0.0.1:${port}/fr/cookies`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(dataset ? { POLICY_DATASET: dataset } : {}),
    ...(languages ? { POLICY_LANGUAGES: languages } : {}),
  },
})

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // A loaded 2-core machine answers slower than a laptop: give assertions room rather than retries.
  expect: { timeout: 10_000 },
  // The scan launches its own Chromium three times: it runs alone, after the other browser tests.
  projects: [
    { name: 'site', testIgnore: /scan\.spec\.ts/ },
    { name: 'scan', testMatch: /scan\.spec\.ts/, dependencies: ['site'] },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: [
    site(3101),
    site(3102, `${web}e2e/fixtures/three-versions.ndjson`),
    site(3103, process.env.E2E_MUTABLE_DATASET),
    // A deployment in three languages serving two policies: the seed and an English-only UK policy.
    site(3105, `${web}e2e/fixtures/two-policies.ndjson`, 'fr,en,de'),
    {
      command: 'node e2e/klaro-server.mjs',
      cwd: web,
      url: 'http://127.0.0.1:3104/',
      reuseExistingServer: false,
      env: { PORT: '3104' },
    },
  ],
})
