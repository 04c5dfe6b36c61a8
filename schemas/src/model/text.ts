// Small text helpers shared by the parsers and the id builders.
/** Lower case, accents and extra spaces removed, typographic apostrophes made plain: for matching words. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** A slug fit for a Sanity `_id` segment: lower-case letters, digits, "_" and "-". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A short stable hash (two FNV-1a 32-bit passes), for `_key`s derived from content; runs in browsers too. */
export function shortHash(...parts: string[]): string {
  const text = parts.join('\u0000')
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return (
    (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0').slice(0, 4)
  )
}
