// The importer: a parsed policy text applied to a dataset's documents. The first text imported creates the
// policy in its language, the binding one; a later text in that language becomes the next version, and a text
// in another language translates the version with the same effective date.
import type { PolicyVersion } from '../sanity.types'
import { createGroqRunner, type SanityDocument } from '../dataset'
import { isLang, LANGUAGES, type Lang } from '../languages'
import { LOCALES } from '../locales'
import { DEFAULT_TIME_ZONE, isIsoDate, isTimeZone } from '../model/dates'
import { isLocalized } from '../model/localized'
import { paragraphsToBlocks } from '../model/portableText'
import { withContentHash } from '../model/contentHash'
import { planPublication, PublishError, type ConsentChangeChoice } from '../model/publish'
import { compact, stableStringify } from '../model/stable'
import { fold, shortHash, slugify } from '../model/text'
import {
  bindingOf,
  readForPublishing,
  readVersions,
  type FullVersion,
  type PublishingState,
} from '../state'
import { categoryTraits } from './categories'
import { PolicyImportError } from './errors'
import type { ParsedPolicy, ParsedRow, ParsedSection } from './parse'

export interface ImportOptions {
  /** The language the text is written in. */
  lang: Lang
  /** The policy's address; "cookies" unless given. */
  slug?: string
  /** YYYY-MM-DD; wins over the text's version line. */
  effective?: string
  /** Every category a visitor may refuse is asked again (else each as the differences suggest). */
  requiresNewConsent?: boolean
  /** An editor's decision for a category, where it differs from the suggestion (with its reason). */
  consentChanges?: ConsentChangeChoice[]
  publisher?: string
  siteUrl?: string
  /** A new policy's time zone (default Europe/Paris): versions take effect at midnight there. */
  timeZone?: string
}

export interface ImportResult {
  documents: SanityDocument[]
  outcome: 'published' | 'unchanged' | 'translated'
  version: number
  effectiveFrom: string
  message: string
}

type Doc = SanityDocument

export async function importPolicy(
  existing: readonly Doc[],
  parsed: ParsedPolicy,
  options: ImportOptions,
): Promise<ImportResult> {
  const slug = options.slug ?? 'cookies'
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
    throw new PolicyImportError(
      parsed.file,
      null,
      `"${slug}" is not a valid policy address: use lower-case letters, digits and "-"`,
    )
  if (options.effective !== undefined && !isIsoDate(options.effective)) {
    throw new PolicyImportError(
      parsed.file,
      null,
      `--effective "${options.effective}" is not a date written YYYY-MM-DD`,
    )
  }
  if (!isLang(options.lang)) {
    throw new PolicyImportError(
      parsed.file,
      null,
      `"${options.lang}" is not a language of this deployment (${LANGUAGES.join(', ')}): set POLICY_LANGUAGES to publish in it`,
    )
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new PolicyImportError(
      parsed.file,
      null,
      `--time-zone "${options.timeZone}" is not a time zone (write it like Europe/London)`,
    )
  }
  const state = await readForPublishing(createGroqRunner(existing), slug)
  // The first text of a policy sets its binding language; texts in another language translate it.
  if (!state || options.lang === bindingOf(state.policy))
    return importSource(existing, parsed, options, slug)
  return importTranslation(existing, parsed, options, slug, state)
}

const loc = (type: 'localeString' | 'localeText', lang: Lang, value: string) => ({
  _type: type,
  [lang]: value,
})
const locBlocks = (paragraphs: string[], lang: Lang, seed: string) =>
  paragraphs.length
    ? { _type: 'localeBlockContent', [lang]: paragraphsToBlocks(paragraphs, seed) }
    : undefined

