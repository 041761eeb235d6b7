/**
 * Run in a child process with `node --expose-gc --import tsx` (see tests/batch/corpus-memory.test.ts):
 * writes the corpus files (with the corpus page) over `count` invented document records, as a batch
 * run's main thread does, and prints, as JSON, the heap used after a full collection when the
 * corpus writer asks for document `from` and for document `to`. What the writer keeps per document
 * is the difference over `to - from` documents: a heap bound that only growth with the corpus breaks.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {CorpusDocument} from '../../src/batch/corpus.js'
import {writeCorpusUnlessUnchanged} from '../../src/batch/corpus-unchanged.js'
import {analyseText} from './analyse.js'
// Outside vitest: prepare the pipeline as its setup file does.
import './prepare-pipeline.js'

const [count, from, to] = process.argv.slice(2).map(Number) as [number, number, number]
const gc = (globalThis as {gc?: () => void}).gc
if (!gc) throw new Error('run with --expose-gc')

// One invented review with claims about several cell types, so that each record has a real summary.
const text = [
  'Mesenchymal stem cells (MSCs) improved liver function in cirrhotic rats [1]. MSC infusion was safe in patients [2, 3].',
  'Hematopoietic stem cells may contribute to liver regeneration [4-6]. CD34+ cells improved serum albumin in a randomized trial [7].',
  'Embryonic stem cells can differentiate into hepatocyte-like cells [8]. Induced pluripotent stem cells reduced fibrosis in mice [9].',
  'Endothelial progenitor cells promoted angiogenesis in the injured liver [10]. Liver progenitor cells expanded after injury [11].'
].join('\n\n') + '\n'
const {record} = analyseText(text, {source: 'input/invented.txt'})
const out = mkdtempSync(join(tmpdir(), 'citeclaim-retention-'))
const ids: string[] = []
for (let n = 0; n < count; n++) {
  const id = `doc-${String(n).padStart(5, '0')}`
  ids.push(id)
  writeFileSync(join(out, id + '.json'), JSON.stringify({...record, document: {...record.document, id, source: `input/${id}.txt`}}))
}

const heap: Record<string, number> = {}
async function* documents(): AsyncGenerator<CorpusDocument> {
  for (const [index, id] of ids.entries()) {
    if (index === from || index === to) {
      gc!()
      heap[index === from ? 'from' : 'to'] = process.memoryUsage().heapUsed
    }
    yield {id, jsonPath: join(out, id + '.json')}
  }
}
const problems: string[] = []
try {
  await writeCorpusUnlessUnchanged(out, documents(), {previous: undefined, hasContent: async () => false, page: true, onProblem: (path, message) => void problems.push(`${path}: ${message}`)})
} finally {
  rmSync(out, {recursive: true, force: true})
}
process.stdout.write(JSON.stringify({...heap, problems, summaryRows: record.claims.length}) + '\n')
