// Where each field of a JSON object is in its bytes, found without parsing the values: a dataset's large
// document (a version and its catalog of thousands of cookies) is then parsed field by field, when read.

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

export interface FieldSpan {
  key: string
  /** The value's bytes: [start, end). */
  start: number
  end: number
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d
}

function skipSpace(bytes: Buffer, at: number, end: number): number {
  while (at < end && isSpace(bytes[at])) at++
  return at
}

/** The end of the string whose opening quote is at `start`; -1 when it is not closed. */
function stringEnd(bytes: Buffer, start: number, end: number): number {
  for (let from = start + 1; ;) {
    const quote = bytes.indexOf(QUOTE, from)
    if (quote === -1 || quote >= end) return -1
    let backslashes = 0
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote + 1
    from = quote + 1
  }
}

/** The end of the value that starts at `start`; -1 when it is cut short. */
function valueEnd(bytes: Buffer, start: number, end: number): number {
  const first = bytes[start]
  if (first === QUOTE) return stringEnd(bytes, start, end)
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    // A number, true, false or null: up to what ends it.
    let at = start
    while (at < end) {
      const byte = bytes[at]
      if (byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_ARRAY || isSpace(byte)) break
      at++
    }
    return at
  }
  let depth = 0
  for (let at = start; at < end;) {
    const byte = bytes[at]
    if (byte === QUOTE) {
      at = stringEnd(bytes, at, end)
      if (at === -1) return -1
      continue
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++
    else if ((byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) && --depth === 0) return at + 1
    at++
  }
  return -1
}

/**
 * The fields of the JSON object in bytes [start, end), each with its value's place; null when the bytes are
 * not one object (the caller's JSON.parse then says what is wrong). A key given twice keeps its last value, as
 * JSON.parse does.
 */
export function objectFields(bytes: Buffer, start: number, end: number): FieldSpan[] | null {
  let at = skipSpace(bytes, start, end)
  if (bytes[at] !== OPEN_OBJECT) return null
  at = skipSpace(bytes, at + 1, end)
  const fields = new Map<string, FieldSpan>()
  if (bytes[at] === CLOSE_OBJECT) return skipSpace(bytes, at + 1, end) === end ? [] : null
  for (;;) {
    if (bytes[at] !== QUOTE) return null
    const keyEnd = stringEnd(bytes, at, end)
    if (keyEnd === -1) return null
    let key: string
    try {
      key = JSON.parse(bytes.toString('utf8', at, keyEnd)) as string
    } catch {
      return null
    }
    at = skipSpace(bytes, keyEnd, end)
    if (bytes[at] !== COLON) return null
    const valueStart = skipSpace(bytes, at + 1, end)
    const valueStop = valueEnd(bytes, valueStart, end)
    if (valueStop === -1 || valueStop === valueStart) return null
    fields.delete(key)
    fields.set(key, { key, start: valueStart, end: valueStop })
    at = skipSpace(bytes, valueStop, end)
    if (bytes[at] === COMMA) {
      at = skipSpace(bytes, at + 1, end)
      continue
    }
    if (bytes[at] !== CLOSE_OBJECT || skipSpace(bytes, at + 1, end) !== end) return null
    return [...fields.values()]
  }
}
