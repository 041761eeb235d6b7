import type {CslItem} from '@citation-js/core'
import {bibliographyFormatOf, type BibliographyFormatName} from './bibliography-formats.js'
import {citationJs} from './load-citation-js.js'
import {numberEntries, type NumberedEntry, type ReadEntry} from './match-entries.js'
import {parseEach} from './parse-each.js'
import {bibtexEntry, cslJsonEntry, cslJsonTextEntry, risEntry, type EntryText} from './id-free-entry.js'
import {splitCslJson} from './split-csl-json.js'
import {splitBibtex} from './split-bibtex.js'
import {splitRis} from './split-ris.js'
import {VFile} from 'vfile'
import {reportOn, type DiagnosticCode} from '../../diagnostics.js'

/**
 * A problem a reader found, before it becomes a message of the bibliography's file (its severity
 * comes from the code); `line` is 1-based in that file when known.
 */
interface ReadProblem {
  code: DiagnosticCode
  message: string
  line?: number
  /** Where in the bibliography file (line and column 1-based, offset 0-based), when known. */
  start?: {line: number; column: number; offset: number}
}

/** Entries read from a bibliography file, numbered, and what could not be read. */
export interface LoadedBibliography {
  /** The entries that could be read, with their citation numbers, in number order. */
  entries: NumberedEntry[]
  /** How many entries the file holds, counting those that could not be read. */
  size: number
  /**
   * The bibliography as a file of its own (its `path`; the text is not kept): what could not be
   * read is in its `messages`, placed at the entry's line where known.
   */
  file: VFile
}

interface ReadResult {
  entries: ReadEntry[]
  size: number
  problems: ReadProblem[]
}

/** How to read a file of each format (named by its extensions in `bibliographyFormats`) entry by entry. */
const readers: Record<BibliographyFormatName, (path: string, text: string) => ReadResult> = {'csl-json': readCslJson, bibtex: readBibtex, ris: readRis}

function formatOf(path: string): {read: (path: string, text: string) => ReadResult} | undefined {
  const name = bibliographyFormatOf(path)
  return name === undefined ? undefined : {read: readers[name]}
}

/** Whether a path names a bibliography format citeclaim reads. */
export function isBibliographyPath(path: string): boolean {
  return bibliographyFormatOf(path) !== undefined
}

/**
 * Reads a BibTeX, RIS or CSL-JSON bibliography through citation-js, offline, and numbers its
 * entries. Never throws: an entry that cannot be read is reported (file, entry, line) and skipped,
 * keeping its place, so the entries after it keep their numbers.
 */
export function loadBibliography(path: string, text: string): LoadedBibliography {
  const file = new VFile({path})
  const format = formatOf(path)
  if (!format) {
    reportOn(file, 'bibliography-format', `${path}: unknown bibliography format (expected .bib, .ris or .csl.json)`)
    return {entries: [], size: 0, file}
  }
  const clean = text.replace(/^\uFEFF/, '')
  const read = format.read(path, clean)
  const numbered = numberEntries(read.entries)
  for (const problem of read.problems) {
    const start = problem.start ?? (problem.line === undefined ? undefined : {line: problem.line, column: 1, offset: offsetOfLine(clean, problem.line)})
    reportOn(file, problem.code, problem.message, start)
  }
  for (const problem of numbered.problems) reportOn(file, problem.code, `${path}: ${problem.message}`)
  if (read.size === 0 && file.messages.length === 0) reportOn(file, 'bibliography-empty', `${path}: no entries found`)
  return {entries: numbered.entries, size: read.size, file}
}

/** Parses text of one citation-js input type; items come back without citation-js internals. */
function parse(data: unknown, type: string): CslItem[] {
  return new (citationJs().Cite)(data, {forceType: type}).data.map(cleanItem)
}

/** Drops citation-js bookkeeping (`_graph`, which holds the whole input again) from an item. */
function cleanItem(item: CslItem): CslItem {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(item)) if (!key.startsWith('_')) out[key] = value
  return out as CslItem
}

/** Gives an entry without an id (or with citation-js's random `temp_id_…`) a stable one. */
function entryOf(item: CslItem, position: number, label: string): ReadEntry {
  const id = item.id === undefined || item.id === null ? '' : String(item.id)
  if (id === '' || id.startsWith('temp_id_')) return {item: {...item, id: `entry-${position}`}, position, generatedId: true, label}
  return {item, position, label}
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.trim()
}

/**
 * CSL-JSON: an array of objects (what reference managers export) is read object by object from the
 * file's own text (`readCslJsonObjects`); anything else, or an object that does not parse, is read
 * whole (`readCslJsonWhole`), which reports what is wrong. Both give the same entries.
 */
function readCslJson(path: string, text: string): ReadResult {
  return readCslJsonObjects(text) ?? readCslJsonWhole(path, text)
}

