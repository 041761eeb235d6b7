import {join, resolve} from 'node:path'
import {copyFileAtomic, sha256OfFile} from './atomic-write.js'
import {writeCorpus, type CorpusDocument} from './corpus.js'
import {listOutputDocuments} from './output-documents.js'
import {pushAll} from '../push-all.js'

export interface MergeOptions {
  /** Output folders of shard runs. */
  dirs: readonly string[]
  /** Folder that gets every document's files and the corpus files. */
  out: string
  /** Write nothing; report what would change. */
  check?: boolean
  onProblem?: (path: string, message: string, code: 'merge-conflict' | 'merge-unreadable') => void
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
 * rebuilds `index.json` and `claims.jsonl` over all of them, which gives the same bytes as one run
 * over all documents. A document found in two folders must have the same files in both.
 */
export async function mergeOutputs(options: MergeOptions): Promise<MergeResult> {
  const result: MergeResult = {documents: 0, changed: [], problems: 0}
  const problem = (path: string, message: string, code: 'merge-conflict' | 'merge-unreadable' = 'merge-unreadable'): void => {
    result.problems++
    options.onProblem?.(path, message, code)
  }
  const out = resolve(options.out)
  const owner = new Map<string, {dir: string; files: string[]}>()
  for (const dir of options.dirs) {
    const documents = await listOutputDocuments(dir).catch((error: NodeJS.ErrnoException) => {
      problem(dir, `cannot read folder ${dir}: ${error.code ?? error.message}`)
      return []
    })
    for (const document of documents) {
      const first = owner.get(document.id)
      if (!first) {
        owner.set(document.id, {dir, files: document.files})
        continue
      }
      if (!(await sameFiles(first, {dir, files: document.files}))) problem(join(dir, document.id + '.json'), `document "${document.id}" is also in ${first.dir} with different files: shards must not overlap`, 'merge-conflict')
    }
  }
  const corpus: CorpusDocument[] = []
  for (const [id, {dir, files}] of owner) {
    const copying = resolve(dir) !== out
    for (const name of files) {
      if (!copying) continue
      const from = join(dir, name)
      const to = join(out, name)
      if ((await sha256OfFile(from)) === (await sha256OfFile(to))) continue
      result.changed.push(to)
      if (!options.check) await copyFileAtomic(from, to)
    }
    corpus.push({id, jsonPath: join(options.check || !copying ? dir : out, id + '.json')})
  }
  result.documents = corpus.length
  result.changed.sort()
  pushAll(result.changed, await writeCorpus(out, corpus, {dryRun: options.check, onProblem: (path, message) => problem(path, message)}))
  return result
}

async function sameFiles(a: {dir: string; files: string[]}, b: {dir: string; files: string[]}): Promise<boolean> {
  if (a.files.join('\0') !== b.files.join('\0')) return false
  for (const name of a.files) if ((await sha256OfFile(join(a.dir, name))) !== (await sha256OfFile(join(b.dir, name)))) return false
  return true
}
