import {lstat, readdir, stat} from 'node:fs/promises'
import {dirname, join, relative, resolve} from 'node:path'
import {bibliographyExtensions, documentExtensions, documentId} from './document-id.js'
import {fileKind} from './read-regular-file.js'
import {pushAll} from '../push-all.js'

/** A document found on disk, with the bibliography that belongs to it. */
export interface DiscoveredInput {
  id: string
  /** Absolute path, to read from. */
  path: string
  /** Path relative to the working directory, `/`-separated: what outputs and diagnostics show. */
  source: string
  /** Named on the command line (a symbolic link there is followed), not found in a folder. */
  named?: boolean
  bibliographyPath?: string
  /** The bibliography's path as outputs and diagnostics show it, like `source`. */
  bibliographySource?: string
  /** Named in the config's `bibliography.files` (followed if a link), not found beside the document. */
  bibliographyNamed?: boolean
}

/**
 * A problem found while looking for inputs: a missing path, two inputs with one id, a symbolic link
 * or something other than a regular file where a document was looked for.
 */
export interface DiscoveryProblem {
  path: string
  code: 'input-missing' | 'input-duplicate-id' | 'input-unreadable' | 'input-symlink' | 'input-not-file'
  message: string
}

/**
 * Finds the documents under `paths` (files, or folders read recursively), sorted by path so runs are
 * deterministic, each paired with `<name>.csl.json|.bib|.ris` beside it or the bibliography the
 * config names for its id. Relative paths are relative to `cwd`. Folders in `exclude` (the output
 * folder), hidden files and folders (`.git`, macOS `._name` files) are not read, nor documents `isOwnOutput` says citeclaim wrote. A symbolic link is
 * followed only where it is named (a path here, a bibliography in the config): links found in a
 * folder are reported and skipped, and a link beside a document is paired so that reading it
 * reports it.
 */
export async function discoverInputs(
  paths: readonly string[],
  bibliographyFiles: Readonly<Record<string, string>> = {},
  cwd = process.cwd(),
  exclude: readonly string[] = [],
  isOwnOutput: (path: string, regularFile?: boolean) => Promise<boolean> = async () => false
): Promise<{inputs: DiscoveredInput[]; problems: DiscoveryProblem[]}> {
  // The output folder may sit inside an input folder: its .md files are not inputs.
  const skipped = new Set(exclude.map((folder) => resolve(cwd, folder)))
  const problems: DiscoveryProblem[] = []
  const shown = (path: string): string => relative(cwd, path).split('\\').join('/') || path
  const files = new Set<string>()
  const named = new Set<string>()
  // What the walk saw: in a folder it listed, a bibliography beside a document is there only if listed.
  const listing: Listing = {folders: new Set(), entries: new Set(), folded: new Set()}
  for (const given of paths) {
    const path = resolve(cwd, given)
    const info = await stat(path).catch(() => undefined)
    if (!info) problems.push({path: given, code: 'input-missing', message: `no such file or folder: ${given}`})
    else if (info.isDirectory()) for (const file of await walk(path, problems, shown, skipped, listing)) files.add(file)
    else if (!info.isFile()) problems.push({path: shown(path), code: 'input-not-file', message: `cannot read ${shown(path)}: it is ${fileKind(info)}, and only regular files are read`})
    else {
      files.add(path)
      named.add(path)
    }
  }
  const all = [...files].sort()
  const present = new Set(all)
  const byId = new Map<string, DiscoveredInput>()
  const inputs: DiscoveredInput[] = []
  for (const path of all) {
    if (!documentExtensions.some((extension) => path.toLowerCase().endsWith(extension))) continue
    // A file found by a walk is a regular file (a link is reported, not listed); one named may be a link.
    if (await isOwnOutput(path, !named.has(path))) continue
    const id = documentId(path)
    const source = shown(path)
    const stem = path.replace(/\.(?:txt|md|markdown)$/i, '')
    const configured = bibliographyFiles[id]
    // A document named on the command line has its bibliography beside it even if that was not named.
    let bibliographyPath = configured !== undefined ? resolve(cwd, configured) : undefined
    // Anything by that name, even a link or a FIFO: reading it refuses those with a diagnostic.
    for (const extension of bibliographyExtensions) {
      const candidate = stem + extension
      if (bibliographyPath === undefined && (present.has(candidate) || (await listedOrExists(candidate, listing)))) bibliographyPath = candidate
    }
    const input: DiscoveredInput = {
      id,
      path,
      source,
      ...(named.has(path) ? {named: true} : {}),
      ...(bibliographyPath ? {bibliographyPath, bibliographySource: shown(bibliographyPath), ...(configured !== undefined ? {bibliographyNamed: true} : {})} : {})
    }
    // Keyed without case: `A-B.json` and `a-b.json` are one file on macOS and Windows, where the
    // second document's outputs would overwrite the first's.
    const key = id.toLowerCase()
    const other = byId.get(key)
    if (other) {
      const message = other.id === id
        ? `${source} and ${other.source} both have the document id "${id}": rename one`
        : `${source} and ${other.source} have the document ids "${id}" and "${other.id}", which differ only in case: their outputs would be one file on case-insensitive file systems (macOS, Windows); rename one`
      problems.push({path: source, code: 'input-duplicate-id', message})
      continue
    }
    byId.set(key, input)
    inputs.push(input)
  }
  return {inputs, problems}
}

