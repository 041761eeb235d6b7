import type {DiagnosticRecord} from '../emit/document.js'
import type {DocumentInput} from '../pipeline.js'
import type {DiscoveredInput} from './discover-inputs.js'
import {describeTooLarge, readRegularFile, type NotRead} from './read-regular-file.js'
import {diagnostic} from '../diagnostics.js'

/** A discovered document read into memory, or why it could not be. */
export type ReadInput =
  | {ok: true; input: DocumentInput; bibliographyDiagnostics: DiagnosticRecord[]}
  | {ok: false; diagnostic: DiagnosticRecord}

/**
 * Reads a document's bytes and those of its bibliography: regular files only, at most
 * `maxInputBytes` each, and through a symbolic link only where the user named the path (on the
 * command line, or the bibliography in the config). A bibliography that is not read is reported and
 * the document is analysed without one.
 */
export async function readInput(discovered: DiscoveredInput): Promise<ReadInput> {
  const read = await readRegularFile(discovered.path, {followLinks: discovered.named ?? false})
  if (!read.ok) return {ok: false, diagnostic: documentNotRead(discovered.source, read)}
  const input: DocumentInput = {id: discovered.id, source: discovered.source, bytes: read.bytes}
  const bibliographyDiagnostics: DiagnosticRecord[] = []
  if (discovered.bibliographyPath) {
    const source = discovered.bibliographySource ?? discovered.bibliographyPath
    const bibliography = await readRegularFile(discovered.bibliographyPath, {followLinks: discovered.bibliographyNamed ?? false})
    if (bibliography.ok) input.bibliography = {source, bytes: bibliography.bytes}
    else bibliographyDiagnostics.push(bibliographyNotRead(source, bibliography))
  }
  return {ok: true, input, bibliographyDiagnostics}
}

/** The diagnostic for a document that was not read. */
function documentNotRead(source: string, why: NotRead): DiagnosticRecord {
  switch (why.reason) {
    case 'symlink':
      return diagnostic('input-symlink', `${source} is a symbolic link found in a folder: not followed (name the file itself to read it)`)
    case 'not-regular':
      return diagnostic('input-not-file', `cannot read ${source}: it is ${why.kind}, and only regular files are read`)
    case 'too-large':
      return diagnostic('document-too-large', `document too large to analyse: ${describeTooLarge(why.size)}; split it into smaller files`)
    case 'unreadable':
      return diagnostic('input-unreadable', `cannot read ${source}: ${why.code}`)
  }
}

/** The diagnostic for a bibliography that was not read: the document goes on without it. */
function bibliographyNotRead(source: string, why: NotRead): DiagnosticRecord {
  switch (why.reason) {
    case 'symlink':
      return diagnostic('input-symlink', `bibliography ${source} is a symbolic link: not followed, the document is analysed without it (name the file in the config's bibliography.files to use it)`)
    case 'not-regular':
      return diagnostic('bibliography-unreadable', `cannot read bibliography ${source}: it is ${why.kind}, and only regular files are read`)
    case 'too-large':
      return diagnostic('bibliography-unreadable', `cannot read bibliography ${source}: ${describeTooLarge(why.size)}`)
    case 'unreadable':
      return diagnostic('bibliography-unreadable', `cannot read bibliography ${source}: ${why.code}`)
  }
}
