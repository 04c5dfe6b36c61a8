// Browser tests against the production build (next build && next start) in Debian's Chromium, offline.
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'

const web = fileURLToPath(new URL('.', import.meta.url))
export const SEED_URL = 'http://127.0.0.1:3101'
export const FIXTURE_URL = 'http://127.0.0.1:3102'

const server = (port: number, dataset?: string) => ({
  command: 'node bin/start.mjs',
  cwd: web,
  url: `http://127.0.0.1:${port}/fr/cookies`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: '1',
    ...(dataset ? { POLICY_DATASET: `${web}${dataset}` } : {}),
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
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [server(3101), server(3102, 'e2e/fixtures/three-versions.ndjson')],
})
