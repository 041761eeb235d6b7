/**
 * `npm run bench`: measures the real pipeline on synthetic corpora made from the seed, and writes
 * bench/results.json. `npm run bench -- --quick` is a smoke run on small corpora (results not written).
 */
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, totalmem} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {coldStartRuns, timedRun} from './cold-start.js'
import {bibliographyFormats, citedNumbers, makeCorpus, type BibliographyFormat} from './make-corpus.js'
import {measureHtmlShare} from './html-share.js'
import {measureIncremental} from './incremental.js'
import {measureParallelCeiling} from './parallel-ceiling.js'
import {median, round, timeMs as time} from './stats.js'

type AnalyseModule = typeof import('../src/pipeline.js')
type ConfigModule = typeof import('../src/config/load-config.js')
type ParseModule = typeof import('../src/stages/parse/pdf-text.js')
type LoadModule = typeof import('../src/stages/bibliography/load-bibliography.js')
type FormatModule = typeof import('../src/stages/bibliography/format-references.js')

const root = fileURLToPath(new URL('..', import.meta.url))
const quick = process.argv.includes('--quick')
// `--bibliography`: only the withBibliography block, written into the existing results.json.
const onlyBibliography = process.argv.includes('--bibliography')
const reps = Number(process.env['BENCH_REPS'] ?? 3)
const seedPath = join(root, 'input', '000_a1b4395412355638.txt')
const counts = quick ? {speedup: 40, throughput: 100, large: 400} : {speedup: 120, throughput: 1000, large: 10000}
// Documents with a bibliography beside each, per format; and with works no two documents share.
const bibliographyCounts = quick ? {documents: 100, unshared: 10} : {documents: 1000, unshared: 40}
const sizeFactors = [1, 10, 100] as const
const cores = availableParallelism()
// Other processes on the machine skew every figure: the load average is recorded with the results.
const loadAtStart = loadavg()[0]!

const log = (line: string): void => void process.stderr.write(line + '\n')

log('bench: building dist/ (the CLI the bench runs)')
const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {cwd: root, stdio: 'inherit'})
if (build.status !== 0) log('bench: warning: tsc reported errors; measuring what it emitted')

log('bench: making the synthetic corpora under bench/corpus/')
const corpus = makeCorpus(seedPath, join(root, 'bench', 'corpus'), [counts.speedup, counts.throughput, counts.large], sizeFactors, bibliographyCounts)
const folderBytes = (folder: string): number => readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0)

const dist = (path: string): string => pathToFileURL(join(root, 'dist', path)).href
const {analyseDocument, preparePipeline} = (await import(dist('pipeline.js'))) as AnalyseModule
const {loadConfig} = (await import(dist('config/load-config.js'))) as ConfigModule
const {pdfTextParse} = (await import(dist('stages/parse/pdf-text.js'))) as ParseModule
const {unified} = await import('unified')
const {default: remarkParse} = await import('remark-parse')
const {default: remarkStringify} = await import('remark-stringify')
const {toString} = await import('mdast-util-to-string')
const {loadBibliography} = (await import(dist('stages/bibliography/load-bibliography.js'))) as LoadModule
const {formatReferences, formattingWork} = (await import(dist('stages/bibliography/format-references.js'))) as FormatModule
const {config} = await loadConfig(undefined, root)
// The in-process measurements call analyseDocument directly: load what the package's entry point loads.
await preparePipeline(['text', 'markdown'], ['json', 'md', 'csl', 'html'])

const analyse = (path: string, bytes: Uint8Array): void => void analyseDocument({id: 'bench', source: path, bytes}, config)

if (onlyBibliography) {
  const withBibliography = measureBibliographies()
  const path = join(root, 'bench', 'results.json')
  const previous = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  process.stdout.write(JSON.stringify({withBibliography}, null, 2) + '\n')
  if (quick) log('bench: --quick, results not written')
  else writeFileSync(path, JSON.stringify({...previous, withBibliography}, null, 2) + '\n')
  process.exit(0)
}

