import type {CslItem} from '@citation-js/core'
import {identifiers} from './reference-list.js'

/**
 * How the list an entry comes from is laid out: numbered (Vancouver-like, `Smith AB, Lee C. Title.
 * Journal. 2001;5:3-8.`), alphabetical (APA/Harvard-like, `Smith, A. B., & Lee, C. (2001). Title.
 * Journal, 5, 3–8.`), or unknown. Only a tie-break: each entry's own shape decides first.
 */
export type ReferenceLayoutHint = 'numbered' | 'author-year' | 'auto'

export interface ParseReferenceOptions {
  /** The CSL id to give the item (default `entry`). */
  id?: string
  layout?: ReferenceLayoutHint
}

/** A CSL name: a person's family and given name, or an organisation as a literal. */
type CslName = {family: string; given?: string} | {literal: string}

/**
 * Parses one printed reference into a CSL item — authors, title, container, year, volume, issue,
 * pages, DOI, PMID, PMCID, URL — the way GROBID's citation model reads an entry: the layout is
 * recognised from where the year stands (`(2001).` after the authors: APA; `(2001) “Title,”`:
 * Harvard; `. 2001;` after the container: Vancouver), then each part is taken from its place. Fields
 * that cannot be found are left out, never guessed; an entry with no recognisable parts keeps its
 * text as the title. Pure: no I/O, the same text gives the same item.
 */
export function parseReferenceEntry(entry: string, options: ParseReferenceOptions = {}): CslItem {
  // A printed reference is a few hundred characters; an "entry" of megabytes (a list that swallowed
  // the rest of a document) is read only as far as a reference could go, to bound the work.
  const text = entry.length > maxEntryLength ? entry.slice(0, maxEntryLength) : entry
  const found = identifiers(text)
  const pmcid = /\bPMCID:?\s*(PMC\d+)/i.exec(text)?.[1]
  const url = /\bhttps?:\/\/(?!(?:dx\.)?doi\.org\/)[^\s<>"]+/i.exec(text)?.[0]?.replace(/[.,;]+$/, '')
  const body = stripIdentifiers(withoutEmphasis(text).replace(/\s+/g, ' ').trim().replace(/^(?:\[\d{1,4}\]|\d{1,4}[.)])\s+/, ''))
  const parts = yearLastParts(body) ?? authorYearParts(body) ?? numberedParts(body, options.layout ?? 'auto')
  const item: CslItem = {id: options.id ?? 'entry', type: parts.type}
  if (parts.authors.length > 0) item.author = parts.authors
  if (parts.title) item.title = parts.title
  if (parts.container) item['container-title'] = parts.container
  if (parts.publisher) item.publisher = parts.publisher
  if (parts.place) item['publisher-place'] = parts.place
  const year = parts.year ?? (found.year === null ? undefined : String(found.year))
  if (year) item.issued = {'date-parts': [[Number(year)]]}
  if (parts.suffix) item['year-suffix'] = parts.suffix
  if (parts.volume) item.volume = parts.volume
  if (parts.issue) item.issue = parts.issue
  if (parts.page) item.page = normalizePages(parts.page)
  if (found.doi) item.DOI = found.doi
  if (found.pmid) item.PMID = found.pmid
  if (pmcid) item.PMCID = pmcid
  if (url) item.URL = url
  return item
}

/** The longest text read as one reference. */
const maxEntryLength = 2000

interface Parts {
  type: string
  authors: CslName[]
  title?: string
  container?: string
  publisher?: string
  place?: string
  year?: string
  suffix?: string
  volume?: string
  issue?: string
  page?: string
}

