import {mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {runBatch, type RunOptions, type RunResult} from '../../src/batch/run-batch.js'
import {readSeed, shippedConfig} from '../helpers/analyse.js'

/** Small texts with citations, cell types and a claim or two: quick to analyse. */
export const tinyTexts: Record<string, string> = {
  'tiny-msc.txt': 'Mesenchymal stem cells (MSCs) improved liver function in cirrhotic rats [1]. MSC infusion was safe in patients [2, 3].\n',
  'tiny-hsc.txt': 'Hematopoietic stem cells may contribute to liver regeneration [4-6]. CD34+ cells improved serum albumin [7].\n',
  'tiny-esc.txt': 'Embryonic stem cells can differentiate into hepatocyte-like cells [8]. Teratoma formation remains a risk [9].\n'
}

/** A bibliography for `tiny-msc.txt`, paired by name. */
export const tinyBibliography = JSON.stringify([
  {id: 'ref1', type: 'article-journal', title: 'MSCs in cirrhotic rats', author: [{family: 'Kim', given: 'A'}], issued: {'date-parts': [[2010]]}},
  {id: 'ref2', type: 'article-journal', title: 'MSC infusion in patients', author: [{family: 'Lee', given: 'B'}], issued: {'date-parts': [[2012]]}}
])

/** A temp project: `input/` with copies of the seed and the tiny texts, and where outputs go. */
export interface Project {
  root: string
  input: string
  out: string
}

/** Makes a project with `seeds` copies of the seed review (under different names) and the tiny texts. */
export function makeProject(seeds = 2): Project {
  const root = mkdtempSync(join(tmpdir(), 'citeclaim-batch-'))
  const input = join(root, 'input')
  const seed = readSeed()
  for (let i = 0; i < seeds; i++) writeFile(join(input, `seed-${i + 1}.txt`), seed)
  for (const [name, text] of Object.entries(tinyTexts)) writeFile(join(input, name), text)
  writeFile(join(input, 'tiny-msc.csl.json'), tinyBibliography)
  return {root, input, out: join(root, 'output')}
}

/** Writes a file, making its folder. */
export function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(path, content)
}

/** Runs the batch over a project with the shipped config; extra options override. */
export function run(project: Project, options: Partial<RunOptions> = {}): Promise<RunResult> {
  return runBatch({paths: ['input'], config: shippedConfig, out: project.out, cwd: project.root, concurrency: 1, ...options})
}

/** Every file under a folder (relative path → bytes as text), hidden cache files included unless told. */
export function snapshot(dir: string, options: {cache?: boolean} = {}): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) {
        if (entry.name === '.citeclaim-cache' && options.cache === false) continue
        walk(path)
      } else files.set(relative(dir, path), readFileSync(path, 'latin1'))
    }
  }
  walk(dir)
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** mtime and inode of every file under a folder: what a rewrite would change. */
export function fileStamps(dir: string): Map<string, string> {
  const stamps = new Map<string, string>()
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        const info = statSync(path, {bigint: true})
        stamps.set(relative(dir, path), `${info.ino}:${info.mtimeNs}`)
      }
    }
  }
  walk(dir)
  return stamps
}
