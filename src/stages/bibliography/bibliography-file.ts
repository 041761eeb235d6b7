import {decodeInput} from '../parse/decode-input.js'
import {loadBibliography, type BibliographyProblem} from './load-bibliography.js'
import type {Bibliography} from './remark-bibliography.js'

/**
 * Reads a document's bibliography file from its bytes, with the same decoding and checks as the
 * document's (no NULs, no undecodable bytes in the outputs): the entries to hand to the processor as
 * `file.data.bibliography`, and the file's problems, reported against that file. Bytes that are not
 * text give no entries and one `bibliography-invalid` error.
 */
export function bibliographyFromBytes(source: string, bytes: Uint8Array): {bibliography?: Bibliography; problems: BibliographyProblem[]} {
  const decoded = decodeInput(bytes)
  if (!decoded.ok) {
    const reason = decoded.message.replace(/^input /, 'it ')
    return {problems: [{severity: 'error', code: 'bibliography-invalid', message: `${source}: ${reason}; no entries read`, start: decoded.start}]}
  }
  const loaded = loadBibliography(source, decoded.text)
  return {bibliography: {path: source, entries: loaded.entries, size: loaded.size}, problems: loaded.problems}
}