// floorRatio: the whole pipeline against remark-parse + remark-stringify alone on the cleaned text,
// with the outputs every run writes (JSON, Markdown, CSL-JSON). The evidence map (html) is an output
// of its own with a budget of its own: htmlShare, below, measures it on the same documents.
log('bench: floorRatio (in process, one thread)')
const floorConfig = {...config, outputs: config.outputs.filter((name) => name !== 'html')}
const floorDocs = readdirSync(corpus.folders[counts.throughput]!).slice(0, 20).map((name) => {
  const path = join(corpus.folders[counts.throughput]!, name)
  const bytes = readFileSync(path)
  const cleaned = pdfTextParse(bytes.toString('utf8')).children.map((node) => toString(node)).join('\n\n')
  return {path, bytes, cleaned}
})
const remark = unified().use(remarkParse).use(remarkStringify).freeze()
const floorPass = (): number => time(() => floorDocs.forEach((doc) => remark.stringify(remark.parse(doc.cleaned))))
const pipelinePass = (): number => time(() => floorDocs.forEach((doc) => void analyseDocument({id: 'bench', source: doc.path, bytes: doc.bytes}, floorConfig)))
for (let i = 0; i < 2; i++) {
  floorPass()
  pipelinePass()
}
const floorTimes: number[] = []
const pipelineTimes: number[] = []
for (let i = 0; i < Math.max(reps, 5); i++) {
  floorTimes.push(floorPass() / floorDocs.length)
  pipelineTimes.push(pipelinePass() / floorDocs.length)
}
const floor = {documents: floorDocs.length, pipelineMsPerDoc: round(median(pipelineTimes)), remarkMsPerDoc: round(median(floorTimes))}

// parallelCeiling: what two threads give to the floor's workload on this machine (workerSpeedup's ceiling).
log('bench: parallelCeiling (remark alone, 1 thread vs 2)')
const parallel = await measureParallelCeiling(floorDocs.map((doc) => doc.cleaned), quick ? 3 : 10, Math.max(reps, 5))

// htmlShare: the HTML emitter's time over the rest of a document's analysis, on the same documents.
log('bench: htmlShare (in process, one thread)')
const html = await measureHtmlShare(floorDocs.map((doc) => doc.path), config, Math.max(reps, 5))

// sizeScaling: a 100× document against ten 10× documents.
log('bench: sizeScaling (in process, one thread)')
const sizeBytes = Object.fromEntries(sizeFactors.map((factor) => [factor, readFileSync(corpus.sizes[factor]!)])) as Record<(typeof sizeFactors)[number], Buffer>
// Each size in a block of its own, after two warm-up runs: a run then collects the garbage of a run of its
// own size, as in a batch of such documents (interleaved, a 10× run would pay for a 100× run's garbage
// or not, by chance).
const sizeTimes: Record<number, number[]> = {1: [], 10: [], 100: []}
for (const factor of sizeFactors) {
  for (let i = 0; i < 2; i++) analyse(`size-${factor}x.txt`, sizeBytes[factor])
  for (let i = 0; i < Math.max(reps, 5); i++) sizeTimes[factor]!.push(time(() => analyse(`size-${factor}x.txt`, sizeBytes[factor])))
}
const sizes = Object.fromEntries(sizeFactors.map((factor) => [`${factor}x`, {bytes: sizeBytes[factor].length, ms: round(median(sizeTimes[factor]!), 1)}]))

/**
 * The `withBibliography` block: the same documents with and without a bibliography beside each (CSL-JSON,
 * BibTeX, RIS), through the CLI with every core and with one; where the time of a document goes, in
 * process; and documents whose works no other document cites, so that no formatted entry is reused.
 */
