import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

/**
 * Issue 11: the import graph is layers with arrows only downward. From the bottom:
 *
 * 0. shared: `config/` (defineConfig, defaults, validation) and `presets/` (config data), plus the
 *    leaf helpers `push-all.ts`, `tree-walk.ts`, `replace-file.ts` (atomic replacement of a file) and
 *    `diagnostics.ts` (every diagnostic code). They know nothing of documents.
 * 1. stages: `stages/<stage>/` (parse, citations, bibliography, sentences, entities, claims: each
 *    plugin with its pure helpers) and `types.ts`, the node types the stages put in the tree.
 * 2. emit: the output records and formats, and the emitter registry, over the annotated tree.
 * 3. pipeline: `pipeline.ts`, one document from bytes to files: decode → processor → emitters. It
 *    sits above emit because it runs the emitters the config names.
 * 4. batch: discovery, workers, cache, atomic writes, corpus files: schedules documents through the
 *    pipeline and writes their files.
 * 5. cli: arguments, reporting, exit codes.
 * 6. api: `index.ts`, the public surface, re-exports from every layer.
 *
 * A module may import its own layer or a lower one, never a higher one; type-only imports count.
 * Inside the stages layer, a stage imports only from the stages before it (see `stageOrder`).
 */
const layers: Array<[name: string, test: (path: string) => boolean]> = [
  ['shared', (path) => path.startsWith('config/') || path.startsWith('presets/') || path === 'push-all.ts' || path === 'tree-walk.ts' || path === 'replace-file.ts' || path === 'diagnostics.ts'],
  ['stages', (path) => path.startsWith('stages/') || path === 'types.ts'],
  ['emit', (path) => path.startsWith('emit/')],
  ['pipeline', (path) => path === 'pipeline.ts' || path.startsWith('pipeline/')],
  ['batch', (path) => path.startsWith('batch/')],
  ['cli', (path) => path === 'cli.ts' || path.startsWith('cli/')],
  ['api', (path) => path === 'index.ts']
]

const src = fileURLToPath(new URL('../../src/', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Relative module specifiers of a source text: static imports and re-exports (type-only too) and dynamic imports. */
export function relativeImports(text: string): string[] {
  const specifiers: string[] = []
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    specifiers.push((match[1] ?? match[2] ?? match[3])!)
  }
  return specifiers
}

function layerOf(path: string): number {
  return layers.findIndex(([, test]) => test(path))
}

/** Every import that points to a higher layer, as `from (layer) → to (layer)`. */
function upwardImports(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = []
  for (const [path, text] of files) {
    for (const specifier of relativeImports(text)) {
      const target = relative(src, resolve(src, dirname(path), specifier)).split('\\').join('/').replace(/\.js$/, '.ts')
      if (layerOf(target) > layerOf(path)) problems.push(`${path} (${layers[layerOf(path)]![0]}) → ${target} (${layers[layerOf(target)]?.[0] ?? 'none'})`)
    }
  }
  return problems
}

const files = new Map(sourceFiles(src).map((path) => [relative(src, path).split('\\').join('/'), readFileSync(path, 'utf8')]))

/**
 * Inside the stages layer the folders follow the stage order: a stage may use the helpers of the
 * stages before it, not of those after it. One exception: the parsers (PDF text, and Markdown's
 * reference-list plugin) take the document's own reference list (numbered, or alphabetical in
 * author–year style) out of the body, and the lists' rules live with the rest of the bibliography.
 */
const stageOrder = ['parse', 'citations', 'bibliography', 'sentences', 'entities', 'claims']
const stageExceptions = new Set(['stages/parse/pdf-text.ts → stages/bibliography/reference-list.ts', 'stages/parse/pdf-text.ts → stages/bibliography/alphabetical-reference-list.ts', 'stages/parse/remark-markdown-reference-list.ts → stages/bibliography/reference-list.ts'])

/** Every import of a stage folder's module from a later stage's folder, as `from → to`. */
function backwardStageImports(files: ReadonlyMap<string, string>): string[] {
  const stage = (path: string): number => stageOrder.indexOf(/^stages\/([^/]+)\//.exec(path)?.[1] ?? '')
  const problems: string[] = []
  for (const [path, text] of files) {
    for (const specifier of relativeImports(text)) {
      const target = relative(src, resolve(src, dirname(path), specifier)).split('\\').join('/').replace(/\.js$/, '.ts')
      const edge = `${path} → ${target}`
      if (stage(path) !== -1 && stage(target) > stage(path) && !stageExceptions.has(edge)) problems.push(edge)
    }
  }
  return problems
}

describe('import layering', () => {
  it('reads every kind of import statement', () => {
    const text = [
      "import {a} from './a.js'",
      "import type {B} from '../b.js'",
      'import {\n  c,\n  d\n} from "./c.js"',
      "export {e} from './e.js'",
      "export type {F} from './f.js'",
      "import './side-effect.js'",
      "const g = await import('./g.js')",
      "import {h} from 'unified'"
    ].join('\n')
    expect(relativeImports(text)).toEqual(['./a.js', '../b.js', './c.js', './e.js', './f.js', './side-effect.js', './g.js'])
  })

  it('puts every module of src/ in a layer', () => {
    // The checks below pass on an empty map: the walk over src/ must have found its modules.
    expect(files.has('pipeline.ts') && files.has('presets/stem-cells.ts') && files.has('stages/claims/claim-rules.ts')).toBe(true)
    expect([...files.keys()].filter((path) => !path.endsWith('.d.ts') && layerOf(path) === -1)).toEqual([])
  })

  it('finds an upward import when there is one', () => {
    expect(upwardImports(new Map([['stages/citations/x.ts', "import type {Emitter} from '../../emit/emitters.js'"]]))).toEqual(['stages/citations/x.ts (stages) → emit/emitters.ts (emit)'])
  })

  it('has no module importing a higher layer', () => {
    expect(upwardImports(files)).toEqual([])
  })

  it('has every stage folder in the stage order, and no stage using a later stage\'s helpers', () => {
    const folders = readdirSync(join(src, 'stages'), {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    expect(folders.sort()).toEqual([...stageOrder].sort())
    expect(backwardStageImports(new Map([['stages/entities/x.ts', "import {CueIndex} from '../claims/cue-index.js'"]]))).toEqual(['stages/entities/x.ts → stages/claims/cue-index.ts'])
    expect(backwardStageImports(files)).toEqual([])
  })
})
