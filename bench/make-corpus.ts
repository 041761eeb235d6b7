import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {documentBibliography, toBibtex, toRis} from './make-bibliography.js'

/** A small, fast, seeded PRNG (mulberry32): the same seed always draws the same numbers (the corpora's paragraphs, the SIGKILL test's delays). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const heading = /^\d+(?:\.\d+)*\.\s+\S[^\n]{0,80}$/
const group = /\[([\d\s,\u2013\u2014-]+)\]/g

/** The seed split into its abstract and its body paragraphs (headings left out: new ones are made). */
export function seedParts(seed: string): {abstract: string; paragraphs: string[]} {
  const blocks = seed.split(/\n\s*\n/).map((block) => block.replace(/^\s+|\s+$/g, '')).filter((block) => block !== '')
  const [abstract = '', ...rest] = blocks
  return {abstract, paragraphs: rest.filter((block) => !heading.test(block) && block.length > 200)}
}

/**
 * Renumbers the citations of a text 1..n, keeping their order: numbers are mapped through the sorted
 * set of every number cited (ranges expanded), so a range stays a range of the same length.
 */
export function renumberCitations(text: string): string {
  const mapped = new Map(citedNumbers(text).map((n, index) => [n, index + 1]))
  return text.replace(group, (whole: string, inner: string) => whole.replace(inner, inner.replace(/\d+/g, (n) => String(mapped.get(Number(n)) ?? n))))
}

/** Every number a text cites (ranges expanded), sorted: number k of the renumbered text is the k-th. */
export function citedNumbers(text: string): number[] {
  const cited = new Set<number>()
  for (const match of text.matchAll(group)) {
    for (const part of match[1]!.split(',')) {
      const [from, to] = part.split(/[\u2013\u2014-]/).map((n) => Number.parseInt(n.trim(), 10))
      if (from === undefined || Number.isNaN(from)) continue
      const end = to !== undefined && !Number.isNaN(to) && to >= from && to - from < 1000 ? to : from
      for (let n = from; n <= end; n++) cited.add(n)
    }
  }
  return [...cited].sort((a, b) => a - b)
}

/**
 * A synthetic review of about `bytes` bytes: the seed's abstract, then its paragraphs drawn at random
 * (with replacement) under numbered headings, citations renumbered. Deterministic in `index`.
 */
export function syntheticDocument(parts: {abstract: string; paragraphs: string[]}, bytes: number, index: number): string {
  return renumberCitations(syntheticText(parts, bytes, index))
}

/** The synthetic review before its citations are renumbered: they still carry the seed's numbers. */
function syntheticText(parts: {abstract: string; paragraphs: string[]}, bytes: number, index: number): string {
  const draw = random(index * 7919 + bytes)
  const blocks = [parts.abstract]
  let size = parts.abstract.length
  let section = 0
  let inSection = 5
  while (size < bytes) {
    if (inSection >= 4 + Math.floor(draw() * 3)) {
      section++
      inSection = 0
      blocks.push(`${section}. Section ${section}`)
    }
    const paragraph = parts.paragraphs[Math.floor(draw() * parts.paragraphs.length)]!
    blocks.push(paragraph)
    size += paragraph.length + 2
    inSection++
  }
  return blocks.join('\n\n') + '\n'
}

/** The bibliography formats the bench writes beside documents, by file extension. */
export const bibliographyFormats = {'csl.json': (items: unknown[]) => JSON.stringify(items, null, 1) + '\n', bib: toBibtex, ris: toRis} as const
export type BibliographyFormat = keyof typeof bibliographyFormats

/** What the bench reads: folders of seed-sized documents, and single documents of growing size. */
export interface BenchCorpus {
  root: string
  /** Folders of `n` seed-sized documents, by n. */
  folders: Record<number, string>
  /** Files of one document `k` times the seed, by k. */
  sizes: Record<number, string>
  /** Folders of seed-sized documents each with a bibliography beside it, by format. */
  withBibliography: Record<BibliographyFormat, string>
  /** The same with CSL-JSON, but no two documents cite the same work. */
  unsharedBibliography: string
}

