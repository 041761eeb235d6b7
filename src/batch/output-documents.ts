import {readdir} from 'node:fs/promises'
import {corpusFiles} from './corpus.js'

/** The files one document has in an output folder: `<id>.json` and its siblings (`<id>.md`, …). */
export interface OutputDocument {
  id: string
  /** File names inside the folder, sorted; `<id>.json` among them. */
  files: string[]
}

/** Document ids that would collide with a corpus file (`index` → `index.json`). */
export const reservedIds: ReadonlySet<string> = new Set([corpusFiles.index.replace(/\.json$/, '')])

/**
 * Whether a document id would take a corpus file's name: compared without case, since `Index.json`
 * and `index.json` are one file on macOS and Windows.
 */
export function isReservedId(id: string): boolean {
  return reservedIds.has(id.toLowerCase())
}

// Ids are slugs of [A-Za-z0-9_-] (see documentId), so the first dot ends the id: `x.references.csl.json`
// belongs to `x`, and `x.json` is its record.
const recordName = /^([A-Za-z0-9_-]+)\.json$/

/**
 * Lists the documents in an output folder from file names alone: every `<id>.json` with the files
 * that share its `<id>.` prefix. Hidden files, temp files and the corpus files are not documents.
 */
export async function listOutputDocuments(dir: string): Promise<OutputDocument[]> {
  const names = (await readdir(dir, {withFileTypes: true})).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name)
  const ids = new Set<string>()
  for (const name of names) {
    const id = recordName.exec(name)?.[1]
    if (id && !isReservedId(id)) ids.add(id)
  }
  const byId = new Map<string, string[]>([...ids].map((id) => [id, []]))
  for (const name of names) {
    const dot = name.indexOf('.')
    if (dot > 0) byId.get(name.slice(0, dot))?.push(name)
  }
  return [...byId].map(([id, files]) => ({id, files: files.sort()})).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Names in an output folder that look like a document's files (`<id>.` and more, not hidden) but
 * are not regular files: symbolic links, FIFOs, sockets, devices. `listOutputDocuments` leaves them
 * out, never following them; a merge reports them rather than dropping a document in silence.
 */
export async function nonRegularDocumentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true})
  return entries.filter((entry) => !entry.isFile() && !entry.isDirectory() && /^[A-Za-z0-9_-]+\./.test(entry.name)).map((entry) => entry.name).sort()
}

/**
 * Suffixes of the files citeclaim writes per document. Only these are ever deleted when an input goes
 * away and no manifest says what was written; a user's own `<id>.notes.txt` is left alone.
 */
export const knownSuffixes: readonly string[] = ['.json', '.md', '.references.csl.json', '.html']
