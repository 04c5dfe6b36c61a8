// The one error the importer raises: it names the file, the line and the reason.
export class PolicyImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`)
    this.name = 'PolicyImportError'
  }
}