/** How many documents with bibliographies to make: per format, and with works no other document cites. */
export interface BibliographyCounts {
  documents: number
  unshared: number
}

// Bump when the generator changes, so an old corpus on disk is made again.
const generatorVersion = 3

/**
 * Makes (or reuses, when the seed and the generator are unchanged) the synthetic corpora under
 * `root`: for each count a folder of that many seed-sized documents, one document per size factor,
 * and seed-sized documents with bibliographies.
 *
 * A document's bibliography is made like its text: the text recombines the seed's paragraphs, so it
 * cites works of the seed's reference list, and entry k is the work the seed cited under the k-th
 * number the document cites (work n of the seed is `syntheticWork(n)`, the same in every document
 * citing it); up to 5% uncited works follow. In the unshared folder every document's
 * works are its own, as in a corpus of reviews with no reference in common.
 */
export function makeCorpus(seedPath: string, root: string, counts: readonly number[], sizeFactors: readonly number[], bibliographies: BibliographyCounts = {documents: 0, unshared: 0}): BenchCorpus {
  const seed = readFileSync(seedPath, 'utf8')
  const stamp = JSON.stringify({generatorVersion, seed: createHash('sha256').update(seed).digest('hex'), counts, sizeFactors, bibliographies})
  const stampPath = join(root, 'corpus.json')
  const corpus: BenchCorpus = {root, folders: {}, sizes: {}, withBibliography: {'csl.json': join(root, 'bib-csl'), bib: join(root, 'bib-bibtex'), ris: join(root, 'bib-ris')}, unsharedBibliography: join(root, 'bib-unshared')}
  for (const count of counts) corpus.folders[count] = join(root, `docs-${count}`)
  for (const factor of sizeFactors) corpus.sizes[factor] = join(root, 'sizes', `size-${factor}x.txt`)
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return corpus

  rmSync(root, {recursive: true, force: true})
  const parts = seedParts(seed)
  for (const count of counts) {
    mkdirSync(corpus.folders[count]!, {recursive: true})
    const width = String(count - 1).length
    for (let i = 0; i < count; i++) writeFileSync(join(corpus.folders[count]!, `doc-${String(i).padStart(width, '0')}.txt`), syntheticDocument(parts, seed.length, i))
  }
  mkdirSync(join(root, 'sizes'), {recursive: true})
  for (const factor of sizeFactors) writeFileSync(corpus.sizes[factor]!, syntheticDocument(parts, seed.length * factor, 1_000_000 + factor))
  const folders: Array<[string, BibliographyFormat[], number, boolean]> = [
    ...(Object.keys(bibliographyFormats) as BibliographyFormat[]).map((format): [string, BibliographyFormat[], number, boolean] => [corpus.withBibliography[format], [format], bibliographies.documents, false]),
    [corpus.unsharedBibliography, ['csl.json'], bibliographies.unshared, true]
  ]
  for (const [folder, [format], count, unshared] of folders) {
    if (count === 0) continue
    mkdirSync(folder, {recursive: true})
    const width = String(count - 1).length
    for (let i = 0; i < count; i++) {
      const text = syntheticText(parts, seed.length, i)
      const seedNumbers = citedNumbers(text)
      const works = unshared ? seedNumbers.map((_, index) => 10_000_000 + i * 1000 + index) : seedNumbers
      // A review's bibliography is its reference list: the works it cites (about 200–310 here), and now
      // and then a few more that the text does not cite (up to 5%).
      const draw = random(i * 104729 + 7)
      const size = works.length + Math.floor(draw() * 0.05 * works.length)
      const name = join(folder, `doc-${String(i).padStart(width, '0')}`)
      writeFileSync(`${name}.txt`, renumberCitations(text))
      writeFileSync(`${name}.${format!}`, bibliographyFormats[format!](documentBibliography(works, size, i)))
    }
  }
  writeFileSync(stampPath, stamp)
  return corpus
}