/** The company's name: given, kept, the name the text defines in quotes and bold, or the site's domain. */
function publisherFrom(
  parsed: ParsedPolicy,
  options: ImportOptions,
  existing: Doc | undefined,
  siteUrl: string | undefined,
): string {
  if (options.publisher) return options.publisher
  if (typeof existing?.publisher === 'string') return existing.publisher
  // The defined name is quoted as well as bold: (ci-après « **Acme** »), ("**Acme**").
  const defined = /[«"“„‘']\s*\*\*([^*]+?)\*\*/.exec(parsed.intro.join('\n'))?.[1]?.trim()
  if (defined) return defined
  if (siteUrl) return new URL(siteUrl).hostname.replace(/^www\./, '')
  throw new PolicyImportError(
    parsed.file,
    1,
    'cannot tell who publishes this policy (no quoted name in bold in the introduction, no site address): pass --publisher "<company name>"',
  )
}

function siteUrlFrom(
  parsed: ParsedPolicy,
  options: ImportOptions,
  existing: Doc | undefined,
): string | undefined {
  if (options.siteUrl) return options.siteUrl
  if (typeof existing?.siteUrl === 'string') return existing.siteUrl
  const found = /\bhttps:\/\/[^\s)»"]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/i.exec(
    parsed.intro.join('\n'),
  )?.[0]
  return found ? (found.startsWith('https://') ? found : `https://${found}`) : undefined
}

/** The catalog documents and the edited policy that a text in the binding language describes. */
function sourceDocuments(
  parsed: ParsedPolicy,
  slug: string,
  byId: Map<string, Doc>,
  options: ImportOptions,
) {
  const policyId = `policy-${slug}`
  const old = byId.get(policyId)
  const lang = options.lang
  const siteUrl = siteUrlFrom(parsed, options, old)
  const publisher = publisherFrom(parsed, options, old, siteUrl)
  const categories: Doc[] = []
  const cookies: Doc[] = []
  const providers = new Map<string, Doc>()
  const keys = new Set<string>()
  const cookieIds = new Map<string, number>()
  const categorySections = parsed.sections.filter((section) => section.rows?.length)
  const sectionKey = new Map<ParsedSection, string>()

  categorySections.forEach((section, index) => {
    const rows = section.rows!
    const traits = categoryTraits(
      section.heading,
      index,
      rows.map((row) => row.type ?? ''),
      keys,
    )
    keys.add(traits.key)
    sectionKey.set(section, traits.key)
    const categoryId = `cookieCategory-${slug}-${traits.key}`
    categories.push({
      _id: categoryId,
      _type: 'cookieCategory',
      policy: { _type: 'reference', _ref: policyId },
      key: traits.key,
      title: loc('localeString', lang, section.heading),
      description: loc('localeText', lang, section.paragraphs.join('\n\n')),
      required: traits.required,
      order: index + 1,
      consentModes: traits.consentModes,
    })
    rows.forEach((row, rowIndex) => {
      const providerName =
        row.provider ?? (row.names[0]!.startsWith('.') ? row.names[0]!.slice(1) : publisher)
      const providerId = `provider-${slugify(providerName)}`
      if (!providers.has(providerId))
        providers.set(providerId, { _id: providerId, _type: 'provider', name: providerName })
      const id = cookieId(slug, row, cookieIds, parsed.file)
      cookies.push({
        _id: id,
        _type: 'cookie',
        name: row.name,
        names: row.names,
        category: { _type: 'reference', _ref: categoryId },
        provider: { _type: 'reference', _ref: providerId },
        type: row.type === null ? undefined : loc('localeString', lang, row.type),
        purpose: loc('localeText', lang, row.purpose),
        retention: row.retention
          ? { _type: 'retention', ...row.retention }
          : { _type: 'retention', kind: 'unknown' },
        moreInfoUrl: row.moreInfoUrl ?? undefined,
        order: rowIndex + 1,
      })
    })
  })

  const policy: Doc = {
    _id: policyId,
    _type: 'policy',
    title: loc('localeString', lang, parsed.title),
    slug: { _type: 'slug', current: slug },
    publisher,
    siteUrl,
    bindingLanguage: lang,
    timeZone: (old?.timeZone as string | undefined) ?? options.timeZone ?? DEFAULT_TIME_ZONE,
    ...(old?.isDefault === true ? { isDefault: true } : {}),
    intro: locBlocks(parsed.intro, lang, `${slug}:intro:${lang}`),
    sections: parsed.sections.map((section) => ({
      _type: 'policySection',
      _key: shortHash('section', section.number),
      number: section.number,
      heading: loc('localeString', lang, section.heading),
      body: locBlocks(section.paragraphs, lang, `${slug}:${section.number}:${lang}`),
      categoryKey: sectionKey.get(section),
    })),
  }
  return { policy, categories, cookies, providers: [...providers.values()] }
}

