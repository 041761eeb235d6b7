import {VFile} from 'vfile'
import {reportOn} from '../../diagnostics.js'
import {decodeInput} from '../parse/decode-input.js'
import {loadBibliography} from './load-bibliography.js'
import type {Bibliography} from './remark-bibliography.js'

/**
 * Reads a document's bibliography file from its bytes, with the same decoding and checks as the
 * document's (no NULs, no undecodable bytes in the outputs): the entries to hand to the processor as
 * `file.data.bibliography`, and the bibliography as a file of its own whose messages are its problems.
 * Bytes that are not text give no entries and one `bibliography-invalid` error.
 */
export function bibliographyFromBytes(source: string, bytes: Uint8Array): {bibliography?: Bibliography; file: VFile} {
  const decoded = decodeInput(bytes)
  if (!decoded.ok) {
    const file = new VFile({path: source})
    const reason = decoded.message.replace(/^input /, 'it ')
    reportOn(file, 'bibliography-invalid', `${source}: ${reason}; no entries read`, decoded.start)
    return {file}
  }
  const loaded = loadBibliography(source, decoded.text)
  return {bibliography: {path: source, entries: loaded.entries, size: loaded.size}, file: loaded.file}
}
