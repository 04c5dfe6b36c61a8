// A scan's findings where editors act on them: a scan report document, and for each undeclared cookie (or
// storage key) a draft cookie filled from the Open Cookie Database's suggestion, marked as found by the scan.
// Drafts only: nothing reaches visitors before an editor publishes the cookie and then a version. Written
// to the dataset file the Studio's local mode edits, or to a Sanity project's dataset.
import type { SanityDocument } from '@cookie-policy/schemas/dataset'
import { RunError } from '../cli'
import { contentLakeWriter, WRITE_VARIABLES } from '../contentLake'
import { readDatasetFile, writeDatasetFile } from '../datasetFile'
import { FAILING, type Finding, type ScanReport, type SeenCookie } from './analyze'

/** Drafts written per scan at most. */
const MAX_DRAFTS = 100

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'unnamed'

const publishedId = (id: string) => id.replace(/^drafts\./, '')
const refOf = (document: SanityDocument | undefined) =>
  (document?.category as { _ref?: string } | undefined)?._ref

/** A retention from what the browser was told, for a cookie the database does not know. */
function observedRetention(cookie: SeenCookie | undefined) {
  if (!cookie) return { _type: 'retention', kind: 'unknown' }
  if (cookie.expires < 0) return { _type: 'retention', kind: 'session' }
  const days = Math.max(1, Math.round((cookie.expires - cookie.seenAt) / 86_400))
  return days >= 60
    ? { _type: 'retention', kind: 'duration', amount: Math.round(days / 30.44), unit: 'month' }
    : { _type: 'retention', kind: 'duration', amount: days, unit: 'day' }
}

interface StudioWrite {
  report: SanityDocument
  /** Created only when absent: an editor's work on a draft is never overwritten. */
  drafts: SanityDocument[]
  providers: SanityDocument[]
}

/** The documents a report becomes, given the policy's documents as they are now (drafts included). */
function planStudioWrite(report: ScanReport, existing: readonly SanityDocument[]): StudioWrite {
  const policy = existing.find(
    (document) =>
      document._type === 'policy' &&
      !document._id.startsWith('drafts.') &&
      (document.slug as { current?: string } | undefined)?.current === report.policy.slug,
  )
  if (!policy)
    throw new RunError(`there is no policy "${report.policy.slug}" to write the scan beside`)
  const categories = existing
    .filter(
      (document) =>
        document._type === 'cookieCategory' &&
        !document._id.startsWith('drafts.') &&
        (document.policy as { _ref?: string } | undefined)?._ref === policy._id,
    )
    .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
  const categoryIds = new Set(categories.map((category) => category._id))
  const cookies = existing.filter(
    (document) => document._type === 'cookie' && categoryIds.has(refOf(document) ?? ''),
  )
  const declared = new Set(cookies.map((cookie) => String(cookie.name)))
  const taken = new Set(existing.map((document) => publishedId(document._id)))
  const scannedAt = report.scannedAt
  const reportId = `scanReport-${report.policy.slug}-${scannedAt.replace(/[^0-9]/g, '').slice(0, 14)}`
  const findings = FAILING.flatMap((list) =>
    (report[list] as (Finding | ScanReport['blocked'][number])[]).map((finding, index) => ({
      _key: `${list}-${index}`,
      _type: 'scanFinding',
      kind: list,
      name: 'name' in finding ? finding.name : finding.url,
      domain: 'domain' in finding ? finding.domain : '',
      phase: finding.phase ?? '',
      reason: finding.reason,
    })),
  )
  const reportDocument: SanityDocument = {
    _id: reportId,
    _type: 'scanReport',
    policy: { _type: 'reference', _ref: policy._id },
    version: report.policy.version,
    scannedAt,
    urls: report.urls,
    phases: report.phases,
    // A promise that could not be checked is left out: the Studio says "not checked".
    ...Object.fromEntries(Object.entries(report.verdict).filter(([, value]) => value !== null)),
    findings,
  }

  const providers: SanityDocument[] = []
  const providerId = (name: string) => {
    const known = existing.find(
      (document) =>
        document._type === 'provider' && String(document.name).toLowerCase() === name.toLowerCase(),
    )
    if (known) return publishedId(known._id)
    const id = `provider-${slugify(name)}`
    if (!taken.has(id) && !providers.some((provider) => provider._id === id))
      providers.push({ _id: id, _type: 'provider', name })
    return id
  }
  const refusable = categories.filter((category) => !category.required)
  const nextOrder = new Map(
    categories.map((category) => [
      category._id,
      Math.max(
        0,
        ...cookies
          .filter((cookie) => refOf(cookie) === category._id)
          .map((cookie) => Number(cookie.order ?? 0)),
      ) + 1,
    ]),
  )
  const drafts: SanityDocument[] = []
  for (const finding of report.undeclared) {
    // A page that sets thousands of names must not bury the editors: the report lists them all.
    if (drafts.length >= MAX_DRAFTS) break
    if (declared.has(finding.name)) continue
    const id = `cookie-${report.policy.slug}-scan-${slugify(finding.name)}`
    if (taken.has(id) || drafts.some((draft) => draft._id === `drafts.${id}`)) continue
    const suggestion = finding.suggestion
    const category =
      categories.find((entry) => entry.key === suggestion?.category) ??
      refusable[0] ??
      categories[0]
    if (!category) continue
    const order = nextOrder.get(category._id)!
    nextOrder.set(category._id, order + 1)
    const seen = report.cookies.find(
      (cookie) => cookie.name === finding.name && cookie.domain === finding.domain,
    )
    const retention = suggestion?.retention
      ? { _type: 'retention', ...suggestion.retention }
      : observedRetention(seen)
    const link = suggestion?.privacyUrl.startsWith('https://') ? suggestion.privacyUrl : undefined
    drafts.push({
      _id: `drafts.${id}`,
      _type: 'cookie',
      name: finding.name,
      names: [finding.name],
      category: { _type: 'reference', _ref: category._id },
      ...(suggestion
        ? { provider: { _type: 'reference', _ref: providerId(suggestion.provider) } }
        : {}),
      // The database speaks English: the binding text is the editor's to write.
      purpose: { _type: 'localeText', ...(suggestion?.purpose ? { en: suggestion.purpose } : {}) },
      retention,
      ...(link ? { moreInfoUrl: link } : {}),
      order,
      scan: {
        report: { _type: 'reference', _ref: reportId, _weak: true },
        seenOn: finding.url ?? '',
        phase: finding.phase ?? '',
        suggestedBy: suggestion
          ? `Open Cookie Database (${suggestion.platform}, by ${suggestion.match}; its category: ${suggestion.databaseCategory})`
          : 'nothing known: filled from what the browser was told',
      },
    })
  }
  return { report: reportDocument, drafts, providers }
}