function cookieId(slug: string, row: ParsedRow, taken: Map<string, number>, file: string): string {
  let id = `cookie-${slug}-${slugify(row.name) || shortHash(row.name)}`
  const clash = taken.get(id)
  if (clash !== undefined) {
    const first = [...taken.entries()].find(([, line]) => line === clash)
    if (first && fold(row.name) === fold(first[0])) {
      throw new PolicyImportError(
        file,
        row.line,
        `${row.name} is listed twice (first on line ${clash})`,
      )
    }
    id = `${id}-${shortHash(row.name).slice(0, 6)}`
  }
  taken.set(id, row.line)
  return id
}

/** Keeps every translation wherever the binding text beside it is unchanged. */
function carryTranslations(next: unknown, previous: unknown, binding: Lang): unknown {
  if (Array.isArray(next)) {
    const old = Array.isArray(previous) ? previous : []
    return next.map((item, index) => {
      const key = (item as { _key?: string })?._key
      const match = key
        ? old.find((candidate) => (candidate as { _key?: string })?._key === key)
        : old[index]
      return carryTranslations(item, match, binding)
    })
  }
  if (typeof next !== 'object' || next === null) return next
  const record = next as Record<string, unknown>
  const old = (typeof previous === 'object' && previous !== null ? previous : {}) as Record<
    string,
    unknown
  >
  if (isLocalized(record) && binding in record) {
    if (stableStringify(record[binding]) !== stableStringify(old[binding])) return record
    const translations = Object.entries(old).filter(
      ([key, value]) => key !== binding && key !== '_type' && value !== undefined && value !== null,
    )
    return { ...record, ...Object.fromEntries(translations) }
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      carryTranslations(value, old[key], binding),
    ]),
  )
}

async function importSource(
  existing: readonly Doc[],
  parsed: ParsedPolicy,
  options: ImportOptions,
  slug: string,
): Promise<ImportResult> {
  const byId = new Map(existing.map((document) => [document._id, document]))
  const fresh = sourceDocuments(parsed, slug, byId, options)
  const policyId = fresh.policy._id
  const oldCategoryIds = new Set(
    existing
      .filter(
        (document) =>
          document._type === 'cookieCategory' &&
          (document.policy as { _ref?: string })?._ref === policyId,
      )
      .map((document) => document._id),
  )
  const replaced = (document: Doc) =>
    document._id === policyId ||
    oldCategoryIds.has(document._id) ||
    (document._type === 'cookie' &&
      oldCategoryIds.has((document.category as { _ref?: string })?._ref ?? ''))

  const carried = [fresh.policy, ...fresh.categories, ...fresh.cookies].map(
    (document) => compact(carryTranslations(document, byId.get(document._id), options.lang)) as Doc,
  )
  const newProviders = fresh.providers.filter((provider) => !byId.has(provider._id))
  const documents = [
    ...existing.filter((document) => !replaced(document)),
    ...carried,
    ...newProviders,
  ]

  const state = await readForPublishing(createGroqRunner(documents), slug)
  if (!state) throw new Error(`the policy "${slug}" was not written`)
  const { latest, catalog, policy } = state
  const effectiveFrom = options.effective ?? parsed.effectiveFrom
  let plan
  try {
    plan = planPublication({
      policy,
      catalog,
      latest,
      effectiveFrom,
      requiresNewConsent: Boolean(options.requiresNewConsent),
      consentChanges: options.consentChanges,
    })
  } catch (error) {
    if (error instanceof PublishError) throw new PolicyImportError(parsed.file, null, error.message)
    throw error
  }
  if (plan.kind === 'unchanged') {
    return {
      documents: [...existing],
      outcome: 'unchanged',
      version: plan.latestVersion,
      effectiveFrom: latest!.effectiveFrom,
      message: `unchanged: the text is the same as version ${plan.latestVersion}; nothing to publish`,
    }
  }
  // Published with its content hash: from now on, nothing may change what it says.
  const version = await withContentHash(plan.document)
  return {
    documents: [...documents, version],
    outcome: 'published',
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    message: `published version ${version.version}, in force from ${version.effectiveFrom}${askedAgain(version.consentChanges, version.version)}`,
  }
}

