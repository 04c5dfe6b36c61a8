// npm run size: what a visitor downloads for the banner, gzipped (-9) and brotli: loader with the
// vanilla-cookieconsent library inside, its CSS, and the catalog in the format the loader fetches.
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { readCatalogInForce, toVanillaCookieConsent } from '@cookie-policy/schemas/contracts'
import { createGroqRunner, parseNdjson } from '@cookie-policy/schemas/dataset'
import { DEFAULT_CONSENT_COOKIE } from '@cookie-policy/schemas/model'
import { bundledDataset, repoRoot } from './paths'

const web = `${repoRoot}web/`
if (!existsSync(`${web}public/cookie-banner.js`)) {
  console.error('Building the banner loader first (web/build.mjs --no-next)…')
  const build = spawnSync(process.execPath, [`${web}build.mjs`, '--no-next'], {
    cwd: web,
    stdio: 'inherit',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// The default policy's catalog in force, in its binding language: what the loader fetches on its pages.
const catalog = await readCatalogInForce(
  createGroqRunner(parseNdjson(readFileSync(bundledDataset, 'utf8'), bundledDataset)),
)
if (!catalog) throw new Error(`${bundledDataset}: no policy version in force`)
const config = JSON.stringify(
  toVanillaCookieConsent(catalog, { cookieName: DEFAULT_CONSENT_COOKIE }),
)

const parts: [string, Buffer][] = [
  [
    'loader + vanilla-cookieconsent (cookie-banner.js)',
    readFileSync(`${web}public/cookie-banner.js`),
  ],
  ['CSS (cookie-banner.css)', readFileSync(`${web}public/cookie-banner.css`)],
  [`catalog, format=vanilla-cookieconsent, ${catalog.lang} (seed)`, Buffer.from(config)],
]
const sizes = parts.map(([name, bytes]) => ({
  name,
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
}))
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
console.log('| part | raw | gzip -9 | brotli |\n| --- | ---: | ---: | ---: |')
for (const size of sizes)
  console.log(`| ${size.name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.br)} |`)
const total = (key: 'raw' | 'gzip' | 'br') => sizes.reduce((sum, size) => sum + size[key], 0)
console.log(`| **total** | ${kb(total('raw'))} | **${kb(total('gzip'))}** | ${kb(total('br'))} |`)
