import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-ris'

/** Entries read from a bibliography file, and what could not be read. */
export interface LoadedBibliography {
  items: CslItem[]
  problems: Array<{code: string; message: string; line?: number}>
}

/** Input formats by file extension: citation-js input type, and how to prepare the text for it. */
const formats: Array<{extension: string; type: string; prepare: (text: string) => unknown}> = [
  {extension: '.csl.json', type: '@csl/list+object', prepare: (text) => JSON.parse(text)},
  {extension: '.json', type: '@csl/list+object', prepare: (text) => JSON.parse(text)},
  {extension: '.bib', type: '@bibtex/text', prepare: (text) => text},
  {extension: '.ris', type: '@ris/file', prepare: (text) => text}
]

/** Whether a path names a bibliography format citeclaim reads. */
export function isBibliographyPath(path: string): boolean {
  return formats.some((format) => path.toLowerCase().endsWith(format.extension))
}

/**
 * Reads a BibTeX, RIS or CSL-JSON bibliography through citation-js, offline. Never throws: a file
 * that cannot be read gives no items and a problem saying why.
 */
export function loadBibliography(path: string, text: string): LoadedBibliography {
  const format = formats.find((f) => path.toLowerCase().endsWith(f.extension))
  if (!format) return {items: [], problems: [{code: 'bibliography-format', message: `unknown bibliography format: ${path}`}]}
  let data: unknown
  try {
    data = format.prepare(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return {items: [], problems: [{code: 'bibliography-invalid', message: `${path}: ${(error as Error).message}`}]}
  }
  if (format.type === '@csl/list+object' && !Array.isArray(data)) {
    return {items: [], problems: [{code: 'bibliography-invalid', message: `${path}: CSL-JSON must be an array of items`}]}
  }
  try {
    const cite = new Cite(data, {forceType: format.type})
    return {items: cite.data.map((item) => ({...item})), problems: []}
  } catch (error) {
    return {items: [], problems: [{code: 'bibliography-invalid', message: `${path}: ${(error as Error).message.split('\n')[0]}`}]}
  }
}