function measureBibliographies() {
  const documents = bibliographyCounts.documents
  const plainFolder = corpus.folders[documents]
  if (plainFolder === undefined) throw new Error(`no plain corpus of ${documents} documents to compare with`)
  const load = loadavg()[0]!
  const formats = Object.keys(bibliographyFormats) as BibliographyFormat[]
  const runs = {without: {all: [] as Run[], one: [] as Run[]}, ...Object.fromEntries(formats.map((format) => [format, {all: [] as Run[], one: [] as Run[]}]))} as Record<'without' | BibliographyFormat, {all: Run[]; one: Run[]}>
  const folderOf = (kind: 'without' | BibliographyFormat): string => (kind === 'without' ? plainFolder : corpus.withBibliography[kind])
  // Interleaved, so that a change in the machine's load hits every kind alike.
  // One round in a quick run: 8 CLI runs per round.
  const rounds = quick ? 1 : reps
  for (let rep = 0; rep < rounds; rep++) {
    for (const kind of ['without', ...formats] as const) {
      log(`bench: withBibliography ${kind} (${documents} documents, ${cores} workers and 1, run ${rep + 1}/${rounds})`)
      runs[kind].all.push(runCli(folderOf(kind), 0))
      if (kind === 'without' || kind === 'csl.json') runs[kind].one.push(runCli(folderOf(kind), 1))
    }
  }
  // Unrounded, for `met` (a ratio of 0.6998 is printed 0.7 but is not 0.7); rounded, for the record.
  const seconds = (list: Run[]): number => median(list.map((run) => run.seconds))
  const exactSpeedup = (kind: 'without' | BibliographyFormat): number => seconds(runs[kind].one) / seconds(runs[kind].all)
  const rate = (list: Run[]): number => round(documents / seconds(list), 1)
  const speedup = (kind: 'without' | BibliographyFormat): number => round(exactSpeedup(kind))
  const rss = (list: Run[]): number => round(median(list.map((run) => run.peakRssMb)), 0)

  log(`bench: withBibliography unshared works (${bibliographyCounts.unshared} documents, ${cores} workers and 1)`)
  const unsharedAll = runCli(corpus.unsharedBibliography, 0)
  const unsharedOne = runCli(corpus.unsharedBibliography, 1)

  log('bench: withBibliography split per document (in process, one thread)')
  const sample = readdirSync(corpus.withBibliography['csl.json']).filter((name) => name.endsWith('.txt')).slice(0, 20)
  const docs = sample.map((name) => {
    const path = join(corpus.withBibliography['csl.json'], name)
    const bytes = readFileSync(path)
    const bibliographies = Object.fromEntries(formats.map((format) => {
      const source = join(corpus.withBibliography[format], name.replace(/\.txt$/, `.${format}`))
      return [format, {source, bytes: readFileSync(source)}]
    })) as Record<BibliographyFormat, {source: string; bytes: Buffer}>
    // The corpus numbers a document's citations 1..n, every number cited.
    const cited = new Set(citedNumbers(bytes.toString('utf8')))
    return {path, bytes, bibliographies, cited}
  })
  const msPerDoc = (work: (doc: (typeof docs)[number]) => void): number => {
    for (const doc of docs) work(doc)
    const times: number[] = []
    for (let i = 0; i < Math.max(reps, 5); i++) times.push(time(() => docs.forEach(work)) / docs.length)
    return round(median(times))
  }
  const referencesOf = (doc: (typeof docs)[number]) => {
    const entries = loadBibliography(doc.bibliographies['csl.json'].source, doc.bibliographies['csl.json'].bytes.toString('utf8')).entries
    return new Map(entries.filter((entry) => doc.cited.has(entry.number)).map((entry) => [entry.number, entry.item]))
  }
  const references = docs.map(referencesOf)
  let which = 0
  const split = {
    documents: docs.length,
    entriesPerBibliography: round(median(docs.map((doc) => loadBibliography(doc.bibliographies['csl.json'].source, doc.bibliographies['csl.json'].bytes.toString('utf8')).entries.length)), 0),
    citedEntriesPerDocument: round(median(docs.map((doc) => doc.cited.size)), 0),
    analyseWithoutMs: msPerDoc((doc) => void analyseDocument({id: 'bench', source: doc.path, bytes: doc.bytes}, config)),
    analyseWithCslJsonMs: msPerDoc((doc) => void analyseDocument({id: 'bench', source: doc.path, bytes: doc.bytes, bibliography: doc.bibliographies['csl.json']}, config)),
    loadMs: Object.fromEntries(formats.map((format) => [format, msPerDoc((doc) => void loadBibliography(doc.bibliographies[format].source, doc.bibliographies[format].bytes.toString('utf8')))])),
    formatReusedMs: msPerDoc(() => void formatReferences(references[which++ % references.length]!, {style: config.bibliography.style, lang: config.bibliography.lang}))
  }
  // Entries no document shared: every one goes to citeproc (warm engine).
  const unshared = readdirSync(corpus.unsharedBibliography).filter((name) => name.endsWith('.csl.json')).slice(0, 3)
  const before = formattingWork()
  const coldMs = time(() => {
    for (const name of unshared) {
      const entries = loadBibliography(name, readFileSync(join(corpus.unsharedBibliography, name), 'utf8')).entries.slice(0, 150)
      formatReferences(new Map(entries.map((entry) => [entry.number, entry.item])), {style: config.bibliography.style, lang: config.bibliography.lang})
    }
  })
  const formatted = formattingWork().entries - before.entries

  const docsPerSecond = rate(runs['csl.json'].all)
  const without = rate(runs.without.all)
  const block = {
    loadAverageAtStart: round(load),
    documents,
    style: config.bibliography.style,
    docsPerSecond,
    withoutDocsPerSecond: without,
    ratio: round(docsPerSecond / without),
    workerSpeedup: speedup('csl.json'),
    withoutWorkerSpeedup: speedup('without'),
    peakRssMb: {with: rss(runs['csl.json'].all), without: rss(runs.without.all)},
    byFormat: Object.fromEntries(formats.map((format) => [format, {docsPerSecond: rate(runs[format].all), peakRssMb: rss(runs[format].all), seconds: runs[format].all.map((run) => round(run.seconds))}])),
    details: {
      seconds: {without: {all: runs.without.all.map((run) => round(run.seconds)), one: runs.without.one.map((run) => round(run.seconds))}, cslJson: {all: runs['csl.json'].all.map((run) => round(run.seconds)), one: runs['csl.json'].one.map((run) => round(run.seconds))}},
      // CPU seconds per document, all threads: the work a bibliography adds, whatever else the machine runs.
      cpuMsPerDocument: Object.fromEntries((['without', ...formats] as const).map((kind) => [kind, round((median(runs[kind].all.map((run) => run.cpuSeconds)) * 1000) / documents)])),
      // The same, analysed in one thread (`--concurrency 1`): the work alone, without what two threads
      // sharing this machine's cores cost each other (see parallelCeiling).
      oneThreadCpuMsPerDocument: Object.fromEntries((['without', 'csl.json'] as const).map((kind) => [kind, round((median(runs[kind].one.map((run) => run.cpuSeconds)) * 1000) / documents)])),
      split: {...split, otherBibliographyMs: round(split.analyseWithCslJsonMs - split.analyseWithoutMs - split.loadMs['csl.json']! - split.formatReusedMs)},
      unshared: {documents: bibliographyCounts.unshared, docsPerSecond: round(bibliographyCounts.unshared / unsharedAll.seconds, 1), oneWorkerDocsPerSecond: round(bibliographyCounts.unshared / unsharedOne.seconds, 1), formatMsPerEntry: round(coldMs / formatted, 3), entriesFormatted: formatted}
    },
    targets: {docsPerSecond: '≥ 100', ratio: '≥ 0.7', workerSpeedup: '≥ 1.7 with and without'}
  }
  const met = {
    docsPerSecond: documents / seconds(runs['csl.json'].all) >= 100,
    ratio: seconds(runs.without.all) / seconds(runs['csl.json'].all) >= 0.7,
    workerSpeedup: exactSpeedup('csl.json') >= 1.7 && exactSpeedup('without') >= 1.7
  }
  return {...block, met}
}

