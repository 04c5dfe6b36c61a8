// npm run size: what a visitor downloads for the banner, gzipped (-9) and brotli: loader with the
// vanilla-cookieconsent library inside, its CSS, and the catalog in the format the loader fetches.
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { parseNdjson, createGroqRunner } from '@cookie-policy/schemas/dataset'
import { projectCatalog, toVanillaCookieConsent } from '@cookie-policy/schemas/contracts'
import { todayInParis } from '@cookie-policy/schemas/model'
import { policyPageQuery } from '@cookie-policy/schemas/queries'
import type { PolicyPageQueryResult } from '@cookie-policy/schemas/sanity.types'
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

const run = createGroqRunner(parseNdjson(readFileSync(bundledDataset, 'utf8'), bundledDataset))
const page = (await run<PolicyPageQueryResult>(policyPageQuery, {
  slug: 'cookies',
  today: todayInParis(),
}))!
const catalog = projectCatalog({
  slug: 'cookies',
  policyTitle: page.title,
  version: page.current!,
  consentRevision: page.consentRevision ?? 0,
  lang: 'fr',
  url: '/fr/cookies',
})
const config = JSON.stringify(toVanillaCookieConsent(catalog, { cookieName: 'cookie_validation' }))

const parts: [string, Buffer][] = [
  [
    'loader + vanilla-cookieconsent (cookie-banner.js)',
    readFileSync(`${web}public/cookie-banner.js`),
  ],
  ['CSS (cookie-banner.css)', readFileSync(`${web}public/cookie-banner.css`)],
  ['catalog, format=vanilla-cookieconsent, fr (seed)', Buffer.from(config)],
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