/** Identifiers, links and access notes, which the layout rules read around. */
function stripIdentifiers(text: string): string {
  return text
    .replace(/\s*\[(?:cited|accessed)[^\]]*\]/gi, '')
    .replace(/\s*(?:Available (?:at|from)|Retrieved from|Accessed)[: ]\s*\S*(?:\s+\S+)??\s*\.?(?=\s|$)/gi, ' ')
    .replace(/\s*(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)10\.\d{4,9}\/\S+/gi, ' ')
    .replace(/\s*(?:PubMed\s+)?PMID:?\s*\d+\.?/gi, ' ')
    .replace(/\s*(?:PubMed\s+Central\s+)?PMCID:?\s*PMC\d+\.?/gi, ' ')
    .replace(/\s*https?:\/\/\S+/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s;,]+$/, '')
    .trim()
}

const year = String.raw`(1[5-9]\d\d|20\d\d)([a-z])?`
/** `Authors (2006a).` (APA) or `Authors (2006) “Title,”` (Harvard); `n.d.`/`no date` have no year. */
const authorYearHead = new RegExp(String.raw`^(.+?)\s\((?:${year}|n\.\s?d\.|no date)(?:,[^)]*)?\)([.,]?)(?:\s+(.*))?$`, 'u')
/** A quoted title (Harvard): `“Title,”` or `"Title."`. */
const quotedTitle = /^(?:“(.+)”|"(.+?)"),?\s*(.*)$/u
/** Volume, issue and pages at the end of an author-year entry: `Journal, 295(3), pp. 278–293.` */
const serialTail = /^(.*?)(?:,\s*(?:Vol\.\s*)?(\d+[A-Za-z]?)(?:\s?\(([^)]+)\))?)?(?:,\s*(?:pp?\.\s*)?([A-Za-z]?\d+[A-Za-z]?(?:\s?[-–—]\s?[A-Za-z]?\d+[A-Za-z]?)?))?\.?$/u
/** `In Journal (Vol. 16, pp. 176–180)`: APA for a "document" with a container. */
const inContainer = /^In\s+(.+?)\s\((?:Vol\.\s*(\w+))?(?:,?\s*(?:pp?\.\s*)?(\d+(?:[-–]\d+)?))?\)\.?$/u

