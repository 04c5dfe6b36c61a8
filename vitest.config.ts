// Unit tests of every workspace; the browser tests run with Playwright (web/e2e).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{schemas,scripts,studio,web}/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
})