/** How a CSL-JSON item is named in diagnostics. */
function cslJsonLabel(value: unknown, position: number): string {
  const id = (value as {id?: unknown}).id
  return id === undefined ? `item ${position}` : `item ${position} ("${String(id)}")`
}

/**
 * The parser of one CSL-JSON entry text (an object's JSON), read as `JSON.stringify` writes it: an
 * object's text cut from the file may hold what JSON cannot write back (`1e400` is Infinity, which
 * prints as null; `-0` prints as 0), and the item must be the one a whole-file read gives, which
 * parses each item's `JSON.stringify`. Once per work: a work read before is not parsed again.
 */
function parseCslJsonText(json: string): CslItem[] {
  return parse([JSON.parse(JSON.stringify(JSON.parse(json)))], '@csl/list+object')
}

/**
 * Reads an array of objects without parsing the file whole: each entry's text is its object as the
 * file writes it (`splitCslJson`), with a plain id cut out of its id-free text (`cslJsonTextEntry`),
 * so an entry parsed before, here or beside another document, costs a slice and a look-up. Undefined
 * when the file is not such an array or an object does not parse.
 */
function readCslJsonObjects(text: string): ReadResult | undefined {
  const objects = splitCslJson(text)
  if (!objects) return undefined
  const texts: EntryText[] = []
  const labels: string[] = []
  for (const [index, object] of objects.entries()) {
    const entry = cslJsonTextEntry(object)
    if (entry) {
      texts.push(entry)
      labels.push(cslJsonLabel({id: entry.idFree!.id}, index + 1))
      continue
    }
    // No plain id to cut out: the object is parsed, as the whole read would.
    let value: unknown
    try {
      value = JSON.parse(object.text)
    } catch {
      return undefined
    }
    texts.push(cslJsonEntry(value as object))
    labels.push(cslJsonLabel(value, index + 1))
  }
  const items = parseEach(texts, '@csl/list+object', parseCslJsonText)
  if (!items) return undefined
  return {entries: items.map((item, index) => entryOf(item, index + 1, labels[index]!)), size: objects.length, problems: []}
}

function readCslJsonWhole(path: string, text: string): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const at = /position (\d+)/.exec(firstLine(error))
    const line = at ? lineAt(text, Number(at[1])) : undefined
    return {entries: [], size: 0, problems: [{code: 'bibliography-invalid', message: `${path}: not valid JSON${line ? ` at line ${line}` : ''} (${firstLine(error)}); no entries read`, ...(line ? {line} : {})}]}
  }
  const list = Array.isArray(data) ? data : data !== null && typeof data === 'object' ? [data] : undefined
  if (!list) return {entries: [], size: 0, problems: [{code: 'bibliography-invalid', message: `${path}: CSL-JSON must be an array of items`}]}
  const entries: ReadEntry[] = []
  const problems: ReadProblem[] = []
  const good = list
    .map((value, index) => ({value, position: index + 1}))
    .filter(({value, position}) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return true
      problems.push({code: 'bibliography-entry-invalid', message: `${path}: item ${position} is not a CSL object: skipped`})
      return false
    })
  const whole =
    parseEach(good.map(({value}) => cslJsonEntry(value as object)), '@csl/list+object', parseCslJsonText) ??
    tryParse(good.map(({value}) => value), '@csl/list+object')
  if (whole && whole.length === good.length) {
    good.forEach(({value, position}, index) => entries.push(entryOf(whole[index]!, position, cslJsonLabel(value, position))))
  } else {
    for (const {value, position} of good) {
      const one = tryParse([value], '@csl/list+object')
      if (one?.length === 1) entries.push(entryOf(one[0]!, position, cslJsonLabel(value, position)))
      else problems.push({code: 'bibliography-entry-invalid', message: `${path}: ${cslJsonLabel(value, position)} could not be read: skipped`})
    }
  }
  return {entries, size: list.length, problems}
}