/**
 * Regular files under `dir`, leaving out `skipped` folders and hidden files and folders (`.git`,
 * `.citeclaim-cache`, the `._name` files macOS leaves beside each file on other file systems, which
 * would take their document's id). A symbolic link to a document or a folder, or a document name
 * that is a FIFO, device or socket, is reported, not read.
 */
async function walk(dir: string, problems: DiscoveryProblem[], shown: (path: string) => string, skipped: ReadonlySet<string>, listing: Listing): Promise<string[]> {
  let listed = true
  const entries = await readdir(dir, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
    problems.push({path: shown(dir), code: 'input-unreadable', message: `cannot read folder ${shown(dir)}: ${error.code ?? error.message}`})
    listed = false
    return []
  })
  if (listed) listing.folders.add(dir)
  const out: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    listing.entries.add(path)
    listing.folded.add(path.toLowerCase())
    if (entry.name.startsWith('.')) continue
    const isDocument = documentExtensions.some((extension) => entry.name.toLowerCase().endsWith(extension))
    if (entry.isDirectory()) {
      if (!skipped.has(path)) pushAll(out, await walk(path, problems, shown, skipped, listing))
    } else if (entry.isFile()) out.push(path)
    else if (entry.isSymbolicLink()) {
      if (isDocument || (await stat(path).catch(() => undefined))?.isDirectory()) {
        problems.push({path: shown(path), code: 'input-symlink', message: `${shown(path)} is a symbolic link found in a folder: not followed (name the file or folder itself to read it)`})
      }
    } else if (isDocument) {
      const info = await lstat(path).catch(() => undefined)
      problems.push({path: shown(path), code: 'input-not-file', message: `cannot read ${shown(path)}: it is ${info ? fileKind(info) : 'not a regular file'}, and only regular files are read`})
    }
  }
  return out
}

/** The folders a walk listed, and every entry it found in them (also lower-cased). */
interface Listing {
  folders: Set<string>
  entries: Set<string>
  folded: Set<string>
}

/**
 * Whether anything is at `path`: from the walk's listing when it listed the folder (a bibliography
 * beside each of 1,000 documents is not looked up three times on disk), else from the disk. A name
 * listed only in another case is asked of the disk, which answers as its file system does (macOS and
 * Windows do not tell case apart).
 */
async function listedOrExists(path: string, listing: Listing): Promise<boolean> {
  if (listing.entries.has(path)) return true
  return listing.folders.has(dirname(path)) && !listing.folded.has(path.toLowerCase()) ? false : exists(path)
}

/** Whether anything is at `path` (a link counts, whatever it points to). */
async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined
}
