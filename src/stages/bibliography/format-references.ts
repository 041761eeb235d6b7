import {readFileSync} from 'node:fs'
import type {CslItem} from '@citation-js/core'
import {citationJs} from './load-citation-js.js'
import {toOutputCslItem} from './references-csl.js'
import {entriesAreIndependent} from './entry-independence.js'
import {BoundedCache} from './bounded-cache.js'
import {perWork} from './parse-each.js'
import {forgetStoreReads, formattedEntryStoreDir, storedEntries, storeEntries} from './formatted-entry-store.js'

export interface FormatOptions {
  /** A style citation-js has (`vancouver`, `apa`, `harvard1`) or a path to a `.csl` file. */
  style: string
  /** Locale, `en-US` by default. */
  lang?: string
}

export interface FormattedReferences {
  /** Formatted entry text per citation number, without the style's own numbering. */
  entries: Map<number, string>
  /** Set when the style could not be used and Vancouver was used instead. */
  problem?: {code: 'bibliography-style-invalid'; message: string}
}

const registered = new Map<string, string | Error>()

/**
 * The citation-js template name for a style: a bundled one as is, a `.csl` file registered once per
 * process under its path (reading the file is the only I/O; the same path gives the same template).
 */
export function resolveStyle(style: string): string | Error {
  const styles = citationJs().plugins.config.get('@csl').styles as {has(name: string): boolean; add(name: string, xml: string): void}
  if (styles.has(style)) return style
  const known = registered.get(style)
  if (known !== undefined) return known
  let result: string | Error
  try {
    const xml = readFileSync(style, 'utf8')
    if (!/<style[\s>]/.test(xml)) throw new Error('not a CSL style (no <style> element)')
    styles.add(style, xml)
    result = style
  } catch (error) {
    result = new Error(`CSL style "${style}" is neither bundled (vancouver, apa, harvard1) nor a readable .csl file: ${(error as Error).message}`)
  }
  registered.set(style, result)
  return result
}

/**
 * Formatted entries of this thread: per item for styles whose entries are independent, else per
 * whole set. citeproc takes about a millisecond per entry even with a warm engine, so a batch whose
 * documents share references (reviews of one field cite the same works) formats each work once per
 * worker. Keys are the exact inputs (style, locale, the item), so two inputs never share an entry.
 */
const cache = new BoundedCache()
/** Per style and locale (`template\u0000lang`): entry text by item JSON. */
const byItem = new Map<string, BoundedCache>()
const independence = new Map<string, boolean>()
const work = {runs: 0, entries: 0}

/** How much citeproc work this process has done: runs of `makeBibliography` and the entries they formatted. */
export function formattingWork(): {runs: number; entries: number} {
  return {...work}
}

/** Forgets every formatted entry (tests; a long-lived process that changes styles on disk). */
export function clearFormattedEntries(): void {
  cache.clear()
  byItem.clear()
  seededFrom.clear()
  independence.clear()
  forgetStoreReads()
}

/**
 * Formats the entries in one CSL style, offline. An entry already formatted in this process for the
 * same item, style and locale is reused when the style formats each entry on its own (see
 * `entriesAreIndependent`: Vancouver does); the others go to citeproc together, in one run, which
 * gives each the text it gets in the whole set. A style whose entries depend on each other (APA and
 * harvard1 add year suffixes) formats the whole set in one run, reused only for the same whole set.
 * The engine is citation-js's, cached per style and locale. Entries go in as `ref-<n>` in number
 * order; numeric styles' own labels ("1. ") are taken off, since the Markdown prints the document's numbers.
 */
