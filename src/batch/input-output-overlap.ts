import {lstat, realpath, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve, sep} from 'node:path'
import {writtenSchemaVersions} from '../emit/document.js'
import {corpusFiles} from './corpus.js'
import {openRegularFile} from './read-output-file.js'
import {documentId} from './document-id.js'
import {cacheFolder} from './manifest.js'

/**
 * A run that must not start: an input that does not exist, or that overlaps the output folder. A
 * usage error (exit 2), raised before anything is written.
 */
export class RunRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly code: 'input-missing' | 'input-output-overlap' | 'input-is-output' | 'merge-unreadable',
    message: string
  ) {
    super(message)
    this.name = 'RunRefusedError'
  }
}

/**
 * Where `path` really is: its realpath, or for a path that does not exist yet (an output folder
 * about to be made), the realpath of its nearest existing parent with the rest appended. Two paths
 * that reach one folder through symlinks or `..` get one location.
 */
export async function realLocation(path: string): Promise<string> {
  const absolute = resolve(path)
  const real = await realpath(absolute).catch(() => undefined)
  if (real !== undefined) return real
  const parent = dirname(absolute)
  return parent === absolute ? absolute : join(await realLocation(parent), basename(absolute))
}

/** Whether `path` is `folder` or lies inside it (both real locations). */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

/**
 * Whether a folder holds citeclaim's output: a `.citeclaim-cache` folder, or both corpus files with
 * `index.json` beginning as citeclaim writes it. Its documents are citeclaim's annotated Markdown,
 * never inputs.
 */
export async function isOutputFolder(dir: string): Promise<boolean> {
  if (await lstat(join(dir, cacheFolder)).then(() => true, () => false)) return true
  if (!(await lstat(join(dir, corpusFiles.claims)).then((info) => info.isFile(), () => false))) return false
  return startsWith(join(dir, corpusFiles.index), writtenSchemaVersions.map((version) => `{\n  "schemaVersion": ${version},\n  "documents": [`))
}

/** Whether `path` is a regular file whose first bytes are one of `heads`. */
async function startsWith(path: string, heads: readonly string[]): Promise<boolean> {
  const handle = await openRegularFile(path)
  if (!handle) return false
  try {
    const buffer = Buffer.alloc(Math.max(...heads.map((head) => Buffer.byteLength(head))))
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    const start = buffer.subarray(0, bytesRead).toString('utf8')
    return heads.some((head) => start.startsWith(head))
  } catch {
    return false
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/** How every document record citeclaim writes (of any schema version) begins, up to its id. */
function recordHeads(id: string): string[] {
  return writtenSchemaVersions.map((version) => `{\n  "schemaVersion": ${version},\n  "document": {\n    "id": ${JSON.stringify(id)},`)
}

/**
 * Whether `<dir>/<id>.json` is a citeclaim record of document `id` (by how it begins): the files of
 * that document there are citeclaim's to replace. A `<id>.md` beside anything else (a user's own
 * document, or one of the documents citeclaim reads) is not.
 */
export async function hasOwnRecord(dir: string, id: string): Promise<boolean> {
  return startsWith(join(dir, id + '.json'), recordHeads(id))
}

/**
 * Tells citeclaim's own outputs from inputs: a document file is an output when it lies inside the
 * output folder `realOut` (however it is reached), when its folder holds citeclaim output (see
 * `isOutputFolder`), or when it is Markdown beside `<id>.json`, a citeclaim record of the same id (the
 * annotated Markdown of an output folder whose corpus files are gone). Folder answers are remembered.
 * `regularFile`: the caller knows `path` is a regular file, not a symbolic link (a folder's listing said so).
 */
export function ownOutputTest(realOut: string): (path: string, regularFile?: boolean) => Promise<boolean> {
  const folders = new Map<string, Promise<boolean>>()
  const realFolders = new Map<string, Promise<string>>()
  // A regular file (not a link: a walk's listing says so) is where its folder really is: one
  // realpath per folder, not one per document.
  const realOf = async (path: string, regularFile: boolean): Promise<string> => {
    if (!regularFile) return realLocation(path)
    const dir = dirname(path)
    let real = realFolders.get(dir)
    if (!real) realFolders.set(dir, (real = realLocation(dir)))
    return join(await real, basename(path))
  }
  return async (path, regularFile = false) => {
    const real = await realOf(path, regularFile)
    if (isWithin(real, realOut)) return true
    const dir = dirname(path)
    let folder = folders.get(dir)
    if (!folder) folders.set(dir, (folder = isOutputFolder(dir)))
    if (await folder) return true
    if (!/\.(?:md|markdown)$/i.test(path)) return false
    return hasOwnRecord(dir, documentId(path))
  }
}

/**
 * Checks the paths a run was given against its output folder before anything is read or written:
 * a path that does not exist (`input-missing`: a typo must not look like "every document is gone"),
 * one that is the output folder or inside it (`input-output-overlap`: its documents would be
 * overwritten by their own annotated versions), and one that is citeclaim output (`input-is-output`).
 * An output folder inside an input folder is fine: discovery leaves it out. Throws `RunRefusedError`.
 */
export async function checkInputPaths(paths: readonly string[], out: string, cwd: string): Promise<void> {
  const realOut = await realLocation(out)
  const isOwnOutput = ownOutputTest(realOut)
  for (const given of paths) {
    const path = resolve(cwd, given)
    const info = await stat(path).catch(() => undefined)
    if (!info) throw new RunRefusedError(given, 'input-missing', `no such file or folder: ${given}; nothing was written`)
    const real = await realpath(path)
    if (isWithin(real, realOut)) {
      const where = real === realOut ? 'is also the output folder' : `is inside the output folder ${out}`
      throw new RunRefusedError(given, 'input-output-overlap', `${given} ${where}: its files would be overwritten by citeclaim's; give --out a folder apart from the inputs`)
    }
    if (info.isDirectory() ? await isOutputFolder(path) : await isOwnOutput(path)) {
      throw new RunRefusedError(given, 'input-is-output', `${given} is citeclaim output, not input: run citeclaim on the original documents`)
    }
  }
}
