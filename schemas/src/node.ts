// Node-only helpers the scripts, the site's server and the browser tests share: paths as the user gave
// them, and the Chromium they run (Debian's, or CHROMIUM_PATH) with the flags these machines need.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

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
