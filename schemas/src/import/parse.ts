// Reads a policy written like the seed: title, version line, numbered sections of prose, tab-separated tables.
import { parseWrittenDate } from '../model/dates'
import { cookieKind, splitCookieNames } from '../model/cookieNames'
import { parsePrefixedRetention, parseRetention, type Retention } from '../model/retention'
import { fold } from '../model/text'
import { allLocales } from '../locales'
import { PolicyImportError } from './errors'

type Column = 'name' | 'type' | 'purpose' | 'retention' | 'moreInfo' | 'provider'

export interface ParsedRow {
  line: number
  /** The name cell exactly as printed ("_utma / _utmz / _utmz"). */
  name: string
  names: string[]
  type: string | null
  purpose: string
  retention: Retention | null
  moreInfoUrl: string | null
  provider: string | null
}

export interface ParsedSection {
  line: number
  /** "1" for a section, "2.1" for a sub-section. */
  number: string
  heading: string
  paragraphs: string[]
  rows: ParsedRow[] | null
}

export interface ParsedPolicy {
  file: string
  title: string
  effectiveFrom: string
  intro: string[]
  sections: ParsedSection[]
}

const COLUMNS: Column[] = ['name', 'type', 'purpose', 'retention', 'moreInfo', 'provider']
/** Every heading of every known language, folded, with its column. */
const COLUMN_NAMES = new Map<string, Column>(
  COLUMNS.flatMap((column) =>
    allLocales().flatMap((locale) => locale.columns[column].map((word) => [fold(word), column])),
  ) as [string, Column][],
)
const COLUMN_LIST =
  'Nom du cookie / Cookie name / Domaine / Domain, Type, Finalité / Purpose, Durée de conservation / Retention period, En savoir plus / Learn more, Fournisseur / Provider'

/** "Version applicable depuis le 9 mars 2021", "Version effective from 14 January 2025", "Fassung vom 1. März 2021". */
const VERSION_LINE = new RegExp(
  `^(${[...new Set(allLocales().flatMap((locale) => locale.versionLineStarts))].join('|')})\\b.{0,100}\\b\\d{4}\\.?$`,
)
const SECTION = /^(\d{1,2})\.\s+(\S.*)$/
const SUB_SECTION = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/
const HEADING_MAX = 200
const URL = /https?:\/\/[^\s<>"]+/i
const BARE_DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/i

export function parsePolicyText(text: string, file: string): ParsedPolicy {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let title: { text: string; line: number } | null = null
  let effectiveFrom: string | null = null
  const intro: string[] = []
  const sections: ParsedSection[] = []
  let header: { line: number; columns: Column[] } | null = null
  let tableSection: ParsedSection | null = null

  const current = () => sections.at(-1) ?? null
  const fail = (line: number, reason: string): never => {
    throw new PolicyImportError(file, line, reason)
  }

  lines.forEach((raw, index) => {
    const line = index + 1
    const text = raw.trim()
    if (text === '') return
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map((cell) => cell.trim())
      const section = current()
      if (!section) fail(line, 'a table must be inside a numbered section')
      if (header === null || tableSection !== section) {
        header = { line, columns: readHeader(cells, line, fail) }
        tableSection = section
        section!.rows ??= []
        return
      }
      section!.rows!.push(readRow(cells, header, line, fail))
      return
    }
    header = null
    if (title === null) {
      title = { text, line }
      return
    }
    const heading = readHeading(text, sections)
    if (heading) {
      if (effectiveFrom === null) fail(title.line, missingVersion)
      sections.push({
        line,
        number: heading.number,
        heading: heading.text,
        paragraphs: [],
        rows: null,
      })
      return
    }
    if (sections.length === 0 && effectiveFrom === null) {
      if (VERSION_LINE.test(fold(text))) {
        effectiveFrom =
          trailingDate(text) ??
          fail(
            line,
            `cannot read the date "${text}": write it like "9 mars 2021" or "14 January 2025"`,
          )
        return
      }
    }
    const section = current()
    if (section) section.paragraphs.push(text)
    else intro.push(text)
  })

  if (title === null)
    throw new PolicyImportError(file, null, 'the file is empty: it needs a title line')
  if (effectiveFrom === null) fail((title as { line: number }).line, missingVersion)
  if (sections.length === 0) fail(lines.length, 'no numbered section ("1. TITLE") found')
  if (!sections.some((section) => section.rows?.length))
    fail(lines.length, 'no cookie table found: a table is tab-separated with a header row')
  for (const section of sections) {
    if (section.rows && section.rows.length === 0)
      fail(section.line, `the table of section ${section.number} has a header but no cookie row`)
  }
  return {
    file,
    title: (title as { text: string }).text,
    effectiveFrom: effectiveFrom!,
    intro,
    sections,
  }
}