function authorYearParts(text: string): Parts | undefined {
  const head = authorYearHead.exec(text)
  if (!head) return undefined
  const lead = head[1]!
  const authors = /^[“"]/.test(lead) ? undefined : authorYearNames(lead)
  // No names before the year: an entry without authors, which these styles open with the title.
  const untitled = authors === undefined
  if (untitled && (/\d{4}/.test(lead) || lead.split(/\s+/).length < 2)) return undefined
  const parts: Parts = {type: 'article-journal', authors: authors ?? []}
  if (head[2]) parts.year = head[2]
  if (head[3]) parts.suffix = head[3]
  let rest = (head[5] ?? '').trim()
  const quoted = quotedTitle.exec(rest)
  if (untitled) {
    parts.title = cleanTitle(lead)
  } else if (quoted) {
    parts.title = cleanTitle(quoted[1] ?? quoted[2]!)
    rest = quoted[3]!.trim()
  } else {
    const split = splitTitle(rest)
    parts.title = cleanTitle(split.title)
    rest = split.rest
  }
  if (/\[Internet\]/i.test(text)) parts.type = 'webpage'
  if (rest === '') {
    parts.type = parts.type === 'webpage' ? 'webpage' : 'book'
    return parts
  }
  const within = inContainer.exec(rest)
  if (within) {
    parts.container = within[1]!.trim()
    if (within[2]) parts.volume = within[2]
    if (within[3]) parts.page = within[3]
    return parts
  }
  const tail = serialTail.exec(rest)!
  const container = tail[1]!.replace(/^In\s+/, '').replace(/[.,]$/, '').trim()
  if (container) parts.container = container
  if (tail[2]) parts.volume = tail[2]
  if (tail[3]) parts.issue = tail[3]
  if (tail[4]) parts.page = tail[4]
  return parts
}

/** `Journal 412, 33–40 (2001).`: volume, pages and the year in parentheses closing a Nature-style entry. */
const yearLastTail = new RegExp(String.raw`^(.+?)\s(\d+[A-Za-z]?)(?:\s?\(([^)]+)\))?,\s*([A-Za-z]?\d+[A-Za-z]?(?:\s?[-–—]\s?[A-Za-z]?\d+[A-Za-z]?)?)\s\(${year}\)\.?$`, 'u')
/** The names of a Nature-style entry: `Smith, J. A., Lee, K. & Park, C.` (initials with periods), then `. ` and the title. */
const initialsNames = /^((?:[\p{L}\p{M}'’\- ]+,\s(?:\p{Lu}\.(?:\s?-?\p{Lu}\.)*)(?:,\s|\s&\s|,?\sand\s)?)+)(?:\s*et al\.)?\s+(?=\S)/u

/**
 * Nature-style entries, `Smith, J. & Lee, K. Title. Journal 412, 33–40 (2001).`: names with initials,
 * the title, then the journal with volume and pages, and the year last in parentheses.
 */
function yearLastParts(text: string): Parts | undefined {
  const tail = yearLastTail.exec(text)
  if (!tail) return undefined
  const names = initialsNames.exec(tail[1]!)
  if (!names) return undefined
  const authors = authorYearNames(names[1]!.trim())
  if (!authors || authors.length === 0) return undefined
  const segments = sentences(tail[1]!.slice(names[0].length).trim())
  if (segments.length < 2) return undefined
  // The journal runs up to the volume: "J. Imag. Fish 42" has no period of its own at the end.
  const from = containerStart(segments)
  const parts: Parts = {type: 'article-journal', authors, title: cleanTitle(segments.slice(0, from).join('. ')), container: segments.slice(from).join('. '), volume: tail[2]!, page: tail[4]!, year: tail[5]!}
  if (tail[3]) parts.issue = tail[3]
  if (tail[6]) parts.suffix = tail[6]
  return parts
}

/**
 * The title and what follows it in `Title. Journal, 5, 3–8.`: the title ends at the last sentence
 * end (`.`, `?`, `!` and a space) before the container, since journal abbreviations carry no periods
 * (`Dev Biol`) while a title may ("Cause for concern? The evidence").
 */
function splitTitle(text: string): {title: string; rest: string} {
  const ends = [...text.matchAll(/[.?!](?=\s+\S)/g)].map((match) => match.index)
  for (let i = ends.length - 1; i >= 0; i--) {
    const end = ends[i]!
    const rest = text.slice(end + 1).trim()
    // "In Journal (Vol. 16, …)": the periods of "Vol." and "pp." are not the title's end.
    if (/^\(?(?:Vol|pp?)\./.test(rest) || /\((?:Vol|pp?)\.[^)]*$/.test(text.slice(0, end + 1))) continue
    return {title: text.slice(0, text[end] === '.' ? end : end + 1), rest}
  }
  return {title: text, rest: ''}
}

/** Initials (`B.`, `C. S.`, `J.-P.`) or given names (`Maria`, `Jean-Paul`). */
const givenName = /^(?:\p{Lu}[\p{Ll}\p{M}'’]*\.?(?:[\s-]+|$))+$/u

/**
 * Names as an author-year list writes them: `Family, I.` pairs separated by commas, the last after
 * `&` or `and`, possibly `et al.` or an ellipsis; without a comma, an organisation. Undefined when
 * the text is not a list of names (then the entry is not author-year).
 */
function authorYearNames(text: string): CslName[] | undefined {
  const list = text.replace(/,?\s+et al\.?$/, '').replace(/\s*(?:…|\.\s\.\s\.)\s*/g, ', ').replace(/,?\s+(?:&|and)\s+/g, ', ').trim()
  if (!list.includes(',')) return /\p{L}/u.test(list) && list.split(/\s+/).length <= 12 ? [{literal: list.replace(/\.$/, '')}] : undefined
  const parts = list.split(/\s*,\s*/).filter((part) => part !== '')
  const names: CslName[] = []
  for (let i = 0; i < parts.length; i++) {
    const family = parts[i]!
    const given = parts[i + 1]
    if (!/^[\p{L}\p{M}'’.\- ]+$/u.test(family) || family.split(/\s+/).length > 4) return undefined
    if (given !== undefined && givenName.test(given)) {
      // A full given name's period is the list's ("Lind, Per. (2019)"); an initial's is its own.
      names.push({family, given: given.trim().replace(/(\p{Ll})\.$/u, '$1')})
      i++
    } else names.push({literal: family})
  }
  return names
}

/** An author as a numbered list writes one: `van der Meulen M`, `Feldt-Rasmussen U`, `Lam CS`. */
const vancouverName = /^([\p{L}\p{M}'’\- ]+?)\s(\p{Lu}{1,4}(?:-\p{Lu})?)$/u
/** The year after the container: `. 2006;295:278–93.`, `. 1988. p. 3–18.`, `; 1986.` (publisher). */
const numberedYear = new RegExp(String.raw`([.?!;])\s+${year}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?(?=[;:.\s]|$)(.*)$`, 'u')
/** The year after a journal without a period, before volume and pages: `Lancet 1986;1:307-10`, `Nature 2001, 412:33-40`. */
const bareYear = new RegExp(String.raw`(\s)${year}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?(?=\s*[;,]\s*\d|:\s*\d)(.*)$`, 'u')
/** Words that make the first part of an entry without initials an organisation, not a title. */
const organisation = /\b(?:Cent(?:er|re)|Institute|Organi[sz]ation|Agency|Association|Society|Department|Ministry|Council|Committee|Foundation|University|Office|Board|Commission|Consortium|Bureau|Administration|Federation|Programme|Program)\b/

function numberedParts(text: string, layout: ReferenceLayoutHint): Parts {
  const {authors, rest} = numberedAuthors(text)
  const parts: Parts = {type: 'article-journal', authors}
  const dated = numberedYear.exec(rest) ?? bareYear.exec(rest)
  let before = rest
  if (dated) {
    before = rest.slice(0, dated.index + (dated[1] === ';' || dated[1] === ' ' ? 0 : 1)).trim()
    parts.year = dated[2]!
    if (dated[3]) parts.suffix = dated[3]
    const after = dated[4]!
    // `;295(3):278–93` (Vancouver), `, 412:33–40` (BMC), `, 123, 456–460` (ACS).
    const serial = /^[;,]\s*(\d+[A-Za-z]?)?(?:\s?\(([^)]+)\))?(?:[:,]\s*([A-Za-z]?\d+[A-Za-z]?(?:\s?[-–—]\s?[A-Za-z]?\d+[A-Za-z]?)?))?/.exec(after)
    if (serial) {
      if (serial[1]) parts.volume = serial[1]
      if (serial[2]) parts.issue = serial[2]
      if (serial[3]) parts.page = serial[3]
    }
    const page = /(?:^|\.\s)p{1,2}\.\s*([A-Za-z]?\d+(?:\s?[-–—]\s?[A-Za-z]?\d+)?)/.exec(after)
    if (page && !parts.page) parts.page = page[1]!
  }
  if (/\[Internet\]/i.test(before)) parts.type = 'webpage'
  before = before.replace(/\s*\[Internet\]/gi, '')
  let segments = sentences(before)
  // `Place: Publisher; 2001.`: the year after a semicolon follows a publisher, not a journal.
  if (dated?.[1] === ';' && segments.length > 1) {
    const publisher = segments.pop()!
    const colon = /^([^:]+):\s*(.+)$/.exec(publisher)
    if (colon) {
      parts.place = colon[1]!.trim()
      parts.publisher = colon[2]!.trim()
    } else parts.publisher = publisher
    parts.type = 'book'
  }
  if (authors.length === 0 && segments.length === 2 && !parts.volume && !parts.page && organisation.test(segments[0]!)) {
    parts.authors = [{literal: segments[0]!}]
    segments = segments.slice(1)
  }
  if (segments.length === 0) return parts
  if (segments.length === 1 || parts.type === 'book' || (layout === 'author-year' && !parts.volume && !parts.page)) {
    parts.title = cleanTitle(segments.join('. '))
    if (parts.type !== 'webpage') parts.type = 'book'
    return parts
  }
  const from = containerStart(segments)
  parts.container = from === segments.length - 1 ? segments[from]! : `${segments.slice(from).join('. ')}.`
  parts.title = cleanTitle(segments.slice(0, from).join('. '))
  return parts
}

/** An abbreviated word of a journal title written with periods: `Proc`, `Natl`, `Am`, `J`. */
const abbreviatedWord = /^\p{Lu}[\p{Ll}]{0,5}$/u

/**
 * Where the container starts among the parts between authors and year: the last part, or the run of
 * one-word abbreviations that ends the list when the journal is written with periods (`J. Am. Chem.
 * Soc.`, `Proc. Natl. Acad. Sci.`); at least one part stays the title.
 */
function containerStart(segments: readonly string[]): number {
  let from = segments.length - 1
  while (from > 1 && abbreviatedWord.test(segments[from - 1]!) && abbreviatedWord.test(segments[from]!.split(/\s+/)[0]!)) from--
  return from
}

/** The authors of a numbered entry, up to the first `. ` after a name that ends in initials. */
function numberedAuthors(text: string): {authors: CslName[]; rest: string} {
  for (const match of text.matchAll(/\.(?:\s+|$)/g)) {
    const names = text.slice(0, match.index).split(/\s*,\s*/)
    const etAl = names.at(-1) === 'et al'
    if (etAl) names.pop()
    if (names.length === 0 || !names.every((name) => vancouverName.test(name))) break
    return {
      authors: names.map((name) => {
        const [, family, given] = vancouverName.exec(name)!
        return {family: family!, given: given!}
      }),
      rest: text.slice(match.index + match[0].length).trim()
    }
  }
  return {authors: [], rest: text}
}

/** Sentences of the part between authors and year: split after `.`, `?` or `!` and a space. */
function sentences(text: string): string[] {
  const out: string[] = []
  let start = 0
  for (const match of text.matchAll(/([.?!])\s+(?=\S)/g)) {
    out.push(text.slice(start, match.index + (match[1] === '.' ? 0 : 1)).trim())
    start = match.index + match[0].length
  }
  out.push(text.slice(start).replace(/\.$/, '').trim())
  return out.filter((part) => part !== '')
}

/** The text without Markdown emphasis around words (`*J Imag Fish*`, `**42**`, `_Title_`), as printed. */
function withoutEmphasis(text: string): string {
  return text.replace(/(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])/gu, '$2')
}

function cleanTitle(title: string): string {
  return title.replace(/\s*\[Internet\]/gi, '').replace(/^[“"]|[,.]?[”"]$/g, '').replace(/[.,]$/, '').trim()
}

/**
 * Pages as CSL stores them: a hyphen between first and last, the last written in full (`278–93` →
 * `278-293`), the way `page-range-format="minimal"` styles shortened it.
 */
export function normalizePages(pages: string): string {
  const match = /^([A-Za-z]?)(\d+)\s?[-–—]\s?([A-Za-z]?)(\d+)$/.exec(pages.trim())
  if (!match) return pages.trim()
  const [, prefix, first, lastPrefix, lastWritten] = match
  let last = lastWritten!
  if (last.length < first!.length) {
    const full = first!.slice(0, first!.length - last.length) + last
    if (Number(full) >= Number(first)) last = full
  }
  return `${prefix}${first}-${lastPrefix}${last}`
}
