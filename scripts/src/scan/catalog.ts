// The catalog a scan checks against: a policy site's catalog endpoint, or a policy of a dataset file.
import { catalogSchema, readCatalogInForce, type Catalog } from '@cookie-policy/schemas/contracts'
import { createGroqRunner } from '@cookie-policy/schemas/dataset'
import { isPolicySlug, type Lang } from '@cookie-policy/schemas/model'
import { RunError, UsageError } from '../cli'
import { readDatasetFile } from '../datasetFile'

export async function loadCatalog(
  catalogUrl: string | undefined,
  datasetFile: string,
  lang: Lang | undefined,
  slug: string | undefined,
): Promise<Catalog> {
  if (catalogUrl) {
    let url: URL
    try {
      url = new URL(catalogUrl)
    } catch {
      throw new UsageError(`--catalog "${catalogUrl}" is not an address`)
    }
    let response: Response
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(15_000) })
    } catch (error) {
      throw new RunError(`--catalog ${catalogUrl}: cannot be fetched (${(error as Error).message})`)
    }
    if (!response.ok) throw new RunError(`--catalog ${catalogUrl}: HTTP ${response.status}`)
    const parsed = catalogSchema.safeParse(await response.json().catch(() => null))
    if (!parsed.success)
      throw new RunError(
        `--catalog ${catalogUrl}: not a cookie catalog (${parsed.error.issues[0]?.message ?? 'invalid'})`,
      )
    // The slug names the reports' folder: only a slug as Sanity makes them.
    if (!isPolicySlug(parsed.data.policy.slug))
      throw new RunError(
        `--catalog ${catalogUrl}: "${parsed.data.policy.slug.slice(0, 100)}" is not a policy slug`,
      )
    return parsed.data
  }
  const catalog = await readCatalogInForce(createGroqRunner(await readDatasetFile(datasetFile)), {
    lang,
    slug,
  })
  if (!catalog)
    throw new RunError(
      `--dataset ${datasetFile}: no ${slug ? `"${slug}" ` : ''}policy version in force`,
    )
  return catalog
}
