// Where the bundled policy texts and dataset live in the repository.
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const contentDir = fileURLToPath(new URL('../../content/', import.meta.url))
export const bundledDataset = `${contentDir}dataset.ndjson`
export const bundledTexts = [
  { file: `${contentDir}inmemori-cookies.fr.txt`, lang: 'fr' as const },
  { file: `${contentDir}inmemori-cookies.en.txt`, lang: 'en' as const },
]
