// Where the bundled policy texts and the datasets made from them live in the repository.
import { fileURLToPath } from 'node:url'
import type { ImportOptions } from '@cookie-policy/schemas/import'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const contentDir = `${repoRoot}content/`
export const bundledDataset = `${contentDir}dataset.ndjson`
const e2eFixtures = `${repoRoot}web/e2e/fixtures/`

export interface DatasetRecipe {
  output: string
  steps: { file: string; options: ImportOptions }[]
}

const seed = [
  { file: `${contentDir}cookies.fr.txt`, options: { lang: 'fr' as const } },
  { file: `${contentDir}cookies.en.txt`, options: { lang: 'en' as const } },
]

/** Every dataset the repository ships, with the imports that make it. */
export const datasetRecipes: DatasetRecipe[] = [
  { output: bundledDataset, steps: seed },
  {
    // Three versions: the seed (2021), a second in force since 2024, a third announced for 2099.
    output: `${e2eFixtures}three-versions.ndjson`,
    steps: [
      ...seed,
      { file: `${e2eFixtures}002-three-versions-v2.fr.txt`, options: { lang: 'fr' } },
      {
        file: `${e2eFixtures}003-three-versions-v3.fr.txt`,
        options: { lang: 'fr', requiresNewConsent: true },
      },
    ],
  },
  {
    // Two policies in one deployment: the seed, and an English-only policy of a UK site on London time.
    output: `${e2eFixtures}two-policies.ndjson`,
    steps: [
      ...seed,
      {
        file: `${e2eFixtures}004-uk-cookies.en.txt`,
        options: { lang: 'en', slug: 'uk-cookies', timeZone: 'Europe/London' },
      },
    ],
  },
]