/** The date that ends a version line: its last three to five words. */
function trailingDate(line: string): string | null {
  const words = line.replace(/\.$/, '').split(/\s+/)
  for (let count = 3; count <= Math.min(5, words.length); count++) {
    const date = parseWrittenDate(words.slice(-count).join(' '))
    if (date) return date
  }
  return null
}

const missingVersion =
  'no version line before the first section (expected "Version applicable depuis le 9 mars 2021" or "Version effective from 14 January 2025")'

/** A numbered line is a heading only where its number follows the previous one; other numbered lines are prose. */
function readHeading(
  text: string,
  sections: ParsedSection[],
): { number: string; text: string } | null {
  if (text.length > HEADING_MAX) return null
  const lastTop = sections.length ? Number(sections.at(-1)!.number.split('.')[0]) : 0
  const lastSub = sections.length ? Number(sections.at(-1)!.number.split('.')[1] ?? 0) : 0
  const sub = SUB_SECTION.exec(text)
  if (sub) {
    const [top, number] = [Number(sub[1]), Number(sub[2])]
    return top === lastTop && number === lastSub + 1
      ? { number: `${top}.${number}`, text: sub[3]!.trim() }
      : null
  }
  const section = SECTION.exec(text)
  if (section && Number(section[1]) === lastTop + 1)
    return { number: section[1]!, text: section[2]!.trim() }
  return null
}

type Fail = (line: number, reason: string) => never

function readHeader(cells: string[], line: number, fail: Fail): Column[] {
  const columns = cells.map((cell) => {
    const name = fold(cell).replace(/\s*:$/, '')
    const column = COLUMN_NAMES.get(name)
    return column ?? fail(line, `unknown column "${cell}" (expected one of: ${COLUMN_LIST})`)
  })
  columns.forEach((column, index) => {
    if (columns.indexOf(column) !== index)
      fail(line, `column "${cells[index]}" repeats the ${column} column`)
  })
  if (!columns.includes('name'))
    fail(
      line,
      'the table has no cookie name column (Nom du cookie / Cookie name / Domaine / Domain)',
    )
  if (!columns.includes('purpose'))
    fail(line, 'the table has no purpose column (Finalité / Purpose)')
  return columns
}

function readRow(
  cells: string[],
  header: { line: number; columns: Column[] },
  line: number,
  fail: Fail,
): ParsedRow {
  if (cells.length !== header.columns.length) {
    fail(
      line,
      `this row has ${cells.length} cells but the table's header (line ${header.line}) has ${header.columns.length}`,
    )
  }
  const cell = (column: Column) => {
    const index = header.columns.indexOf(column)
    return index === -1 ? '' : cells[index]!
  }
  const name = cell('name')
  if (name === '') fail(line, 'the cookie name is empty')
  const names = splitCookieNames(name)
  for (const each of names) {
    if (/\s/.test(each))
      fail(
        line,
        `"${each}" is not a cookie name: names have no spaces (separate several names with " / ")`,
      )
    if (cookieKind(each) === 'pattern' && /^\*+$/.test(each))
      fail(line, `"${each}" would match every cookie`)
  }
  const purpose = cell('purpose')
  if (purpose === '') fail(line, `the purpose of ${name} is empty`)

  let retention: Retention | null = null
  const retentionText = cell('retention')
  if (retentionText !== '') {
    retention =
      parseRetention(retentionText) ??
      fail(
        line,
        `cannot read the retention "${retentionText}" of ${name}: write a number of days, months or years, or "Session"`,
      )
  }
  let moreInfoUrl: string | null = null
  const moreInfo = cell('moreInfo')
  if (moreInfo !== '') {
    const prefixed = parsePrefixedRetention(moreInfo)
    const url =
      URL.exec(moreInfo)?.[0] ?? (BARE_DOMAIN.test(moreInfo) ? `https://${moreInfo}` : null)
    if (prefixed) retention ??= prefixed
    else if (url) moreInfoUrl = url.replace(/^http:\/\//i, 'https://')
    else {
      retention ??=
        parseRetention(moreInfo) ??
        fail(
          line,
          `cannot read "${moreInfo}" in the learn-more column of ${name}: give a link or "Durée de conservation : 13 mois"`,
        )
    }
  }
  if (retention === null && moreInfoUrl === null) {
    fail(
      line,
      `${name} has neither a retention period nor a learn-more link: visitors must be told how long it lives`,
    )
  }
  const type = cell('type')
  const provider = cell('provider')
  return {
    line,
    name,
    names,
    type: type || null,
    purpose,
    retention,
    moreInfoUrl,
    provider: provider || null,
  }
}
