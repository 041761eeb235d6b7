/**
 * What the HTML emitter adds to a document's analysis, measured in one run: the whole analysis
 * (`analyseDocument`, which writes `<id>.html` among its files) and the HTML emitter alone on the same
 * documents' trees and records, interleaved so that both see the same load. `share` is the emitter's
 * time over the rest of the analysis (the issue's target: ≤ 0.15). Run alone:
 * `npx tsx bench/html-share.ts` (after `npm run build`).
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../src/config/types.js'
import {median, round, timeMs} from './stats.js'

type PipelineModule = typeof import('../src/pipeline.js')
type HtmlModule = typeof import('../src/emit/html/document-page.js')

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = (path: string): string => pathToFileURL(join(root, 'dist', path)).href

export interface HtmlShare {
  documents: number
  /** Median ms per document of the whole analysis, HTML included. */
  analysisMsPerDoc: number
  /** Median ms per document of the HTML emitter alone. */
  htmlMsPerDoc: number
  /** htmlMsPerDoc / (analysisMsPerDoc − htmlMsPerDoc). */
  share: number
}

/** Measures the HTML emitter's share on `paths` (PDF-extracted `.txt` documents), `reps` interleaved passes. */
export async function measureHtmlShare(paths: readonly string[], given: ResolvedConfig, reps: number): Promise<HtmlShare> {
  // The analysis measured is one that writes the evidence map, whatever the config's outputs.
  const config: ResolvedConfig = given.outputs.includes('html') ? given : {...given, outputs: [...given.outputs, 'html']}
  const {analyseDocument, createProcessor, preparePipeline} = (await import(dist('pipeline.js'))) as PipelineModule
  await preparePipeline(['text'], config.outputs)
  const {documentHtml} = (await import(dist('emit/html/document-page.js'))) as HtmlModule
  const processor = createProcessor(config, 'text')
  const documents = paths.map((path) => {
    const bytes = readFileSync(path)
    const output = analyseDocument({id: 'bench', source: path, bytes}, config)
    const record = output.record!
    const file = new VFile({path, value: bytes.toString('utf8')})
    file.data.id = 'bench'
    file.data.source = path
    file.data.sha256 = record.document.sha256
    const tree = processor.runSync(processor.parse(file), file)
    return {path, bytes, tree, record}
  })
  const analysisPass = (): number => timeMs(() => documents.forEach((doc) => analyseDocument({id: 'bench', source: doc.path, bytes: doc.bytes}, config))) / documents.length
  const htmlPass = (): number => timeMs(() => documents.forEach((doc) => documentHtml(doc.tree, doc.record))) / documents.length
  for (let i = 0; i < 2; i++) {
    analysisPass()
    htmlPass()
  }
  const analysis: number[] = []
  const html: number[] = []
  for (let i = 0; i < reps; i++) {
    analysis.push(analysisPass())
    html.push(htmlPass())
  }
  const analysisMs = median(analysis)
  const htmlMs = median(html)
  return {documents: documents.length, analysisMsPerDoc: round(analysisMs), htmlMsPerDoc: round(htmlMs), share: round(htmlMs / (analysisMs - htmlMs))}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {loadConfig} = (await import(dist('config/load-config.js'))) as typeof import('../src/config/load-config.js')
  const {config} = await loadConfig(undefined, root)
  const folder = process.argv[2] ?? join(root, 'input')
  const paths = readdirSync(folder).filter((name) => name.endsWith('.txt')).slice(0, 20).map((name) => join(folder, name))
  process.stdout.write(JSON.stringify(await measureHtmlShare(paths, config, Number(process.env['BENCH_REPS'] ?? 15)), null, 2) + '\n')
}
