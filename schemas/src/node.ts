// Node-only helpers the scripts, the site's server, the Studio's local mode and the browser tests share: paths
// as the user gave them, the one bounded reader of request bodies, unguessable temporary files, and the
// Chromium they run (Debian's, or CHROMIUM_PATH) with the flags these machines need.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'

/** A path from the command line or the environment is the user's: relative to where they ran npm. */
export function userPath(path: string): string {
  return resolve(/*turbopackIgnore: true*/ process.env.INIT_CWD ?? process.cwd(), path)
}

/**
 * The dataset the site reads and the Studio's local mode edits, by one rule so they stay the same file:
 * POLICY_DATASET (the user's path), else the repository's bundled `content/dataset.ndjson`.
 */
export function policyDatasetFile(repository: string): string {
  const file = process.env.POLICY_DATASET
  return file
    ? userPath(file)
    : resolve(/*turbopackIgnore: true*/ repository, 'content', 'dataset.ndjson')
}

/** Headless Chromium without the background traffic and first-run work a test or a scan has no use for. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** CHROMIUM_PATH, else Debian's or Ubuntu's Chromium; undefined when there is none. */
export function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
    .filter((path): path is string => Boolean(path))
    .find((path) => existsSync(path))
}

/**
 * A file name beside `file` for writing then renaming over it: unguessable, so that nobody can place a link
 * there beforehand. Open it with the exclusive flag ('wx'), which refuses a name that exists.
 */
export function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(12).toString('hex')}.tmp`)
}

/**
 * A request body, read no further than `limit` bytes: null as soon as it is larger (the rest is never read,
 * so a huge POST costs no memory). `declared` is the Content-Length header, refused before reading at all.
 * Takes a Node request or a web stream; a web stream left early is cancelled, a Node request is left
 * undestroyed so that its 413 can still be sent.
 */
export async function readLimitedBody(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  declared: string | null | undefined,
  limit: number,
): Promise<Buffer | null> {
  if (declared && !(Number(declared) <= limit)) return null
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of chunksOf(source)) {
    size += chunk.byteLength
    if (size > limit) return null
    parts.push(chunk)
  }
  return Buffer.concat(parts)
}

async function* chunksOf(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (source instanceof Readable) {
    yield* source.iterator({ destroyOnReturn: false })
    return
  }
  if (Symbol.asyncIterator in source) {
    yield* source
    return
  }
  const reader = source.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    void reader.cancel().catch(() => undefined)
  }
}
