import {VFile} from 'vfile'
import {reportOn} from '../../diagnostics.js'
import {decodeInput} from '../parse/decode-input.js'
import {loadBibliography} from './load-bibliography.js'
import {deepFreeze} from './parse-each.js'
import {RecentFiles} from './recent-files.js'
import type {Bibliography} from './remark-bibliography.js'

/** What reading a bibliography file gives (see `bibliographyFromBytes`). */
export interface ReadBibliography {
  bibliography?: Bibliography
  file: VFile
}

/**
 * Reads a document's bibliography file from its bytes, with the same decoding and checks as the
 * document's (no NULs, no undecodable bytes in the outputs): the entries to hand to the processor as
 * `file.data.bibliography`, and the bibliography as a file of its own whose messages are its problems.
 * Bytes that are not text give no entries and one `bibliography-invalid` error.
 *
 * The same path with the same bytes as one of the last files this thread read gives what that read
 * gave, frozen and shared (see `recentFiles`): documents that name one library's file in
 * `bibliography.files` read it once per thread, not once each.
 */
export function bibliographyFromBytes(source: string, bytes: Uint8Array): ReadBibliography {
  const known = recentFiles.get(source, bytes)
  if (known) {
    if (!known.frozen) {
      // Frozen once it is shared: a change made for one document would show in the next.
      deepFreeze(known.read)
      known.frozen = true
    }
    return known.read
  }
  const read = readBibliography(source, bytes)
  recentFiles.set(source, bytes, {read, frozen: false})
  return read
}

function readBibliography(source: string, bytes: Uint8Array): ReadBibliography {
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

/** What reading the last bibliography files gave this thread (see `RecentFiles`). */
const recentFiles = new RecentFiles<{read: ReadBibliography; frozen: boolean}>()

/** Forgets the files read (tests that count the work of reading one). */
export function forgetRecentBibliographies(): void {
  recentFiles.clear()
}