/** Writes a report and its drafts; says what it wrote. */
export async function toStudio(report: ScanReport, datasetFile: string): Promise<string> {
  if (process.env.SANITY_PROJECT_ID) {
    const client = contentLakeWriter()
    if (!client)
      throw new RunError(
        `--to-studio with SANITY_PROJECT_ID needs ${WRITE_VARIABLES} (write access)`,
      )
    const { projectId, dataset } = client.config()
    const existing = await client.fetch<SanityDocument[]>(
      `*[_type in ["policy", "cookieCategory", "cookie", "provider"] || _id match "cookie-*-scan-*"]`,
    )
    const write = planStudioWrite(report, existing)
    const transaction = client.transaction().createOrReplace(write.report)
    for (const document of [...write.providers, ...write.drafts])
      transaction.createIfNotExists(document)
    await transaction.commit()
    return `${projectId}/${dataset}: ${describe(write)}`
  }
  const documents = await readDatasetFile(datasetFile)
  const write = planStudioWrite(report, documents)
  const replaced = new Set([write.report._id])
  // What the Content Lake would stamp: the Studio shows when a draft was made (it fails without).
  const stamped = (document: SanityDocument) => ({
    ...document,
    _createdAt: report.scannedAt,
    _updatedAt: report.scannedAt,
  })
  await writeDatasetFile(datasetFile, [
    ...documents.filter((document) => !replaced.has(document._id)),
    stamped(write.report),
    ...write.providers.map(stamped),
    ...write.drafts.map(stamped),
  ])
  return `${datasetFile}: ${describe(write)}`
}

function describe(write: StudioWrite): string {
  return `scan report ${write.report._id} written, with ${write.drafts.length} draft cookie(s) to review in the Studio (Scan findings)${write.providers.length ? ` and ${write.providers.length} new provider(s)` : ''}`
}
