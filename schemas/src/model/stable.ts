// Deterministic JSON: keys sorted, undefined and null fields dropped, so equal content gives equal strings.
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined && record[key] !== null)
        .map((key) => [key, compact(record[key])]),
    ) as T
  }
  return value
}

export function stableStringify(value: unknown): string {
  return JSON.stringify(compact(value))
}
