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

// The site's one handler (dist/site.mjs) and the production server that calls it (dist/server.mjs), as plain
// Node modules sharing one copy of the site: Next.js's route handler loads the same file at run time, so the
// pages are rendered by React's own server renderer, outside Next.js's bundles (which have no react-dom/server).
await build({
  entryPoints: { server: `${web}src/server.ts`, site: `${web}src/lib/site.ts` },
  outdir: `${web}dist`,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node24'],
  jsx: 'automatic',
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
console.log(
  'built public/cookie-banner.js, public/cookie-banner.css, dist/site.mjs, dist/server.mjs',
)

if (only !== '--no-next') {
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  process.exit(result.status ?? 1)
}
