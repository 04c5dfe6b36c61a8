// One scan, from addresses and a catalog to a report, and the report in words: shared by
// `npm run scan-cookies` and `npm run monitor`.
import type { Catalog } from '@cookie-policy/schemas/contracts'
import { analyze, type Finding, type ScanReport } from './analyze'
import { scanSite, type ScanOptions } from './browser'

export async function runScan(
  catalog: Catalog,
  options: Omit<ScanOptions, 'categories'>,
): Promise<ScanReport> {
  const categories = catalog.categories
    .filter((category) => !category.required)
    .map((category) => category.key)
  const scanned = await scanSite({ ...options, categories })
  return analyze(catalog, scanned, options.urls)
}

function table(title: string, findings: Finding[]): string {
  if (!findings.length) return `${title}: none\n`
  const rows = findings.map((finding) => [
    finding.kind ? `${finding.name} (${finding.kind})` : finding.name,
    finding.domain,
    finding.phase ?? '',
    finding.reason +
      (finding.suggestion
        ? `\n      suggested (Open Cookie Database, by ${finding.suggestion.match}): ${finding.suggestion.platform} · ${finding.suggestion.category ?? finding.suggestion.databaseCategory} · ${finding.suggestion.retentionText || 'retention unknown'} · ${finding.suggestion.provider}`
        : ''),
  ])
  const widths = [0, 1, 2].map((column) =>
    Math.max(
      ...rows.map((row) => row[column]!.length),
      ['cookie', 'domain', 'phase'][column]!.length,
    ),
  )
  const line = (row: string[]) =>
    row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')
  return `${title} (${findings.length}):\n  ${line(['cookie', 'domain', 'phase', 'what to fix'])}\n${rows.map((row) => `  ${line(row)}`).join('\n')}\n`
}

/** The report for a terminal: one table per kind of finding, then the verdict. */
export function formatReport(report: ScanReport): string {
  const yes = (value: boolean | null, words: string) =>
    `${value === null ? '?' : value ? '✓' : '✗'} ${words}${value === null ? ': not checked' : ''}`
  return [
    table('Undeclared cookies and storage', report.undeclared),
    table('Set before consent (or after refusal)', report.setBeforeConsent),
    table('Storage before consent (or after refusal)', report.storageBeforeConsent),
    table('Third parties reached before consent (or after refusal)', report.requestsBeforeConsent),
    table('Set despite Global Privacy Control', report.gpcIgnored),
    table('Still there after withdrawal', report.keptAfterWithdrawal),
    table('Set outside the one category accepted', report.outsideChosenCategory),
    table('Kept longer than declared', report.longerThanDeclared),
    table('Declared but never seen (advice)', report.notSeen),
    ...(report.blocked.length
      ? [
          `Blocked requests to private addresses (${report.blocked.length}):\n${report.blocked.map((entry) => `  ${entry.phase}  ${entry.url} (from ${entry.page}): ${entry.reason}`).join('\n')}\n`,
        ]
      : []),
    ...(report.errors.length
      ? [
          `Pages that could not be scanned (${report.errors.length}):\n${report.errors.map((error) => `  ${error.phase}  ${error.url}: ${error.reason}`).join('\n')}\n`,
        ]
      : []),
    [
      yes(report.verdict.rejectHonoured, 'reject honoured'),
      yes(report.verdict.gpcHonoured, 'GPC honoured'),
      report.phases.includes('withdraw')
        ? yes(report.verdict.withdrawalHonoured, 'withdrawal honoured')
        : null,
      yes(report.verdict.nothingUndeclared, 'nothing undeclared'),
    ]
      .filter(Boolean)
      .join('\n') + '\n',
  ].join('\n')
}

export function summaryLine(report: ScanReport): string {
  return `${report.cookies.length} cookies, ${report.storage.length} storage keys and ${report.requests.length} third-party requests seen on ${report.urls.length} page(s): ${report.undeclared.length} undeclared, ${report.setBeforeConsent.length} set before consent, ${report.longerThanDeclared.length} kept too long, ${report.notSeen.length} never seen${report.blocked.length ? `, ${report.blocked.length} blocked` : ''}${report.errors.length ? `, ${report.errors.length} page load(s) failed` : ''}`
}
