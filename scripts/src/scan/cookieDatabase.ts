// The Open Cookie Database (github.com/jkwakman/Open-Cookie-Database, Apache-2.0), pinned in
// scripts/data/open-cookie-database/ (`npm run refresh-cookie-database` takes a newer copy): what a cookie
// the policy does not declare probably is, for the editor who has to declare it. A suggestion, never a
// decision: it reaches visitors only once an editor has corrected and published it.
import { readFileSync } from 'node:fs'
import { cookieMatches, parseRetention, type Retention } from '@cookie-policy/schemas/model'

export const COOKIE_DATABASE_FILE = new URL(
  '../../data/open-cookie-database/open-cookie-database.csv',
  import.meta.url,
)

/** The columns of the database's CSV, in its order (a refresh is refused when they change). */
const COOKIE_DATABASE_COLUMNS = [
  'ID',
  'Platform',
  'Category',
  'Cookie / Data Key name',
  'Domain',
  'Description',
  'Retention period',
  'Data Controller',
  'User Privacy & GDPR Rights Portals',
  'Wildcard match',
] as const

export interface DatabaseEntry {
  id: string
  platform: string
  category: string
  name: string
  /** A host the cookie is set from ("doubleclick.net"), without the database's notes; "" when none. */
  domain: string
  description: string
  retention: string
  controller: string
  privacyUrl: string
  /** The name is a prefix: "_ga_" stands for "_ga_XXXX". */
  wildcard: boolean
}

/** RFC 4180: fields separated by commas, quoted when they hold commas, quotes ("") or line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!
    if (quoted) {
      if (character !== '"') field += character
      else if (text[index + 1] === '"') {
        field += '"'
        index++
      } else quoted = false
    } else if (character === '"' && field === '') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += character
  }
  if (field !== '' || row.length) rows.push([...row, field])
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''))
}

/** The database's rows, checked against its header: a file that is not the database is refused by name. */
export function parseCookieDatabase(
  text: string,
  source = 'the Open Cookie Database',
): DatabaseEntry[] {
  const [header, ...rows] = parseCsv(text)
  if (header?.join(',') !== COOKIE_DATABASE_COLUMNS.join(','))
    throw new Error(
      `${source}: its columns are not the Open Cookie Database's (${COOKIE_DATABASE_COLUMNS.join(', ')})`,
    )
  return rows.map((cells, index) => {
    if (cells.length !== COOKIE_DATABASE_COLUMNS.length)
      throw new Error(
        `${source}: row ${index + 2} has ${cells.length} fields, not ${COOKIE_DATABASE_COLUMNS.length}`,
      )
    const [
      id,
      platform,
      category,
      name,
      domain,
      description,
      retention,
      controller,
      url,
      wildcard,
    ] = cells.map((cell) => cell.trim()) as [string, ...string[]]
    return {
      id,
      platform: platform!,
      category: category!,
      name: name!,
      domain: hostOf(domain ?? ''),
      description: description!,
      retention: retention!,
      controller: controller!,
      privacyUrl: url!,
      wildcard: wildcard === '1',
    }
  })
}

/** "cookiebot.com (3rd party)", ".doubleclick.net", "*.hotjar.com" → the host; "" for anything else. */
function hostOf(text: string): string {
  const host = text
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^\*?\./, '')
    .toLowerCase()
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : ''
}

let loaded: DatabaseEntry[] | null = null

/** The pinned copy, read once. */
export function cookieDatabase(): DatabaseEntry[] {
  loaded ??= parseCookieDatabase(readFileSync(COOKIE_DATABASE_FILE, 'utf8'))
  return loaded
}

const SESSION_WORDS = new Set([
  'session',
  'sessions',
  'session cookie',
  'end of session',
  'end of session (browser)',
  'browser session',
])

/**
 * A structured retention from the database's wording: "1 year", "30 mins", "End of session (browser)",
 * "2 years after last activity", "13 months by default, modifiable"; null for "Unknown", "Varies",
 * "forever" and other words that state no period.
 */
export function parseDatabaseRetention(text: string): Retention | null {
  const folded = text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (SESSION_WORDS.has(folded)) return { kind: 'session' }
  const period = folded
    // What qualifies the period: it starts from the last activity, it is a default, it may be longer.
    .replace(/\s*\(.*\)$/, '')
    .replace(/\s+(after|from|by default|or longer|if|depending|,).*$/, '')
    .replace(/\b(mins?)$/, 'minutes')
    .replace(/\b(hrs?)$/, 'hours')
  return parseRetention(period)
}

/** The database's categories, by the keys policies commonly give theirs, most likely first. */
const CATEGORY_KEYS: Record<string, string[]> = {
  Necessary: ['necessary', 'essential', 'required'],
  Security: ['necessary', 'essential', 'security'],
  Functional: ['functionality', 'functional', 'preferences'],
  Personalization: ['personalization', 'preferences', 'functionality'],
  Analytics: ['analytics', 'statistics', 'performance'],
  Marketing: ['marketing', 'advertising', 'ads', 'targeting'],
}

export interface Suggestion {
  source: 'open-cookie-database'
  /** How the cookie was found: its exact name, a wildcard entry, or the host that set it. */
  match: 'name' | 'wildcard' | 'domain'
  id: string
  platform: string
  /** The database's own category, and the policy's category it maps to (null: the policy has none like it). */
  databaseCategory: string
  category: string | null
  purpose: string
  provider: string
  retention: Retention | null
  retentionText: string
  privacyUrl: string
}

/** What the database knows of a cookie: by exact name, then by a wildcard name, then by the host. */
export function suggestFor(
  cookie: { name: string; domain: string },
  categoryKeys: readonly string[],
  entries: readonly DatabaseEntry[] = cookieDatabase(),
): Suggestion | null {
  const host = cookie.domain.replace(/^\./, '')
  const found =
    entries
      .filter((entry) => !entry.wildcard && entry.name === cookie.name)
      .map((entry) => ({ entry, match: 'name' as const }))[0] ??
    entries
      .filter((entry) => entry.wildcard && entry.name && cookie.name.startsWith(entry.name))
      .sort((a, b) => b.name.length - a.name.length)
      .map((entry) => ({ entry, match: 'wildcard' as const }))[0] ??
    entries
      .filter(
        (entry) => entry.domain && cookieMatches(`.${entry.domain}`, { name: '', domain: host }),
      )
      .map((entry) => ({ entry, match: 'domain' as const }))[0]
  if (!found) return null
  const { entry, match } = found
  return {
    source: 'open-cookie-database',
    match,
    id: entry.id,
    platform: entry.platform,
    databaseCategory: entry.category,
    category:
      (CATEGORY_KEYS[entry.category] ?? []).find((key) => categoryKeys.includes(key)) ?? null,
    purpose: entry.description,
    provider: entry.controller || entry.platform,
    retention: parseDatabaseRetention(entry.retention),
    retentionText: entry.retention,
    privacyUrl: entry.privacyUrl,
  }
}