/** ", asking visitors again about analytics (material)", or nothing: what the version changes of consent. */
function askedAgain(changes: PolicyVersion['consentChanges'], version: number): string {
  if (version === 1) return ', asking every visitor for consent'
  const material = (changes ?? []).filter((entry) => entry.change === 'material')
  return material.length
    ? `, asking visitors again about ${material.map((entry) => entry.category).join(', ')} (material change)`
    : ', no category changed materially: nobody is asked again'
}

/** Sets a translation beside the binding text of a localised value. */
function withTranslation<T extends object | null | undefined>(
  value: T,
  lang: Lang,
  text: unknown,
): T {
  return value ? ({ ...value, [lang]: text } as T) : value
}

async function importTranslation(
  existing: readonly Doc[],
  parsed: ParsedPolicy,
  options: ImportOptions,
  slug: string,
  { state, latest, policy }: PublishingState,
): Promise<ImportResult> {
  const lang = options.lang
  const binding = state.binding
  const language = LOCALES[lang].englishName
  const effectiveFrom = options.effective ?? parsed.effectiveFrom
  const target = state.versions.find((version) => version.effectiveFrom === effectiveFrom)
  if (!target) {
    const known = state.versions
      .map((version) => `version ${version.version} (${version.effectiveFrom})`)
      .join(', ')
    throw new PolicyImportError(
      parsed.file,
      null,
      `no version of "${slug}" takes effect on ${effectiveFrom}; the dataset has ${known || 'none'}`,
    )
  }
  // Read through the check of its content hash: a version rewritten behind the importer's back is refused.
  const [full] = await readVersions(createGroqRunner(existing), slug, [target.version])
  const stored = existing.find((document) => document._id === full!._id)!
  // Publishing a translation is the one change a published version takes: it is hashed again with it.
  const translated = await withContentHash(
    translateVersion(stored, full!, parsed, slug, lang, binding),
  )
  const documents = existing.map((document) =>
    document._id === stored._id ? translated : document,
  )

  // The latest version's translation also goes to the policy and catalog as edited now, where their binding text matches.
  if (latest && latest.version === target.version) {
    const byId = new Map(documents.map((document) => [document._id, document]))
    const carry = (document: Doc, from: unknown) =>
      byId.set(document._id, compact(carryTranslations(document, from, binding)) as Doc)
    carry(byId.get(policy._id)!, {
      title: translated.title,
      intro: translated.intro,
      sections: translated.sections,
    })
    const snapshot = translated.snapshot as FullVersion['snapshot']
    for (const category of snapshot.categories ?? []) {
      const doc = byId.get(`cookieCategory-${slug}-${category.key}`)
      if (doc) carry(doc, category)
      for (const cookie of category.cookies ?? []) {
        const cookieDoc = cookie.cookieId ? byId.get(cookie.cookieId) : undefined
        if (cookieDoc) carry(cookieDoc, cookie)
      }
    }
    documents.splice(0, documents.length, ...byId.values())
  }
  const changed = stableStringify(stored) !== stableStringify(translated)
  return {
    documents,
    outcome: changed ? 'translated' : 'unchanged',
    version: target.version,
    effectiveFrom,
    message: changed
      ? `added the ${language} translation to version ${target.version} (in force from ${effectiveFrom})`
      : `unchanged: version ${target.version} already has this ${language} translation`,
  }
}

type Translatable = { [lang: string]: unknown } | null | undefined

