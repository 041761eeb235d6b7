/**
 * Run in a child process with `node --expose-gc --import tsx` (see tests/batch/run-memory.test.ts):
 * a batch run over `count` small invented documents, analysed by two workers (`concurrency: 2`: the analysis, its caches and its compiled code stay out of this heap), with
 * the shipped config's outputs, and prints, as JSON, the heap used after a full collection when
 * document `from` and document `to` are through. What the run keeps per document until its end (the
 * manifest entry, the file stamps, the names of the files written, the corpus page's row) is the
 * difference over `to - from` documents.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runBatch} from '../../src/batch/run-batch.js'
import {shippedConfig} from './analyse.js'
// Outside vitest: prepare the pipeline as its setup file does.
import './prepare-pipeline.js'

const [count, from, to] = process.argv.slice(2).map(Number) as [number, number, number]
const gc = (globalThis as {gc?: () => void}).gc
if (!gc) throw new Error('run with --expose-gc')

const root = mkdtempSync(join(tmpdir(), 'citeclaim-run-retention-'))
mkdirSync(join(root, 'input'))
for (let n = 0; n < count; n++) {
  // Each document a little different, so no two outputs are the same bytes.
  const text = `Mesenchymal stem cells (MSCs) improved liver function in ${n + 2} cirrhotic rats [1]. MSC infusion was safe in patients [2, 3].\n\nHematopoietic stem cells may contribute to liver regeneration [4-6].\n`
  writeFileSync(join(root, 'input', `doc-${String(n).padStart(5, '0')}.txt`), text)
}

const heap: Record<string, number> = {}
let through = 0
try {
  const result = await runBatch({
    paths: ['input'],
    config: shippedConfig,
    out: join(root, 'output'),
    cwd: root,
    concurrency: 2,
    onDocument: () => {
      through++
      if (through === from || through === to) {
        gc()
        heap[through === from ? 'from' : 'to'] = process.memoryUsage().heapUsed
      }
    }
  })
  process.stdout.write(JSON.stringify({...heap, analysed: result.analysed, errors: result.errors, changed: result.changed.length}) + '\n')
} finally {
  rmSync(root, {recursive: true, force: true})
}