export function formatReferences(references: ReadonlyMap<number, CslItem>, options: FormatOptions): FormattedReferences {
  const entries = new Map<number, string>()
  if (references.size === 0) return {entries}
  let template = resolveStyle(options.style)
  let problem: FormattedReferences['problem']
  if (template instanceof Error) {
    problem = {code: 'bibliography-style-invalid', message: `${template.message}; Vancouver used instead`}
    template = 'vancouver'
  }
  const lang = options.lang ?? 'en-US'
  const numbers = [...references.keys()].sort((a, b) => a - b)
  if (independentEntries(template)) {
    let missing: Array<{n: number; item: CslItem}> = []
    const keys = new Map<number, string>()
    const texts = textsFor(template, lang)
    const formattedNow: Array<[string, string]> = []
    for (const n of numbers) {
      // The item as read, less the fields toOutputCslItem drops: what citeproc is given is a function
      // of it, so equal keys give equal text (equal items written with keys in another order only miss).
      const item = references.get(n)!
      const key = itemKey(item)
      keys.set(n, key)
      const text = texts.get(key)
      if (text === undefined) missing.push({n, item: toOutputCslItem(n, item)})
      else entries.set(n, text)
    }
    if (missing.length > 0) {
      // Other workers may have formatted them since: what they appended to the store is read first.
      for (const [key, text] of storedEntries(template, lang, styleXml(template))) texts.set(key, text)
      missing = missing.filter(({n}) => {
        const text = texts.get(keys.get(n)!)
        if (text !== undefined) entries.set(n, text)
        return text === undefined
      })
    }
    if (missing.length > 0) {
      for (const [n, text] of runCiteproc(missing.map(({item}) => item), template, lang)) {
        entries.set(n, text)
        texts.set(keys.get(n)!, text)
        formattedNow.push([keys.get(n)!, text])
      }
      storeEntries(template, lang, styleXml(template), formattedNow)
    }
    // In number order, as citeproc's run gives them.
    const ordered = new Map(numbers.filter((n) => entries.has(n)).map((n) => [n, entries.get(n)!]))
    return problem ? {entries: ordered, problem} : {entries: ordered}
  }
  const items = numbers.map((n) => toOutputCslItem(n, references.get(n)!))
  const key = `${template}\u0000${lang}\u0000${JSON.stringify(items)}`
  const known = cache.get(key)
  const formatted = known === undefined ? runCiteproc(items, template, lang) : new Map(JSON.parse(known) as Array<[number, string]>)
  if (known === undefined) cache.set(key, JSON.stringify([...formatted]))
  return problem ? {entries: formatted, problem} : {entries: formatted}
}

/** The store folder each style's entries were last seeded from (see `textsFor`). */
const seededFrom = new Map<string, string | undefined>()

/**
 * This thread's formatted entries for a style and locale, by item key: seeded, the first time and
 * whenever the store moves, with the entries earlier runs and other workers kept on disk.
 */
function textsFor(template: string, lang: string): BoundedCache {
  const styleKey = `${template}\u0000${lang}`
  let texts = byItem.get(styleKey)
  if (!texts) byItem.set(styleKey, (texts = new BoundedCache()))
  const dir = formattedEntryStoreDir()
  if (seededFrom.get(styleKey) !== dir || !seededFrom.has(styleKey)) {
    seededFrom.set(styleKey, dir)
    for (const [key, text] of storedEntries(template, lang, styleXml(template))) texts.set(key, text)
  }
  return texts
}

function styleXml(template: string): string {
  return (citationJs().plugins.config.get('@csl').styles as {get(name: string): string}).get(template)
}

/** Format cache keys by the item they were made for (see `sharedItem`: one per work, whatever its id). */
const itemKeys = new WeakMap<CslItem, string>()

/**
 * An item's key among formatted entries: the item as read, less the fields `toOutputCslItem` drops
 * (none of them reaches citeproc); made once per work and thread, since it ignores the id.
 */
function itemKey(item: CslItem): string {
  return perWork(itemKeys, item, (work) => JSON.stringify({...work, id: undefined, 'citation-key': undefined, 'citation-number': undefined}))
}

/** Whether a style's entries can be formatted (and reused) one by one; decided once per style. */
function independentEntries(template: string): boolean {
  let answer = independence.get(template)
  if (answer === undefined) {
    const styles = citationJs().plugins.config.get('@csl').styles as {get(name: string): string}
    answer = entriesAreIndependent(styles.get(template))
    independence.set(template, answer)
  }
  return answer
}

/** One citeproc run over `items` (ids `ref-<n>`): entry text by citation number, labels stripped. */
function runCiteproc(items: CslItem[], template: string, lang: string): Map<number, string> {
  work.runs++
  work.entries += items.length
  const entries = new Map<number, string>()
  const cite = new (citationJs().Cite)(items, {forceType: '@csl/list+object'})
  const rows = cite.format('bibliography', {format: 'text', template, lang, asEntryArray: true}) as unknown as Array<[string, string]>
  for (const [id, text] of rows) {
    const n = Number(/^ref-(\d+)$/.exec(id)?.[1])
    if (Number.isInteger(n)) entries.set(n, text.replace(/^\s*(?:\[\d+\]|\d+\.)\s*/, '').replace(/\s+/g, ' ').trim())
  }
  return entries
}