type Run = {seconds: number; peakRssMb: number; cpuSeconds: number}

/** Runs the built CLI over a folder in a child process (`timedRun`); wall seconds, the child's peak RSS and CPU seconds. */
function runCli(folder: string, concurrency: number): Run {
  const out = join(root, 'bench', 'corpus', 'out')
  rmSync(out, {recursive: true, force: true})
  const run = timedRun(root, folder, out, '--force', '--concurrency', String(concurrency))
  rmSync(out, {recursive: true, force: true})
  // CPU seconds of the whole process (every thread): on a loaded machine a steadier measure of the work than wall time.
  return {seconds: run.wall, peakRssMb: run.peakRssMb, cpuSeconds: run.cpu}
}

log(`bench: throughput (${counts.throughput} documents, ${cores} workers, ${reps} runs)`)
const throughputRuns = Array.from({length: reps}, () => runCli(corpus.folders[counts.throughput]!, 0))
const throughputSeconds = median(throughputRuns.map((run) => run.seconds))
const throughputBytes = folderBytes(corpus.folders[counts.throughput]!)

// workerSpeedup on the same corpus as the throughput: what a batch of that size gains from the cores.
// (On a small corpus the workers' start-up — loading the modules and warming the JIT in each — is a
// large part of the run; that fixed cost is reported separately below.)
log(`bench: workerSpeedup (${counts.throughput} documents, 1 worker vs ${cores}, ${reps} runs)`)
const one = Array.from({length: reps}, () => runCli(corpus.folders[counts.throughput]!, 1).seconds)
const all = throughputRuns.map((run) => run.seconds)
log(`bench: worker start-up (${counts.speedup} documents, 1 worker vs ${cores})`)
const smallOne: number[] = []
const smallAll: number[] = []
for (let i = 0; i < reps; i++) {
  smallOne.push(runCli(corpus.folders[counts.speedup]!, 1).seconds)
  smallAll.push(runCli(corpus.folders[counts.speedup]!, 0).seconds)
}