function readBibtex(path: string, text: string): ReadResult {
  const chunks = splitBibtex(text)
  const macros = chunks.filter((chunk) => chunk.type === 'string').map((chunk) => chunk.text).join('\n')
  const macroLines = macros === '' ? 0 : macros.split('\n').length
  const items = chunks.filter((chunk) => chunk.type !== 'string' && chunk.type !== 'comment' && chunk.type !== 'preamble')
  const entries: ReadEntry[] = []
  const problems: ReadProblem[] = []
  const label = (chunk: (typeof items)[number]): string => `entry ${chunk.key ? `"${chunk.key}"` : `@${chunk.type} without a key`} at line ${chunk.line}`
  if (items.length === 0 && text.trim() !== '') {
    problems.push({code: 'bibliography-invalid', message: `${path}: no BibTeX entries found (an entry starts with @type{key, on its own line)`})
  }
  for (const chunk of chunks) {
    if (!chunk.stray) continue
    const {stray} = chunk
    const shown = stray.text.length > 40 ? stray.text.slice(0, 40) + '…' : stray.text
    problems.push({
      code: 'bibliography-garbage',
      message: `${path}: text after the ${chunk.key ? `entry "${chunk.key}"` : `@${chunk.type}`} at line ${chunk.line} is not BibTeX and was ignored: ${JSON.stringify(shown)}`,
      line: stray.line,
      start: {line: stray.line, column: stray.column, offset: stray.offset}
    })
  }
  // Entries stand alone unless macros or crossref join them: then the file is parsed as a whole.
  const standalone = macros === '' && !/\bcrossref\s*=/i.test(text)
  const whole = (standalone ? parseEach(items.map((chunk) => bibtexEntry(chunk.text)), '@bibtex/text', (entry) => parse(entry, '@bibtex/text')) : undefined) ?? tryParse(text, '@bibtex/text')
  if (whole && whole.length === items.length) {
    items.forEach((chunk, index) => entries.push(entryOf(whole[index]!, index + 1, label(chunk))))
    return {entries, size: items.length, problems}
  }
  for (const [index, chunk] of items.entries()) {
    try {
      const parsed = parse(macros === '' ? chunk.text : `${macros}\n${chunk.text}`, '@bibtex/text')
      if (parsed.length !== 1) throw new Error(parsed.length === 0 ? 'no entry found' : 'more than one entry found')
      entries.push(entryOf(parsed[0]!, index + 1, label(chunk)))
    } catch (error) {
      const message = firstLine(error)
      const at = /at line (\d+) col (\d+)/.exec(message)
      // Where the parser stopped, unless it ran into the end of the entry: then the entry itself.
      const line = at && !/got EOF/.test(message) ? chunk.line + Math.max(0, Number(at[1]) - 1 - macroLines) : chunk.line
      problems.push({
        code: 'bibliography-entry-invalid',
        message: `${path}: ${label(chunk)} could not be read (${message.replace(/\s*at line \d+ col \d+:?$/, '')}): skipped`,
        line
      })
    }
  }
  return {entries, size: items.length, problems}
}

function readRis(path: string, text: string): ReadResult {
  const records = splitRis(text)
  const entries: ReadEntry[] = []
  const problems: ReadProblem[] = []
  const label = (record: (typeof records)[number]): string =>
    `record ${record.id ? `"${record.id}"` : record.title ? `"${record.title.slice(0, 60)}"` : ''} at line ${record.line}`.replace('  ', ' ')
  const anyId = records.some((record) => record.id !== null)
  const readable: Array<{record: (typeof records)[number]; position: number; text: string}> = []
  for (const [index, record] of records.entries()) {
    if (record.type === null) {
      problems.push({code: 'bibliography-entry-invalid', message: `${path}: ${label(record)} has no TY line: skipped`, line: record.line})
      continue
    }
    if (record.unterminated) {
      problems.push({code: 'bibliography-entry-unterminated', message: `${path}: ${label(record)} has no ER line before the next record or the end of the file`, line: record.line})
    }
    if (record.id === null && anyId) {
      problems.push({code: 'bibliography-entry-no-id', message: `${path}: ${label(record)} has no ID line: numbered by its position (${index + 1})`, line: record.line})
    }
    readable.push({record, position: index + 1, text: record.unterminated ? `${record.text.trimEnd()}\nER  - \n` : record.text})
  }
  // `trimEnd` takes off what `\s*$` matches (white space and line ends), without trying the expression at every position.
  const texts = readable.map((r) => r.text.trimEnd() + '\n')
  const whole = readable.length > 0 ? (parseEach(texts.map(risEntry), '@ris/file', (record) => parse(record, '@ris/file')) ?? tryParse(texts.join(''), '@ris/file')) : []
  if (whole && whole.length === readable.length) {
    readable.forEach(({record, position}, index) => entries.push(entryOf(whole[index]!, position, label(record))))
  } else {
    for (const {record, position, text: recordText} of readable) {
      try {
        const parsed = parse(recordText, '@ris/file')
        if (parsed.length !== 1) throw new Error('no entry found')
        entries.push(entryOf(parsed[0]!, position, label(record)))
      } catch (error) {
        problems.push({code: 'bibliography-entry-invalid', message: `${path}: ${label(record)} could not be read (${firstLine(error)}): skipped`, line: record.line})
      }
    }
  }
  if (records.length === 0 && text.trim() !== '') {
    problems.push({code: 'bibliography-invalid', message: `${path}: no RIS records found (a record starts with a "TY  - " line)`})
  }
  return {entries, size: records.length, problems}
}

function tryParse(data: unknown, type: string): CslItem[] | undefined {
  try {
    return parse(data, type)
  } catch {
    return undefined
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let index = 0; index < Math.min(offset, text.length); index++) if (text.charCodeAt(index) === 10) line++
  return line
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return offset
}
