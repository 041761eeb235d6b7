import type {DiagnosticRecord} from '../emit/document.js'
import {printable} from './printable.js'

/**
 * One diagnostic as a line, the way compilers and linters print them: `file:line:column: severity
 * message [code]`. The file name and the message may quote the input: their control characters are
 * escaped, so a diagnostic is always exactly one line and never drives the terminal.
 */
export function formatDiagnostic(file: string, diagnostic: DiagnosticRecord): string {
  const line = diagnostic.start?.line ?? 1
  const column = diagnostic.start?.column ?? 1
  return `${printable(file)}:${line}:${column}: ${diagnostic.severity} ${printable(diagnostic.message)} [${printable(diagnostic.code)}]`
}
