// The version part of an address: "/versions/2", "/versions/1...3", or "/versions/3?compare=1".
export type VersionRequest =
  | { kind: 'version'; version: number; compareWith: number | null }
  | { kind: 'compare'; from: number; to: number }

/** A version number from the address: digits only, small enough to be real; null otherwise. */
export function parseVersionNumber(value: string): number | null {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
}

export function readVersionRequest(
  segment: string,
  compare: string | string[] | null | undefined,
): VersionRequest | null {
  const range = /^(\d+)\.\.\.(\d+)$/.exec(safeDecode(segment))
  if (range) {
    const [a, b] = [parseVersionNumber(range[1]!), parseVersionNumber(range[2]!)]
    return a === null || b === null
      ? null
      : { kind: 'compare', from: Math.min(a, b), to: Math.max(a, b) }
  }
  const version = parseVersionNumber(segment)
  if (version === null) return null
  if (compare === undefined || compare === null)
    return { kind: 'version', version, compareWith: version > 1 ? version - 1 : null }
  const other = typeof compare === 'string' ? parseVersionNumber(compare) : null
  return other === null ? null : { kind: 'version', version, compareWith: other }
}

/** The version numbers a request shows. */
export function versionsOf(request: VersionRequest): number[] {
  return request.kind === 'compare'
    ? [request.from, request.to]
    : [request.version, ...(request.compareWith ? [request.compareWith] : [])]
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