// The seed alone, with the shipped config (every output, html included), each run a new process.
log(`bench: coldStartSeconds (one document, --force, ${Math.max(reps, 5)} runs)`)
const coldStart = coldStartRuns(root, seedPath, reps)
const coldStartSeconds = {wall: round(median(coldStart.map((run) => run.wall))), cpu: round(median(coldStart.map((run) => run.cpu)))}

log(`bench: peak RSS at ${counts.large} documents (one run)`)
const large = runCli(corpus.folders[counts.large]!, 0)

const rss = {small: median(throughputRuns.map((run) => run.peakRssMb)), large: large.peakRssMb}
const withBibliography = measureBibliographies()

log(`bench: incremental (${counts.throughput} documents: full run, unchanged rerun, one changed; ${reps} runs)`)
const incremental = measureIncremental(counts.throughput, reps)
const results = {
  machine: {cpus: cores, model: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage: {start: round(loadAtStart), end: round(loadavg()[0]!)}},
  seedBytes: statSync(seedPath).size,
  repetitions: reps,
  docsPerSecond: round(counts.throughput / throughputSeconds, 1),
  mbPerSecond: round(throughputBytes / 1e6 / throughputSeconds, 3),
  floorRatio: round(floor.pipelineMsPerDoc / floor.remarkMsPerDoc),
  htmlShare: html.share,
  workerSpeedup: round(median(one) / median(all)),
  parallelCeiling: parallel.ceiling,
  sizeScaling: round(median(sizeTimes[100]!) / (10 * median(sizeTimes[10]!))),
  peakRssMb: {[counts.throughput]: round(rss.small, 0), [counts.large]: round(rss.large, 0)},
  // Median wall and CPU seconds of a one-document run, start-up included.
  coldStartSeconds,
  details: {
    throughput: {documents: counts.throughput, bytes: throughputBytes, workers: cores, secondsMedian: round(throughputSeconds), seconds: throughputRuns.map((run) => round(run.seconds))},
    floor,
    html,
    parallelCeiling: parallel,
    workerSpeedup: {documents: counts.throughput, oneWorkerSeconds: one.map((s) => round(s)), allCoresSeconds: all.map((s) => round(s))},
    smallBatchSpeedup: {documents: counts.speedup, oneWorkerSeconds: smallOne.map((s) => round(s)), allCoresSeconds: smallAll.map((s) => round(s)), speedup: round(median(smallOne) / median(smallAll))},
    sizes,
    large: {documents: counts.large, seconds: round(large.seconds), docsPerSecond: round(counts.large / large.seconds, 1)},
    rssGrowth: round(rss.large / rss.small),
    coldStart: {document: 'input/000_a1b4395412355638.txt', runs: coldStart.map((run) => ({wall: round(run.wall), cpu: round(run.cpu)}))}
  },
  withBibliography,
  // Each rerun's cost over the full run's (CPU time is the headline: the machine is shared).
  incremental,
  targets: {
    floorRatio: '≤ 1.5',
    htmlShare: '≤ 0.15',
    sizeScaling: '≤ 1.15',
    workerSpeedup: `≥ 1.7 on 2 cores`,
    peakRssMb: `${counts.large} docs within 20% of ${counts.throughput} docs and < 400`,
    coldStartSeconds: '≤ 0.5 wall',
    incremental: 'unchanged rerun ≤ 0.05 and one changed ≤ 0.10 of a full run (CPU time)'
  }
}

// Judged on the unrounded medians: a speedup of 1.6986 is printed 1.7 but does not reach it.
const met = {
  floorRatio: median(pipelineTimes) / median(floorTimes) <= 1.5,
  htmlShare: results.htmlShare <= 0.15,
  sizeScaling: median(sizeTimes[100]!) / (10 * median(sizeTimes[10]!)) <= 1.15,
  workerSpeedup: median(one) / median(all) >= 1.7,
  peakRssMb: rss.large <= rss.small * 1.2 && rss.large < 400,
  coldStartSeconds: coldStartSeconds.wall <= 0.5,
  incremental: incremental.unchangedRerunRatio.cpu <= 0.05 && incremental.oneChangedRerunRatio.cpu <= 0.1
}
const json = JSON.stringify({...results, met}, null, 2) + '\n'
process.stdout.write(json)
if (quick) log('bench: --quick, results not written')
else writeFileSync(join(root, 'bench', 'results.json'), json)
