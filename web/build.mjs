#!/usr/bin/env node
// Builds what Next.js does not: the banner loader any site includes with one <script> tag
// (public/cookie-banner.js, with vanilla-cookieconsent inside, and its CSS), and the production server
// (dist/server.mjs). Then `next build`.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const web = fileURLToPath(new URL('.', import.meta.url))
const require = createRequire(import.meta.url)
const only = process.argv[2]

mkdirSync(`${web}public`, { recursive: true })
await build({
  entryPoints: [`${web}src/banner/loader.ts`],
  outfile: `${web}public/cookie-banner.js`,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  legalComments: 'none',
  logLevel: 'warning',
})
copyFileSync(
  require.resolve('vanilla-cookieconsent/dist/cookieconsent.css'),
  `${web}public/cookie-banner.css`,
)

await build({
  entryPoints: [`${web}src/server.ts`],
  outfile: `${web}dist/server.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node24'],
  // Installed packages load from node_modules at run time; only this repository's TypeScript is bundled.
  external: [
    'next',
    'react',
    'react-dom',
    '@sanity/client',
    'groq-js',
    'groq',
    'zod',
    'diff',
    'kysely',
    'pg',
  ],
  alias: { '@': `${web}src` },
  logLevel: 'warning',
})
console.log('built public/cookie-banner.js, public/cookie-banner.css, dist/server.mjs')

if (only !== '--no-next') {
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  process.exit(result.status ?? 1)
}
