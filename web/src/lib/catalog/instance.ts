// The one catalog service of this process, over the site's content source and configuration.
import { contentVersion, runQuery } from '../contentSource'
import { consentCookieName, siteUrl } from '../env'
import { createCatalogService, type CatalogService } from './service'

let service: CatalogService | null = null

export function catalogService(): CatalogService {
  service ??= createCatalogService({
    runQuery,
    contentVersion,
    siteUrl: siteUrl(),
    cookieName: consentCookieName(),
  })
  return service
}
