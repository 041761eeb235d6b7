/**
 * Run in a child process with `node --expose-gc` (see tests/batch/run-memory.test.ts), with a built
 * dist/ folder (the test run's private build): a batch run over `count` small invented documents,
 * analysed by two workers (the analysis, its caches and its compiled code stay out of this heap),
 * with the shipped config's outputs, and prints, as JSON, the heap used after a full collection when
 * document `from` and document `to` are through. What the run keeps per document until its end (the
 * manifest entry, the file stamps, the names of the files written, the corpus page's row) is the
 * difference over `to - from` documents. Plain JavaScript on the built code: workers then start
 * without a TypeScript loader.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const [dist, ...numbers] = process.argv.slice(2)
const [count, from, to] = numbers.map(Number)
const gc = globalThis.gc
if (!gc) throw new Error('run with --expose-gc')
const {runBatch} = await import(pathToFileURL(join(dist, 'batch/run-batch.js')).href)
const {loadConfig} = await import(pathToFileURL(join(dist, 'config/load-config.js')).href)
const repository = fileURLToPath(new URL('../..', import.meta.url))
const {config} = await loadConfig(join(repository, 'pipeline.config.ts'), repository)

const root = mkdtempSync(join(tmpdir(), 'citeclaim-run-retention-'))
mkdirSync(join(root, 'input'))
for (let n = 0; n < count; n++) {
  // Each document a little different, so no two outputs are the same bytes.
  const text = `Mesenchymal stem cells (MSCs) improved liver function in ${n + 2} cirrhotic rats [1]. MSC infusion was safe in patients [2, 3].\n\nHematopoietic stem cells may contribute to liver regeneration [4-6].\n`
  writeFileSync(join(root, 'input', `doc-${String(n).padStart(5, '0')}.txt`), text)
}

const heap = {}
let through = 0
try {
  const result = await runBatch({
    paths: ['input'],
    config,
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
