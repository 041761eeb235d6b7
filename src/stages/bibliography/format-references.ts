import {readFileSync} from 'node:fs'
import type {CslItem} from '@citation-js/core'
import {citationJs} from './load-citation-js.js'
import {toOutputCslItem} from './references-csl.js'

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
 * Formats the entries in one CSL style, offline, in one citeproc run (the engine is cached per style
 * and locale, so a batch pays for it once). Entries go in as `ref-<n>` in number order; numeric
 * styles' own labels ("1. ") are taken off, since the Markdown prints the document's numbers.
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
  const numbers = [...references.keys()].sort((a, b) => a - b)
  const cite = new (citationJs().Cite)(numbers.map((n) => toOutputCslItem(n, references.get(n)!)), {forceType: '@csl/list+object'})
  const rows = cite.format('bibliography', {format: 'text', template, lang: options.lang ?? 'en-US', asEntryArray: true}) as unknown as Array<[string, string]>
  for (const [id, text] of rows) {
    const n = Number(/^ref-(\d+)$/.exec(id)?.[1])
    if (Number.isInteger(n)) entries.set(n, text.replace(/^\s*(?:\[\d+\]|\d+\.)\s*/, '').replace(/\s+/g, ' ').trim())
  }
  return problem ? {entries, problem} : {entries}
}
