import type {DiagnosticRecord} from '../emit/document.js'

/** One diagnostic as a line, the way compilers and linters print them: `file:line:column: severity message [code]`. */
export function formatDiagnostic(file: string, diagnostic: DiagnosticRecord): string {
  const line = diagnostic.start?.line ?? 1
  const column = diagnostic.start?.column ?? 1
  return `${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.message} [${diagnostic.code}]`
}
