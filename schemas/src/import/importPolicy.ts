// The importer: a parsed policy text applied to a dataset's documents. French creates versions; English translates one.
import { createGroqRunner, type SanityDocument } from '../dataset'
import type { Lang } from '../languages'
import { isIsoDate } from '../model/dates'
import { paragraphsToBlocks } from '../model/portableText'
import {
  planPublication,
  PublishError,
  type EditedPolicy,
  type PublishedVersion,
} from '../model/publish'
import { compact, stableStringify } from '../model/stable'
import { fold, shortHash, slugify } from '../model/text'
import { currentCatalogQuery, policyPageQuery, policyVersionsByNumberQuery } from '../queries'
import type {
  CurrentCatalogQueryResult,
  PolicyPageQueryResult,
  PolicyVersionsByNumberQueryResult,
} from '../sanity.types'
import { categoryTraits } from './categories'
import { PolicyImportError } from './errors'
import type { ParsedPolicy, ParsedRow, ParsedSection } from './parse'

export interface ImportOptions {
  lang: Lang
  /** The policy's address; "cookies" unless given. */
  slug?: string
  /** YYYY-MM-DD; wins over the text's version line. */
  effective?: string
  requiresNewConsent?: boolean
  publisher?: string
  siteUrl?: string
}

export interface ImportResult {
  documents: SanityDocument[]
  outcome: 'published' | 'unchanged' | 'translated'
  version: number
  effectiveFrom: string
  message: string
}

type Doc = SanityDocument
const FAR_FUTURE = '9999-12-31'

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
  return options.lang === 'fr'
    ? importSource(existing, parsed, options, slug)
    : importTranslation(existing, parsed, options, slug)
}

const loc = (type: 'localeString' | 'localeText', fr: string) => ({ _type: type, fr })
const locBlocks = (paragraphs: string[], seed: string) =>
  paragraphs.length
    ? { _type: 'localeBlockContent', fr: paragraphsToBlocks(paragraphs, seed) }
    : undefined

