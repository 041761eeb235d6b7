import {lstat} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {copyFileAtomic, WriteError} from './atomic-write.js'
import {sha256OfFile} from './read-output-file.js'
import {corpusFiles, writeCorpus, type CorpusDocument} from './corpus.js'
import {hasOwnRecord, RunRefusedError} from './input-output-overlap.js'
import {describeFsError} from './output-folder.js'
import {listOutputDocuments, nonRegularDocumentFiles, type OutputDocument} from './output-documents.js'

import {pushAll} from '../push-all.js'

type MergeProblemCode = 'merge-conflict' | 'merge-unreadable' | 'output-write-failed'

export interface MergeOptions {
  /** Output folders of shard runs. */
  dirs: readonly string[]
  /** Folder that gets every document's files and the corpus files. */
  out: string
  /** Write nothing; report what would change. */
  check?: boolean
  onProblem?: (path: string, message: string, code: MergeProblemCode) => void
}

export interface MergeResult {
  documents: number
  /** Files written (or, with `check`, that would be). */
  changed: string[]
  /** Problems: a document in two folders with different content, an unreadable record. */
  problems: number
}

/**
 * Merges shard output folders: copies every document's files into `out` (unless already there) and
 * rebuilds `index.json` and `claims.jsonl` (and the corpus page `index.html` when a shard or `out`
 * has one: those runs wrote the html output) over every document then in `out`, which gives the same
 * bytes as one run over all documents. A document found in two folders must have the same files in
 * both. A folder that cannot be read refuses the merge before anything is written (`RunRefusedError`,
 * `merge-unreadable`): a typo must not shrink the corpus files to the folders that were found.
 */
export async function mergeOutputs(options: MergeOptions): Promise<MergeResult> {
  const result: MergeResult = {documents: 0, changed: [], problems: 0}
  const problem = (path: string, message: string, code: MergeProblemCode = 'merge-unreadable'): void => {
    result.problems++
    options.onProblem?.(path, message, code)
  }
  const out = resolve(options.out)
  const owner = new Map<string, {dir: string; files: string[]}>()
  const caseFolded = new Map<string, {id: string; dir: string}>()
  const listings: Array<[string, OutputDocument[]]> = []
  for (const dir of options.dirs) {
    try {
      listings.push([dir, await listOutputDocuments(dir)])
    } catch (error) {
      throw new RunRefusedError(dir, 'merge-unreadable', `cannot read folder ${dir}: ${describeFsError(error)}; nothing was written`)
    }
  }
  for (const [dir, documents] of listings) {
    // A link (or FIFO, device) where a document's file should be is not followed: said, not skipped in silence.
    for (const name of await nonRegularDocumentFiles(dir).catch(() => [])) {
      problem(join(dir, name), `${join(dir, name)} is not a regular file (a symbolic link, FIFO or device): not read, so its document is not merged whole; replace it with the file itself`)
    }
    for (const document of documents) {
      // Ids that differ only in case are one file on macOS and Windows: one would overwrite the other.
      const sameName = caseFolded.get(document.id.toLowerCase())
      if (sameName !== undefined && sameName.id !== document.id) {
        problem(join(dir, document.id + '.json'), `document "${document.id}" and "${sameName.id}" in ${sameName.dir} differ only in case: their files would be one on case-insensitive file systems (macOS, Windows); rename one`, 'merge-conflict')
        continue
      }
      caseFolded.set(document.id.toLowerCase(), {id: document.id, dir})
      const first = owner.get(document.id)
      if (!first) {
        owner.set(document.id, {dir, files: document.files})
        continue
      }
      if (!(await sameFiles(first, {dir, files: document.files}))) problem(join(dir, document.id + '.json'), `document "${document.id}" is also in ${first.dir} with different files: shards must not overlap`, 'merge-conflict')
    }
  }
  const corpus = new Map<string, CorpusDocument>()
  // The documents already in `out` stay in its corpus files.
  for (const document of await listOutputDocuments(out).catch(() => [])) corpus.set(document.id, {id: document.id, jsonPath: join(out, document.id + '.json'), found: true})
  for (const [id, {dir, files}] of owner) {
    const copying = resolve(dir) !== out
    // A file of that name in `out` that citeclaim did not write (no record of the document beside it:
    // a user's own `<id>.md`, a document folder given as --out by mistake) is never overwritten.
    if (copying) {
      // Links are replaced (the link, never its target), as a run replaces them.
      const present = await Promise.all(files.map((name) => lstat(join(out, name)).then((info) => (info.isFile() ? name : undefined), () => undefined)))
      const foreign = present.filter((name): name is string => name !== undefined)
      if (foreign.length > 0 && !(await hasOwnRecord(out, id))) {
        problem(join(out, foreign[0]!), `${join(out, foreign[0]!)} is not citeclaim's (no citeclaim record ${id}.json beside it): not overwritten, and document "${id}" is not merged; give --out a folder of citeclaim's outputs`, 'merge-conflict')
        continue
      }
    }
    let copied = true
    for (const name of files) {
      if (!copying) continue
      const from = join(dir, name)
      const to = join(out, name)
      if ((await sha256OfFile(from)) === (await sha256OfFile(to))) continue
      result.changed.push(to)
      if (options.check) continue
      try {
        await copyFileAtomic(from, to)
      } catch (error) {
        problem(to, `cannot write ${to}: ${describeFsError(error)}`, 'output-write-failed')
        copied = false
      }
    }
    if (copied) corpus.set(id, {id, jsonPath: join(options.check || !copying ? dir : out, id + '.json')})
  }
  result.documents = owner.size
  result.changed.sort()
  try {
    const page = (await Promise.all([...options.dirs, out].map((dir) => lstat(join(dir, corpusFiles.html)).then((info) => info.isFile(), () => false)))).includes(true)
    pushAll(result.changed, await writeCorpus(out, corpus.values(), {dryRun: options.check, page, onProblem: (path, message) => problem(path, message)}))
  } catch (error) {
    if (!(error instanceof WriteError)) throw error
    problem(error.path, `cannot write ${error.path}: ${describeFsError(error.cause)}; the previous corpus files are left as they were`, 'output-write-failed')
  }
  return result
}

async function sameFiles(a: {dir: string; files: string[]}, b: {dir: string; files: string[]}): Promise<boolean> {
  if (a.files.join('\0') !== b.files.join('\0')) return false
  for (const name of a.files) if ((await sha256OfFile(join(a.dir, name))) !== (await sha256OfFile(join(b.dir, name)))) return false
  return true
}