/** The version with the translation set beside the binding text; the structure must match the binding text's. */
function translateVersion(
  stored: Doc,
  full: FullVersion,
  parsed: ParsedPolicy,
  slug: string,
  lang: Lang,
  binding: Lang,
): Doc {
  const fail = (line: number | null, reason: string): never => {
    throw new PolicyImportError(parsed.file, line, reason)
  }
  const bindingName = LOCALES[binding].englishName
  const has = (value: Translatable) => {
    const text = value?.[binding]
    return Array.isArray(text) ? text.length > 0 : Boolean(text)
  }
  const sections = full.sections ?? []
  const numbers = sections.map((section) => section.number)
  const parsedNumbers = parsed.sections.map((section) => section.number)
  if (numbers.join(',') !== parsedNumbers.join(',')) {
    const line =
      parsed.sections.find((section, index) => section.number !== numbers[index])?.line ?? null
    fail(
      line,
      `the sections (${parsedNumbers.join(', ')}) do not match the ${bindingName} version's (${numbers.join(', ')})`,
    )
  }
  const translatedSections = sections.map((section, index) => {
    const source = parsed.sections[index]!
    if (has(section.body) !== source.paragraphs.length > 0) {
      fail(
        source.line,
        `section ${source.number} has ${source.paragraphs.length ? 'text' : 'no text'} but the ${bindingName} one ${has(section.body) ? 'has' : 'has none'}`,
      )
    }
    return {
      ...section,
      heading: withTranslation(section.heading, lang, source.heading),
      body: source.paragraphs.length
        ? withTranslation(
            section.body,
            lang,
            paragraphsToBlocks(source.paragraphs, `${slug}:${source.number}:${lang}`),
          )
        : section.body,
    }
  })

  const categorySections = parsed.sections.filter((section) => section.rows?.length)
  const categories = full.snapshot.categories ?? []
  if (categories.length !== categorySections.length) {
    fail(
      categorySections[0]?.line ?? null,
      `the text has ${categorySections.length} cookie tables but the ${bindingName} version has ${categories.length} categories`,
    )
  }
  const translatedCategories = categories.map((category, index) => {
    const section = categorySections[index]!
    const rows = section.rows!
    const cookies = category.cookies ?? []
    if (rows.length !== cookies.length) {
      fail(
        section.line,
        `section ${section.number} lists ${rows.length} cookies but the ${bindingName} version lists ${cookies.length}`,
      )
    }
    return {
      ...category,
      title: withTranslation(category.title, lang, section.heading),
      description: withTranslation(category.description, lang, section.paragraphs.join('\n\n')),
      cookies: cookies.map((cookie, rowIndex) => {
        const row = rows[rowIndex]!
        if (row.name !== cookie.name)
          fail(
            row.line,
            `the cookie is "${row.name}" but the ${bindingName} version has "${cookie.name}" in this place`,
          )
        const retention = row.retention
          ? { _type: 'retention', ...row.retention }
          : { _type: 'retention', kind: 'unknown' }
        if (stableStringify(retention) !== stableStringify(cookie.retention)) {
          fail(
            row.line,
            `the retention of ${row.name} differs from the ${bindingName} version's: translate it, do not change it`,
          )
        }
        if ((row.moreInfoUrl ?? null) !== (cookie.moreInfoUrl ?? null)) {
          fail(
            row.line,
            `the learn-more link of ${row.name} differs from the ${bindingName} version's (${cookie.moreInfoUrl ?? 'none'})`,
          )
        }
        return {
          ...cookie,
          type: row.type === null ? cookie.type : withTranslation(cookie.type, lang, row.type),
          purpose: withTranslation(cookie.purpose, lang, row.purpose),
        }
      }),
    }
  })

  return compact({
    ...stored,
    title: withTranslation(full.title, lang, parsed.title),
    intro: parsed.intro.length
      ? withTranslation(full.intro, lang, paragraphsToBlocks(parsed.intro, `${slug}:intro:${lang}`))
      : full.intro,
    sections: translatedSections,
    snapshot: { ...full.snapshot, categories: translatedCategories },
  })
}
