// npm run preview-link -- /fr/cookies [--minutes 60] [--site http://localhost:3000]: an editor's preview link
// for the embedded mode, signed with the site's SANITY_PREVIEW_SECRET and valid for a while. The secret stays
// on this machine: the link carries only a signature and an expiry.
import { parseArgs } from 'node:util'
import { PREVIEW_LINK_MINUTES, signPreviewLink } from '@cookie-policy/schemas/previewLink'
import { runCli, UsageError } from './cli'

const USAGE = `Usage: npm run preview-link -- <path> [--minutes ${PREVIEW_LINK_MINUTES}] [--site <address>]
  <path>     the page to preview, such as /fr/cookies
  --minutes  how long the link works (1 to 1440; default ${PREVIEW_LINK_MINUTES})
  --site     the site's address (default: SITE_URL, else http://localhost:3000)
Needs SANITY_PREVIEW_SECRET, the same as the site's.`

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { minutes: { type: 'string' }, site: { type: 'string' } },
  })
  const [path, ...extra] = positionals
  if (!path || extra.length) throw new UsageError('give one page path, such as /fr/cookies')
  if (!/^\/(?![/\\])/.test(path))
    throw new UsageError(`${path}: a path of the site starts with one /`)
  const secret = process.env.SANITY_PREVIEW_SECRET
  if (!secret) throw new UsageError('SANITY_PREVIEW_SECRET is not set: use the site’s own')
  const minutes = values.minutes === undefined ? PREVIEW_LINK_MINUTES : Number(values.minutes)
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw new UsageError(`--minutes ${values.minutes}: a whole number from 1 to 1440`)
  const site = (values.site ?? process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
  const link = new URL('/api/draft-mode/enable', site)
  for (const [name, value] of Object.entries(signPreviewLink(path, secret, { minutes })))
    link.searchParams.set(name, value)
  console.log(link.href)
  console.error(
    `Valid ${minutes} minutes, until ${new Date(Date.now() + minutes * 60_000).toISOString()}.`,
  )
})
