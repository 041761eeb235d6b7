import {readdir, stat} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {bibliographyExtensions, documentExtensions, documentId} from './document-id.js'

/** A document found on disk, with the bibliography that belongs to it. */
export interface DiscoveredInput {
  id: string
  path: string
  /** Path relative to the working directory, `/`-separated: what outputs and diagnostics show. */
  source: string
  bibliographyPath?: string
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
 * config names for its id.
 */
export async function discoverInputs(
  paths: readonly string[],
  bibliographyFiles: Readonly<Record<string, string>> = {},
  cwd = process.cwd()
): Promise<{inputs: DiscoveredInput[]; problems: DiscoveryProblem[]}> {
  const problems: DiscoveryProblem[] = []
  const files = new Set<string>()
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (!info) problems.push({path, code: 'input-missing', message: `no such file or folder: ${path}`})
    else if (info.isDirectory()) for (const file of await walk(path, problems)) files.add(file)
    else files.add(path)
  }
  const all = [...files].sort()
  const present = new Set(all)
  const byId = new Map<string, DiscoveredInput>()
  const inputs: DiscoveredInput[] = []
  for (const path of all) {
    if (!documentExtensions.some((extension) => path.toLowerCase().endsWith(extension))) continue
    const id = documentId(path)
    const source = relative(cwd, path).split('\\').join('/') || path
    const stem = path.replace(/\.(?:txt|md|markdown)$/i, '')
    const configured = bibliographyFiles[id]
    const bibliographyPath = configured ?? bibliographyExtensions.map((extension) => stem + extension).find((candidate) => present.has(candidate))
    const input: DiscoveredInput = {id, path, source, ...(bibliographyPath ? {bibliographyPath} : {})}
    const other = byId.get(id)
    if (other) {
      problems.push({path, code: 'input-duplicate-id', message: `${source} and ${other.source} both have the document id "${id}": rename one`})
      continue
    }
    byId.set(id, input)
    inputs.push(input)
  }
  return {inputs, problems}
}

async function walk(dir: string, problems: DiscoveryProblem[]): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
    problems.push({path: dir, code: 'input-unreadable', message: `cannot read folder ${dir}: ${error.code ?? error.message}`})
    return []
  })
  const out: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(path, problems)))
    else if (entry.isFile()) out.push(path)
  }
  return out
}
