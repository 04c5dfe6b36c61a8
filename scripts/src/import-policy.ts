// CLI: npm run import-policy -- <file> --dataset <out.ndjson> [--lang <code>] [--effective YYYY-MM-DD] [--consent key=change:reason]
import { parseArgs } from 'node:util'
import {
  DEFAULT_BINDING_LANGUAGE,
  isLang,
  LANGUAGES,
  type ConsentChangeChoice,
} from '@cookie-policy/schemas/model'
import { importPolicyFile } from './importCommand'
import { runCli, UsageError, userPath } from './cli'

const usage = `Usage: npm run import-policy -- <policy.txt> --dataset <out.ndjson> [options]

Imports a cookie policy text (title, version line, numbered sections, tab-separated cookie tables)
into a Sanity NDJSON dataset. The first text of a policy sets its binding language; a changed text in
that language becomes the next version; a text in another language translates the version with the
same effective date.

Options:
  --dataset <file>          the dataset to create or update (required)
  --lang <code>             the language of the text: ${LANGUAGES.join(', ')} (default: ${DEFAULT_BINDING_LANGUAGE})
  --effective YYYY-MM-DD    the day the version takes effect (default: the text's version line)
  --consent <key>=<change>[:<reason>]
                            overrides what the differences suggest for one category a visitor may
                            refuse: none, editorial or material, with the reason when it differs
                            (repeatable), e.g. --consent 'analytics=editorial:only a typo fixed'
  --requires-new-consent    every category a visitor may refuse is asked again when this version
                            takes effect (by default, only those the differences change materially)
  --slug <slug>             the policy's address (default: cookies)
  --publisher <name>        the company publishing the policy (default: the name the introduction
                            defines in bold, else the site's domain)
  --site-url <https://...>  the site the policy covers (default: the first www. address in the text)
  --time-zone <zone>        a new policy's time zone, where versions take effect at midnight
                            (default: Europe/Paris; for example Europe/London)`

/** "analytics=editorial:only a typo fixed" → a category's decision. */
function parseConsentChange(value: string): ConsentChangeChoice {
  const match = /^([a-z][a-z0-9_-]*)=(none|editorial|material)(?::(.*))?$/s.exec(value)
  if (!match)
    throw new UsageError(
      `--consent "${value}" is not <category>=<none|editorial|material>[:<reason>]`,
    )
  return {
    category: match[1]!,
    change: match[2] as ConsentChangeChoice['change'],
    reason: match[3],
  }
}

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      lang: { type: 'string', default: DEFAULT_BINDING_LANGUAGE },
      effective: { type: 'string' },
      'requires-new-consent': { type: 'boolean', default: false },
      consent: { type: 'string', multiple: true, default: [] },
      slug: { type: 'string' },
      publisher: { type: 'string' },
      'site-url': { type: 'string' },
      'time-zone': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length ? 'give exactly one policy file' : 'give the policy file to import',
    )
  if (!values.dataset) throw new UsageError('--dataset <out.ndjson> is required')
  if (!isLang(values.lang))
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${values.lang}"`)
  const file = userPath(positionals[0]!)
  const dataset = userPath(values.dataset)
  console.error(`Importing ${positionals[0]} (${values.lang}) into ${values.dataset}…`)
  const result = await importPolicyFile(file, dataset, {
    lang: values.lang,
    effective: values.effective,
    requiresNewConsent: values['requires-new-consent'],
    consentChanges: values.consent.map(parseConsentChange),
    slug: values.slug,
    publisher: values.publisher,
    siteUrl: values['site-url'],
    timeZone: values['time-zone'],
  })
  console.log(`${values.dataset}: ${result.message}`)
})
