// Unit tests of every workspace; the browser tests run with Playwright (web/e2e).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The site's own import alias (web/tsconfig.json), for its components under test.
  resolve: { alias: { '@': fileURLToPath(new URL('./web/src', import.meta.url)) } },
  test: {
    include: ['{schemas,scripts,studio,web}/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
})
