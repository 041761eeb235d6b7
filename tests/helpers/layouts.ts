import type {DocumentRecord} from '../../src/emit/document.js'

/** How a layout rewrite writes a heading: its number and its case. */
export interface HeadingLayout {
  /** Keep the numbers as they are, drop them, or number every heading (`1.`, `1.1` under a heading with no text of its own). */
  numbers: 'keep' | 'drop' | 'add'
  case: 'keep' | 'upper' | 'lower' | 'sentence'
}

/** A heading in the source: where it is, its number and title as printed, whether it opens a paragraph. */
interface HeadingSpan {
  start: number
  end: number
  number: string | null
  title: string
  runIn: boolean
  /** True when no sentence belongs to the section and the next one has some: it holds subsections. */
  parent: boolean
}

const numberPrefix = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.)[ \t]+/
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Finds each section heading (not the document title) of `record` in `source`. */
function headingSpans(source: string, record: DocumentRecord): HeadingSpan[] {
  const spans: HeadingSpan[] = []
  for (const section of record.document.sections) {
    if (section.level < 2) continue
    let at = section.start.offset
    const prefix = section.number === null ? null : numberPrefix.exec(source.slice(at, at + 20))
    if (section.number !== null && !prefix) throw new Error(`no number at ${section.id}`)
    at += prefix?.[0].length ?? 0
    const title = new RegExp(section.title.split(/\s+/).map(escape).join('\\s+'), 'y')
    title.lastIndex = at
    const match = title.exec(source)
    if (!match) throw new Error(`title of ${section.id} not found at ${at}`)
    const end = at + match[0].length
    const runIn = /^\.[ \t]+\S/.test(source.slice(end, end + 3))
    spans.push({start: section.start.offset, end, number: section.number, title: match[0], runIn, parent: false})
  }
  // A heading with no text of its own followed by one with text heads subsections.
  const sections = record.document.sections.filter((section) => section.level >= 2)
  const empty = sections.map((section) => !record.sentences.some((sentence) => sentence.sectionId === section.id))
  for (const [index, span] of spans.entries()) span.parent = empty[index]! && empty[index + 1] === false
  return spans
}

function recase(title: string, mode: HeadingLayout['case']): string {
  if (mode === 'upper') return title.toUpperCase()
  if (mode === 'lower') return title.toLowerCase()
  if (mode === 'sentence') {
    // Capitalised words go to lower case; acronyms and words with inner capitals (HSCs, iPSCs) stay.
    let first = true
    return title.replace(/[\p{L}][\p{L}\p{N}'’]*/gu, (word) => {
      const out = first ? word : /^\p{Lu}[\p{Ll}'’]*$/u.test(word) ? word.toLowerCase() : word
      first = false
      return out
    })
  }
  return title
}

/**
 * Rewrites the headings of `source` (analysed as `record`) into another layout. A run-in heading that
 * loses its number goes on a line of its own above its text (an unnumbered run-in title cannot be
 * told from a short sentence). Markdown is written the way a Markdown-less export writes it: plain
 * lines, `1. Title` for numbered ones.
 */
export function rewriteHeadings(source: string, record: DocumentRecord, layout: HeadingLayout): string {
  const spans = headingSpans(source, record)
  let top = 0
  let sub = 0
  let out = ''
  let copied = 0
  for (const span of spans) {
    let number = span.number
    if (layout.numbers === 'drop') number = null
    else if (layout.numbers === 'add') {
      if (span.parent || top === 0) {
        top++
        sub = 0
        number = `${top}`
      } else number = `${top}.${++sub}`
    }
    const title = recase(span.title, layout.case)
    const heading = number === null ? title : `${number}${number.includes('.') ? '' : '.'} ${title}`
    out += source.slice(copied, span.start)
    if (span.runIn && number === null) {
      out += `${heading}\n`
      copied = span.end + source.slice(span.end).match(/^\.[ \t]+/)![0].length
    } else {
      out += heading
      copied = span.end
    }
  }
  return out + source.slice(copied)
}

/**
 * Moves every citation group that stands before a sentence-ending period after it: glued
 * (`cells.[12] Next`), and every third one with a space (`cells. [12] Next`).
 */
export function moveCitationsAfterPeriod(text: string): {text: string; moved: number} {
  let moved = 0
  const rewritten = text.replace(/ (\[[^\][]+\])\.(?=\s)/g, (_match, group: string) => `.${moved++ % 3 === 2 ? ' ' : ''}${group}`)
  return {text: rewritten, moved}
}

/** A sentence's text without its numeric citation groups, so `cells [12].` and `cells.[12]` compare equal. */
export function withoutCitations(text: string): string {
  return text.replace(/\s?\[[\d,\s\-–—]+\]/g, '').replace(/\s+/g, ' ').trim()
}

/**
 * What must not change with the layout: section titles (case aside), sentences in their sections,
 * claims; with `ignoreCitations`, sentence and claim texts are compared without their citation groups.
 */
export function layoutInvariants(record: DocumentRecord, ignoreCitations = false) {
  const fold = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase()
  const body = (text: string): string => (ignoreCitations ? withoutCitations(text) : text)
  const sectionTitle = new Map(record.document.sections.map((section) => [section.id, fold(section.title)]))
  const sentenceSection = new Map(record.sentences.map((sentence) => [sentence.id, sentence.sectionId === null ? null : sectionTitle.get(sentence.sectionId)]))
  return {
    sections: record.document.sections.map((section) => fold(section.title)),
    sentences: record.sentences.map((sentence) => [sentenceSection.get(sentence.id), body(sentence.text)]),
    claims: record.claims.map((claim) => ({
      section: sentenceSection.get(claim.sentenceId),
      text: body(claim.text),
      entityTypes: claim.entityTypes,
      citations: claim.citations,
      category: claim.category,
      evidence: claim.evidence,
      hedged: claim.hedged
    }))
  }
}
