import {readdir, stat} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'
import {bibliographyExtensions, documentExtensions, documentId} from './document-id.js'
import {pushAll} from '../push-all.js'

/** A document found on disk, with the bibliography that belongs to it. */
export interface DiscoveredInput {
  id: string
  /** Absolute path, to read from. */
  path: string
  /** Path relative to the working directory, `/`-separated: what outputs and diagnostics show. */
  source: string
  bibliographyPath?: string
  /** The bibliography's path as outputs and diagnostics show it, like `source`. */
  bibliographySource?: string
}

/** A problem found while looking for inputs: a missing path, or two inputs with one id. */
export interface DiscoveryProblem {
  path: string
  code: 'input-missing' | 'input-duplicate-id' | 'input-unreadable'
  message: string
}

/**
 * Finds the documents under `paths` (files, or folders read recursively), sorted by path so runs are
 * deterministic, each paired with `<name>.csl.json|.bib|.ris` beside it or the bibliography the
 * config names for its id. Relative paths are relative to `cwd`. Folders in `exclude` (the output
 * folder) and hidden folders are not read.
 */
export async function discoverInputs(
  paths: readonly string[],
  bibliographyFiles: Readonly<Record<string, string>> = {},
  cwd = process.cwd(),
  exclude: readonly string[] = []
): Promise<{inputs: DiscoveredInput[]; problems: DiscoveryProblem[]}> {
  // The output folder may sit inside an input folder: its .md files are not inputs.
  const skipped = new Set(exclude.map((folder) => resolve(cwd, folder)))
  const problems: DiscoveryProblem[] = []
  const shown = (path: string): string => relative(cwd, path).split('\\').join('/') || path
  const files = new Set<string>()
  for (const given of paths) {
    const path = resolve(cwd, given)
    const info = await stat(path).catch(() => undefined)
    if (!info) problems.push({path: given, code: 'input-missing', message: `no such file or folder: ${given}`})
    else if (info.isDirectory()) for (const file of await walk(path, problems, shown, skipped)) files.add(file)
    else files.add(path)
  }
  const all = [...files].sort()
  const present = new Set(all)
  const byId = new Map<string, DiscoveredInput>()
  const inputs: DiscoveredInput[] = []
  for (const path of all) {
    if (!documentExtensions.some((extension) => path.toLowerCase().endsWith(extension))) continue
    const id = documentId(path)
    const source = shown(path)
    const stem = path.replace(/\.(?:txt|md|markdown)$/i, '')
    const configured = bibliographyFiles[id]
    // A document named on the command line has its bibliography beside it even if that was not named.
    let bibliographyPath = configured !== undefined ? resolve(cwd, configured) : undefined
    for (const extension of bibliographyExtensions) {
      const candidate = stem + extension
      if (bibliographyPath === undefined && (present.has(candidate) || (await isFile(candidate)))) bibliographyPath = candidate
    }
    const input: DiscoveredInput = {id, path, source, ...(bibliographyPath ? {bibliographyPath, bibliographySource: shown(bibliographyPath)} : {})}
    const other = byId.get(id)
    if (other) {
      problems.push({path: source, code: 'input-duplicate-id', message: `${source} and ${other.source} both have the document id "${id}": rename one`})
      continue
    }
    byId.set(id, input)
    inputs.push(input)
  }
  return {inputs, problems}
}

/** Files under `dir`, leaving out `skipped` folders and hidden ones (`.git`, `.citeclaim-cache`). */
async function walk(dir: string, problems: DiscoveryProblem[], shown: (path: string) => string, skipped: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
    problems.push({path: shown(dir), code: 'input-unreadable', message: `cannot read folder ${shown(dir)}: ${error.code ?? error.message}`})
    return []
  })
  const out: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !skipped.has(path)) pushAll(out, await walk(path, problems, shown, skipped))
    }
    else if (entry.isFile()) out.push(path)
  }
  return out
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false
}
