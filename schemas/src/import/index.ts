// The policy importer: parse a policy text, apply it to a dataset's documents.
export { PolicyImportError } from './errors'
export { parsePolicyText } from './parse'
export { importPolicy, type ImportOptions, type ImportResult } from './importPolicy'
