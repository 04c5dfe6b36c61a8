// Browser tests against the production build (build.mjs, then the production server) in Debian's Chromium,
// offline. Local servers: the seed site, a site on a three-version fixture, a site whose dataset the tests
// change (to see the banner ask again), a plain page that runs the unmodified Klaro package, a deployment
// in French, English and German that serves two policies (with SITE_URL), a site with an editor's draft
// and a preview secret, a site whose dataset does not exist, and the Studio's dev server (npm run studio) in
// local mode, with the site that reads the dataset it edits.
// Each site records consents in its own temporary folder; the ledger's durability test starts its own
// servers, on SQLite and on the PostgreSQL of TEST_DATABASE_URL.
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, findChromium } from '@cookie-policy/schemas/node'

const web = fileURLToPath(new URL('.', import.meta.url))

// Playwright evaluates this file in every worker too: only the main process makes the changeable copy.
if (!process.env.E2E_MUTABLE_DATASET) {
  process.env.E2E_MUTABLE_DATASET = `${tmpdir()}/cookie-policy-e2e-${process.pid}.ndjson`
  copyFileSync(`${web}../content/dataset.ndjson`, process.env.E2E_MUTABLE_DATASET)
  // The seed with an editor's draft of one cookie: only a preview may show it.
  process.env.E2E_PREVIEW_DATASET = `${tmpdir()}/cookie-policy-e2e-preview-${process.pid}.ndjson`
  copyFileSync(`${web}../content/dataset.ndjson`, process.env.E2E_PREVIEW_DATASET)
  const published = readFileSync(`${web}../content/dataset.ndjson`, 'utf8')
    .split('\n')
    .find((line) => line.includes('"_id":"cookie-cookies-im_lang"'))!
  const draft = JSON.parse(published)
  draft._id = `drafts.${draft._id}`
  draft.purpose.fr = 'Mémoriser la langue choisie (texte en cours de relecture)'
  appendFileSync(process.env.E2E_PREVIEW_DATASET, `${JSON.stringify(draft)}\n`)
  // The Studio's local mode edits this copy, and a site reads it.
  process.env.E2E_STUDIO_DATASET = `${tmpdir()}/cookie-policy-e2e-studio-${process.pid}.ndjson`
  copyFileSync(`${web}../content/dataset.ndjson`, process.env.E2E_STUDIO_DATASET)
  // Each site records consents in a folder of its own, away from the repository's.
  process.env.E2E_CONSENT_STORES = `${tmpdir()}/cookie-policy-e2e-consent-${process.pid}`
}

const site = (port: number, dataset?: string, more: Record<string, string> = {}) => ({
  command: 'node dist/server.mjs',
  cwd: web,
  // An address that answers without content: the broken site's pages answer 503.
  url: `http://127.0.0.1:${port}/api/cookie-catalog/schema`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CONSENT_STORE: `${process.env.E2E_CONSENT_STORES}/${port}`,
    // Every browser test comes from 127.0.0.1: room for all of them in a minute.
    CONSENT_RATE_LIMIT: '1000',
    DATABASE_URL: '',
    ...(dataset ? { POLICY_DATASET: dataset } : {}),
    ...more,
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
    { name: 'site', testIgnore: /(scan|studio|ledger-durability)\.spec\.ts/ },
    { name: 'scan', testMatch: /scan\.spec\.ts/, dependencies: ['site'] },
    // Servers killed under load, on both consent stores: alone too, after the browser tests.
    { name: 'ledger', testMatch: /ledger-durability\.spec\.ts/, dependencies: ['scan'] },
    { name: 'studio', testMatch: /studio\.spec\.ts/ },
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
    site(3105, `${web}e2e/fixtures/two-policies.ndjson`, {
      POLICY_LANGUAGES: 'fr,en,de',
      SITE_URL: 'https://policy.example.com',
    }),
    // Editors' previews: the seed with a draft, and a preview secret.
    site(3106, process.env.E2E_PREVIEW_DATASET, { SANITY_PREVIEW_SECRET: 'e2e-preview-secret' }),
    // A content source that has never answered.
    site(3107, `${tmpdir()}/cookie-policy-e2e-no-such-dataset.ndjson`),
    // The site an editor sees change: it reads the dataset the Studio's local mode edits.
    site(3109, process.env.E2E_STUDIO_DATASET),
    // The Studio's dev server, started as an editor starts it, in local mode (no project).
    {
      command: 'npm run studio',
      cwd: `${web}..`,
      // A file it serves even when its code does not compile: the test, not the start, says what broke.
      url: 'http://127.0.0.1:3333/static/favicon.svg',
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      env: {
        SANITY_TELEMETRY_DISABLED: '1',
        SANITY_STUDIO_PROJECT_ID: '',
        POLICY_DATASET: process.env.E2E_STUDIO_DATASET!,
        // French-binding, translated into English and (one day) German: the Studio speaks all three.
        SANITY_STUDIO_POLICY_LANGUAGES: 'fr,en,de',
        // The site the Studio's dataset feeds: its consent counts show in the publish dialog.
        SANITY_STUDIO_SITE_URL: 'http://127.0.0.1:3109',
      },
    },
    {
      command: 'node e2e/klaro-server.mjs',
      cwd: web,
      url: 'http://127.0.0.1:3104/',
      reuseExistingServer: false,
      env: { PORT: '3104' },
    },
  ],
})
