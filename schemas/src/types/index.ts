// Every Sanity schema type of the content model, registered by the Studio and the schema tooling.
import {
  catalogSnapshot,
  snapshotCategory,
  snapshotCookie,
  snapshotProvider,
} from './objects/catalogSnapshot'
import { blockContent } from './objects/blockContent'
import { localeBlockContent, localeString, localeText } from './objects/localized'
import { policySection } from './objects/policySection'
import { retention } from './objects/retention'
import { cookie } from './documents/cookie'
import { cookieCategory } from './documents/cookieCategory'
import { policy } from './documents/policy'
import { policyVersion } from './documents/policyVersion'
import { provider } from './documents/provider'
import { scanReport } from './documents/scanReport'
import { withWords } from './words'
import { LANGUAGES } from '../languages'
import type { KnownLang } from '../locales'

const TYPES = [
  // Documents
  policy,
  policyVersion,
  cookieCategory,
  cookie,
  provider,
  scanReport,
  // Shared objects
  localeString,
  localeText,
  localeBlockContent,
  blockContent,
  retention,
  policySection,
  // The frozen catalog of a published version
  catalogSnapshot,
  snapshotCategory,
  snapshotCookie,
  snapshotProvider,
]

/** Every type, titled and described in `lang` from the Studio's words (./words.ts). */
export const schemaTypesIn = (lang: KnownLang) => withWords(TYPES, lang)

/** In the deployment's first language: for the schema tooling and the tests. */
export const schemaTypes = schemaTypesIn(LANGUAGES[0])
