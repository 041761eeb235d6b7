import {readFile} from 'node:fs/promises'
import type {DiagnosticRecord} from '../emit/document.js'
import type {DocumentInput} from './analyse-document.js'
import type {DiscoveredInput} from './discover-inputs.js'

/** A discovered document read into memory, or why it could not be. */
export type ReadInput =
  | {ok: true; input: DocumentInput; bibliographyDiagnostics: DiagnosticRecord[]}
  | {ok: false; diagnostic: DiagnosticRecord}

/**
 * Reads a document's bytes and those of its bibliography. An unreadable bibliography is reported
 * and the document is analysed without one.
 */
export async function readInput(discovered: DiscoveredInput): Promise<ReadInput> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(discovered.path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    return {ok: false, diagnostic: {severity: 'error', code: 'input-unreadable', message: `cannot read ${discovered.source}: ${code}`, start: null}}
  }
  const input: DocumentInput = {id: discovered.id, source: discovered.source, bytes}
  const bibliographyDiagnostics: DiagnosticRecord[] = []
  if (discovered.bibliographyPath) {
    try {
      input.bibliography = {source: discovered.bibliographySource ?? discovered.bibliographyPath, bytes: await readFile(discovered.bibliographyPath)}
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      bibliographyDiagnostics.push({severity: 'error', code: 'bibliography-unreadable', message: `cannot read bibliography ${discovered.bibliographySource ?? discovered.bibliographyPath}: ${code}`, start: null})
    }
  }
  return {ok: true, input, bibliographyDiagnostics}
}