function publisherFrom(
  parsed: ParsedPolicy,
  options: ImportOptions,
  existing: Doc | undefined,
): string {
  if (options.publisher) return options.publisher
  if (typeof existing?.publisher === 'string') return existing.publisher
  const title = parsed.title.replace(/’/g, "'")
  const match =
    /^politique\s+(?:de\s+(?:la\s+soci[ée]t[ée]\s+)?|d')\s*(.+?)\s+(?:relative|en mati[èe]re|sur|concernant|de gestion)\b/i.exec(
      title,
    ) ?? /^(.+?)(?:'s)?\s+cookies?\s+(?:policy|notice)$/i.exec(title)
  if (!match) {
    throw new PolicyImportError(
      parsed.file,
      1,
      `cannot tell the publisher from the title "${parsed.title}": pass --publisher "<company name>"`,
    )
  }
  return match[1]!.trim()
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

/** The catalog documents and the edited policy that a French text describes. */
function sourceDocuments(
  parsed: ParsedPolicy,
  slug: string,
  byId: Map<string, Doc>,
  options: ImportOptions,
) {
  const policyId = `policy-${slug}`
  const old = byId.get(policyId)
  const publisher = publisherFrom(parsed, options, old)
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
      title: loc('localeString', section.heading),
      description: loc('localeText', section.paragraphs.join('\n\n')),
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
        type: row.type === null ? undefined : loc('localeString', row.type),
        purpose: loc('localeText', row.purpose),
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
    title: loc('localeString', parsed.title),
    slug: { _type: 'slug', current: slug },
    publisher,
    siteUrl: siteUrlFrom(parsed, options, old),
    intro: locBlocks(parsed.intro, `${slug}:intro:fr`),
    sections: parsed.sections.map((section) => ({
      _type: 'policySection',
      _key: shortHash('section', section.number),
      number: section.number,
      heading: loc('localeString', section.heading),
      body: locBlocks(section.paragraphs, `${slug}:${section.number}:fr`),
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

/** Keeps an English translation wherever the French beside it is unchanged. */
function carryTranslations(next: unknown, previous: unknown): unknown {
  if (Array.isArray(next)) {
    const old = Array.isArray(previous) ? previous : []
    return next.map((item, index) => {
      const key = (item as { _key?: string })?._key
      const match = key
        ? old.find((candidate) => (candidate as { _key?: string })?._key === key)
        : old[index]
      return carryTranslations(item, match)
    })
  }
  if (typeof next !== 'object' || next === null) return next
  const record = next as Record<string, unknown>
  const old = (typeof previous === 'object' && previous !== null ? previous : {}) as Record<
    string,
    unknown
  >
  if (typeof record._type === 'string' && record._type.startsWith('locale') && 'fr' in record) {
    const sameFrench = stableStringify(record.fr) === stableStringify(old.fr)
    return sameFrench && old.en !== undefined && old.en !== null
      ? { ...record, en: old.en }
      : record
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, carryTranslations(value, old[key])]),
  )
}

async function readState(documents: readonly Doc[], slug: string, policyId: string) {
  const run = createGroqRunner(documents)
  const page = await run<PolicyPageQueryResult>(policyPageQuery, { slug, today: FAR_FUTURE })
  const latestNumber = page?.versions[0]?.version
  const latest = latestNumber
    ? ((
        await run<PolicyVersionsByNumberQueryResult>(policyVersionsByNumberQuery, {
          slug,
          versions: [latestNumber],
        })
      )[0] ?? null)
    : null
  const catalog = await run<CurrentCatalogQueryResult>(currentCatalogQuery, { policyId })
  return { page, latest, catalog }
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
    (document) => compact(carryTranslations(document, byId.get(document._id))) as Doc,
  )
  const newProviders = fresh.providers.filter((provider) => !byId.has(provider._id))
  const documents = [
    ...existing.filter((document) => !replaced(document)),
    ...carried,
    ...newProviders,
  ]

  const { latest, catalog } = await readState(documents, slug, policyId)
  const policy = carried[0] as unknown as EditedPolicy
  const effectiveFrom = options.effective ?? parsed.effectiveFrom
  let plan
  try {
    plan = planPublication({
      policy,
      catalog,
      latest: latest as PublishedVersion | null,
      effectiveFrom,
      requiresNewConsent: Boolean(options.requiresNewConsent),
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
  const version = plan.document
  return {
    documents: [...documents, version as unknown as Doc],
    outcome: 'published',
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    message: `published version ${version.version}, in force from ${version.effectiveFrom}${version.requiresNewConsent ? ', asking visitors for consent again' : ''}`,
  }
}

/** Sets `en` beside `fr` in a localised value, checking that the structure matches. */
function withEnglish<T extends { fr?: unknown } | null | undefined>(value: T, en: unknown): T {
  return value ? ({ ...value, en } as T) : value
}

async function importTranslation(
  existing: readonly Doc[],
  parsed: ParsedPolicy,
  options: ImportOptions,
  slug: string,
): Promise<ImportResult> {
  const policyId = `policy-${slug}`
  const { page, latest } = await readState(existing, slug, policyId)
  if (!page)
    throw new PolicyImportError(
      parsed.file,
      null,
      `there is no "${slug}" policy in the dataset yet: import the French text first`,
    )
  const effectiveFrom = options.effective ?? parsed.effectiveFrom
  const target = page.versions.find((version) => version.effectiveFrom === effectiveFrom)
  if (!target) {
    const known = page.versions
      .map((version) => `version ${version.version} (${version.effectiveFrom})`)
      .join(', ')
    throw new PolicyImportError(
      parsed.file,
      null,
      `no version of "${slug}" takes effect on ${effectiveFrom}; the dataset has ${known || 'none'}`,
    )
  }
  const run = createGroqRunner(existing)
  const [full] = await run<PolicyVersionsByNumberQueryResult>(policyVersionsByNumberQuery, {
    slug,
    versions: [target.version],
  })
  const stored = existing.find((document) => document._id === full!._id)!
  const translated = translateVersion(stored, parsed, slug)
  const documents = existing.map((document) =>
    document._id === stored._id ? translated : document,
  )

  // The latest version's translation also goes to the policy and catalog as edited now, where their French matches.
  if (latest && latest.version === target.version) {
    const byId = new Map(documents.map((document) => [document._id, document]))
    const policy = byId.get(policyId)!
    byId.set(
      policyId,
      compact(
        carryTranslations(policy, {
          title: translated.title,
          intro: translated.intro,
          sections: translated.sections,
        }),
      ) as Doc,
    )
    const snapshot = translated.snapshot as { categories: SnapshotCategoryDoc[] }
    for (const category of snapshot.categories) {
      const categoryId = `cookieCategory-${slug}-${category.key}`
      const doc = byId.get(categoryId)
      if (doc) byId.set(categoryId, compact(carryTranslations(doc, category)) as Doc)
      for (const cookie of category.cookies) {
        const cookieDoc = cookie.cookieId ? byId.get(cookie.cookieId) : undefined
        if (cookieDoc) byId.set(cookieDoc._id, compact(carryTranslations(cookieDoc, cookie)) as Doc)
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
      ? `added the English translation to version ${target.version} (in force from ${effectiveFrom})`
      : `unchanged: version ${target.version} already has this English translation`,
  }
}

interface SnapshotCookieDoc {
  cookieId?: string
  name?: string
  type?: { fr?: string }
  purpose?: { fr?: string }
  retention?: unknown
  moreInfoUrl?: string
}
interface SnapshotCategoryDoc {
  key?: string
  title?: { fr?: string }
  description?: { fr?: string }
  cookies: SnapshotCookieDoc[]
}
interface SectionDoc {
  _key: string
  number: string
  heading?: { fr?: string }
  body?: { fr?: unknown[] }
}

function translateVersion(stored: Doc, parsed: ParsedPolicy, slug: string): Doc {
  const fail = (line: number | null, reason: string): never => {
    throw new PolicyImportError(parsed.file, line, reason)
  }
  const sections = (stored.sections ?? []) as SectionDoc[]
  const numbers = sections.map((section) => section.number)
  const parsedNumbers = parsed.sections.map((section) => section.number)
  if (numbers.join(',') !== parsedNumbers.join(',')) {
    const line =
      parsed.sections.find((section, index) => section.number !== numbers[index])?.line ?? null
    fail(
      line,
      `the sections (${parsedNumbers.join(', ')}) do not match the French version's (${numbers.join(', ')})`,
    )
  }
  const translatedSections = sections.map((section, index) => {
    const source = parsed.sections[index]!
    if (Boolean(section.body?.fr?.length) !== source.paragraphs.length > 0) {
      fail(
        source.line,
        `section ${source.number} has ${source.paragraphs.length ? 'text' : 'no text'} but the French one ${section.body?.fr?.length ? 'has' : 'has none'}`,
      )
    }
    return {
      ...section,
      heading: withEnglish(section.heading, source.heading),
      body: source.paragraphs.length
        ? withEnglish(
            section.body,
            paragraphsToBlocks(source.paragraphs, `${slug}:${source.number}:en`),
          )
        : section.body,
    }
  })

  const snapshot = stored.snapshot as { categories?: SnapshotCategoryDoc[] }
  const categorySections = parsed.sections.filter((section) => section.rows?.length)
  const categories = snapshot.categories ?? []
  if (categories.length !== categorySections.length) {
    fail(
      categorySections[0]?.line ?? null,
      `the text has ${categorySections.length} cookie tables but the French version has ${categories.length} categories`,
    )
  }
  const translatedCategories = categories.map((category, index) => {
    const section = categorySections[index]!
    const rows = section.rows!
    if (rows.length !== category.cookies.length) {
      fail(
        section.line,
        `section ${section.number} lists ${rows.length} cookies but the French version lists ${category.cookies.length}`,
      )
    }
    return {
      ...category,
      title: withEnglish(category.title, section.heading),
      description: withEnglish(category.description, section.paragraphs.join('\n\n')),
      cookies: category.cookies.map((cookie, rowIndex) => {
        const row = rows[rowIndex]!
        if (row.name !== cookie.name)
          fail(
            row.line,
            `the cookie is "${row.name}" but the French version has "${cookie.name}" in this place`,
          )
        const retention = row.retention
          ? { _type: 'retention', ...row.retention }
          : { _type: 'retention', kind: 'unknown' }
        if (stableStringify(retention) !== stableStringify(cookie.retention)) {
          fail(
            row.line,
            `the retention of ${row.name} differs from the French version's: translate it, do not change it`,
          )
        }
        if ((row.moreInfoUrl ?? null) !== (cookie.moreInfoUrl ?? null)) {
          fail(
            row.line,
            `the learn-more link of ${row.name} differs from the French version's (${cookie.moreInfoUrl ?? 'none'})`,
          )
        }
        return {
          ...cookie,
          type: row.type === null ? cookie.type : withEnglish(cookie.type, row.type),
          purpose: withEnglish(cookie.purpose, row.purpose),
        }
      }),
    }
  })

  return compact({
    ...stored,
    title: withEnglish(stored.title as { fr?: string }, parsed.title),
    intro: parsed.intro.length
      ? withEnglish(
          stored.intro as { fr?: unknown },
          paragraphsToBlocks(parsed.intro, `${slug}:intro:en`),
        )
      : stored.intro,
    sections: translatedSections,
    snapshot: { ...snapshot, categories: translatedCategories },
  }) as Doc
}
