// Shared CLI plumbing: clear one-line errors (file, line, reason) and exit codes, never a stack trace for bad input.
import { DatasetError } from '@cookie-policy/schemas/dataset'
import { PolicyImportError } from '@cookie-policy/schemas/import'

export class UsageError extends Error {}

/** The work could not run (an address that does not answer, say): exit 2, with the reason and no usage. */
export class RunError extends Error {}

/** Exit 0 on success, 1 when the input is refused, 2 on a usage error. */
export async function runCli(usage: string, main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`error: ${(error as Error).message}\n\n${usage}`)
      process.exitCode = 2
    } else if (error instanceof RunError) {
      console.error(`error: ${error.message}`)
      process.exitCode = 2
    } else if (error instanceof PolicyImportError || error instanceof DatasetError) {
      console.error(`error: ${error.message}`)
      process.exitCode = 1
    } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`error: ${(error as NodeJS.ErrnoException).path}: no such file`)
      process.exitCode = 1
    } else {
      throw error
    }
  }
}

export { userPath } from '@cookie-policy/schemas/node'
