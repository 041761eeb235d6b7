/**
 * Author–year callouts as written, parsed without any bibliography: the parenthetical form
 * `(Smith et al., 2020; see also Lee and Park 2018a, b)` and the narrative one `Smith et al. (2020)`.
 * Whether a callout cites anything is the resolver's question (author-year-resolve.ts); these
 * functions only say what it names. All of them run on bounded strings, so they stay linear.
 */
import {nameParticles, particleAlternation} from './name-key.js'

/** One cited work as the callout names it. */
export interface AuthorYearCite {
  /** Family names as written, first author first (`['Smith', 'Jones']`); a collaboration's whole name. */
  names: string[]
  /** True for `et al.` (or `and colleagues`): more authors than named. */
  etAl: boolean
  /** The year as printed (`2020`), or `n.d.` (also for `no date`) / `in press`. */
  year: string
  /** The disambiguating letter (`a` of `2018a`), or `''`. */
  suffix: string
}

/** Longest text between parentheses read as an author–year callout. */
export const maxCalloutLength = 600
/** Most works one callout cites (a bound on the work a hostile parenthesis can cause). */
const maxCites = 60

const year = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\p{L}\p{N}])|n\.\s?d\.|no date|in press|forthcoming`
/** The year list closing a cite: `2003, 2005`, `2018a, b`, `2018a, 2018b`, `2018a,b`. */
const yearsAtEnd = new RegExp(String.raw`(?:^|[\s,])((?:${year})(?:\s*,\s*(?:${year}|[a-z](?![\p{L}\p{N}])))*)$`, 'u')
/** A pinpoint after the years: `, p. 4`, `, pp. 4–5`, `: 45`, `, Fig. 2`, `, Table 1`, `, chap. 3`. */
const locatorAtEnd = /(?:,\s*(?:pp?|pages?|figs?|figures?|tables?|tab|chaps?|ch|chapters?|sec|sections?|para|paras|vol|suppl|eqs?|notes?|n)\.?\s*[\p{L}\p{N}]{1,8}(?:\s*[-\u2013\u2014]\s*[\p{L}\p{N}]{1,8})?|:\s*\d{1,5}(?:\s*[-\u2013]\s*\d{1,5})?)$/iu
/** A note after the years: `(see Smith 2020 for a review)`, `(Lee 2018 and references therein)`. */
const trailingNote = /,?\s+(?:for\s+(?:a\s+|an\s+)?(?:review|reviews|details|discussion|overview)|and\s+references\s+therein)$/u
/** `et al.` closing the names, or `and colleagues` in narrative prose. */
const etAlAtEnd = /(?:,?\s+et\.?\s+al\.?|\s+and\s+(?:colleagues|co-?workers))$/u
/** Between two authors: `, `, ` and `, ` & `, `, and `. */
const nameSeparator = /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/u
/** A capitalised word of a name: `Smith`, `McDonald`, `O'Brien`, `Lezoualc’h`, `Al-Rashid`, `WHO`. */
const capitalWord = /^\p{Lu}[\p{L}'’\-]*$/u
/** Initials before a family name: `J. `, `J.-P. `, `J. A. `. */
const leadingInitials = /^(?:\p{Lu}\.(?:\s?-\s?\p{Lu}\.)?\s?){1,3}\s*(?=\p{L})/u
/** Small words inside a collaboration's name (`National Center for Biotechnology Information`). */
const nameConnectors = new Set(['for', 'of', 'the', 'on', 'in', 'and'])
/**
 * Capitalised words that open a parenthesis with a year without being a name: months, seasons,
 * figure and table labels, time words (`(January 2020)`, `(Figure 2, 2020)`, `(Phase 2019)`).
 */
const notNames = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'figure', 'figures', 'fig', 'figs', 'table', 'tables', 'supplementary', 'appendix', 'section', 'chapter', 'eq', 'equation',
  'the', 'this', 'these', 'that', 'in', 'on', 'at', 'from', 'since', 'until', 'before', 'after', 'during', 'by', 'for', 'and', 'or',
  'year', 'years', 'day', 'days', 'week', 'weeks', 'phase', 'version', 'total', 'mean', 'median', 'study', 'trial', 'cohort',
  'however', 'also', 'see', 'both', 'all', 'we', 'our', 'it', 'as', 'is', 'are', 'was', 'were', 'no', 'not', 'vs', 'ad', 'bc', 'ce'
])
/** Most words in one author's name (a collaboration's name included). */
const maxNameWords = 8
/** Most lower-case words read as a lead-in before the names (`see also`, `for a review see`). */
const maxLeadWords = 4

/**
 * The works a parenthesis cites, when everything in it is author–year cites separated by `;`, each
 * perhaps led by a few lower-case words (`e.g.`, `see also`) and followed by a pinpoint (`, p. 4`);
 * otherwise undefined (`(n = 12, 2019 cohort)`, `(Figure 2, 2020 data)`, `(WHO 2019 guidelines)`).
 */
export function parseParentheticalCallout(body: string): AuthorYearCite[] | undefined {
  if (body.length > maxCalloutLength) return undefined
  const cites: AuthorYearCite[] = []
  const items = body.split(';')
  if (items.length > maxCites) return undefined
  for (const item of items) {
    const parsed = parseCiteItem(item)
    if (!parsed) return undefined
    cites.push(...parsed)
  }
  return cites.length > 0 && cites.length <= maxCites ? cites : undefined
}

/** The years (and letters) a narrative callout's parenthesis holds: `2020`, `2018a, 2018b`, `2020, p. 4`. */
export function parseNarrativeYears(body: string): Array<{year: string; suffix: string}> | undefined {
  if (body.length > 120) return undefined
  const text = body.trim().replace(locatorAtEnd, '').replace(/\s*;\s*/g, ', ')
  const match = yearsAtEnd.exec(text)
  if (!match || match.index !== 0 || text.slice(0, match.index + match[0].length - match[1]!.length).trim() !== '') return undefined
  return splitYears(match[1]!)
}

/**
 * The names of a narrative callout's authors, read back from the text before its parenthesis
 * (`… shown by Smith et al.` → Smith, et al.), with the offset where they start; the longest form
 * first (`Smith, Jones and Lee`, `Koibuchi and Chin`), then shorter ones (`Chin`), for the resolver to choose from.
 * Only the last few words before `end` are tried, each as a start, so the work per callout is bounded.
 */
export function narrativeNamesBefore(text: string, end: number): Array<{start: number; names: string[]; etAl: boolean}> {
  const from = Math.max(0, end - narrativeLookBack)
  const window = text.slice(from, end)
  const starts = wordStarts(text, from, end)
  const out: Array<{start: number; names: string[]; etAl: boolean}> = []
  for (const [index, pattern] of narrativePatterns.entries()) {
    for (const start of starts) {
      pattern.lastIndex = start - from
      const match = pattern.exec(window)
      if (!match) continue
      const single = index >= 2
      // `Smith's (2020) study`, `Smith et al.'s (2020)`: the possessive is not part of the name.
      const names = (single ? [match[1]!] : [...match[1]!.split(/,\s+/), match[2]!]).map((name) => name.replace(/\s+/g, ' ').replace(/['’]s$/u, ''))
      if (names.some((name) => (index === 3 ? !isName(name) : !isPersonName(name)))) continue
      out.push({start, names, etAl: match[single ? 2 : 3] !== undefined})
      // A collaboration's name may start at any of the words (`As World Health Organization`): keep each.
      if (index !== 3) break
    }
  }
  return out
}

/** How far back from a narrative callout's parenthesis its names are looked for. */
const narrativeLookBack = 100
/** Most words before the parenthesis tried as the start of the names. */
const maxNarrativeWords = 8

/** Offsets in [from, end) where a word starting with a letter begins, the farthest first, at most `maxNarrativeWords`. */
function wordStarts(text: string, from: number, end: number): number[] {
  const starts: number[] = []
  for (let index = end - 1; index >= from && starts.length < maxNarrativeWords; index--) {
    if (!/\p{L}/u.test(text[index]!)) continue
    if (index === 0 || !/[\p{L}\p{N}'’\-]/u.test(text[index - 1]!)) starts.push(index)
  }
  return starts.reverse()
}

const particle = particleAlternation(true)
const personName = String.raw`(?:${particle}\s+){0,3}\p{Lu}[\p{L}'’\-]*`
const narrativeEnd = String.raw`(\s+et\.?\s+al\.?|\s+and\s+(?:colleagues|co-?workers))?(?:['’]s)?\s*$`
/** Three or more authors, two, one, a collaboration: the resolver takes the first that names the most entries. Sticky: tried at word starts. */
const narrativePatterns = [
  new RegExp(String.raw`(${personName}(?:,\s+${personName}){1,4}),?\s+(?:and|&)\s+(${personName})${narrativeEnd}`, 'uy'),
  new RegExp(String.raw`(${personName})\s+(?:and|&)\s+(${personName})${narrativeEnd}`, 'uy'),
  new RegExp(String.raw`(${personName})${narrativeEnd}`, 'uy'),
  // A collaboration (`World Health Organization (2015)`), after the one-author reading: `As Smith` is no name.
  new RegExp(String.raw`(\p{Lu}[\p{L}'’\-]*(?:\s+(?:for|of|the|on|and|\p{Lu}[\p{L}'’\-]*)){1,6})${narrativeEnd}`, 'uy')
]

function isPersonName(name: string): boolean {
  const words = name.split(/\s+/)
  const last = words[words.length - 1]!
  return words.length <= 4 && capitalWord.test(last) && !notNames.has(last.toLowerCase()) && !/\d/.test(name)
}

/** One `;`-separated part of a parenthesis: its cites (one per year), or undefined. */
function parseCiteItem(item: string): AuthorYearCite[] | undefined {
  let text = item.trim().replace(/\s+/g, ' ')
  if (text === '' || /\d{5}|[=<>±%×/\\()[\]{}]/.test(text)) return undefined
  text = text.replace(trailingNote, '').replace(locatorAtEnd, '')
  const match = yearsAtEnd.exec(text)
  if (!match) return undefined
  const years = splitYears(match[1]!)
  let names = text.slice(0, match.index + match[0].length - match[1]!.length).replace(/[\s,]+$/, '')
  const etAl = etAlAtEnd.exec(names)
  if (etAl) names = names.slice(0, etAl.index)
  const authors = authorsAfterLead(names)
  if (!authors) return undefined
  return years.map(({year: printed, suffix}) => ({names: authors, etAl: etAl !== null, year: printed, suffix}))
}

/** The authors of `names`, after a lead-in of at most a few lower-case words (`e.g.`, `see also`). */
function authorsAfterLead(names: string): string[] | undefined {
  const words = names.split(' ')
  for (let lead = 0; lead <= maxLeadWords && lead < words.length; lead++) {
    const word = words[lead - 1]
    if (word !== undefined && !/^\p{Ll}[\p{Ll}.]*,?$/u.test(word) && !leadWords.has(word.toLowerCase().replace(/,$/, ''))) return undefined
    // `See Smith 2020`: a lead word opening the parenthesis in capitals is not part of a name.
    if (leadWords.has(words[lead]!.toLowerCase().replace(/,$/, ''))) continue
    const authors = splitAuthors(words.slice(lead).join(' '))
    if (authors) return authors
  }
  return undefined
}

/** Words that lead cites in, also written with a capital when they open the parenthesis (`See also`). */
const leadWords = new Set(['see', 'also', 'e.g.', 'eg', 'cf.', 'cf', 'i.e.', 'compare', 'reviewed', 'review', 'in', 'by', 'but', 'and', 'as', 'for', 'from', 'after', 'adapted', 'modified', 'data', 'according', 'to'])

/** `Smith, Jones, and Lee` → three names, each checked; undefined when one is not a name. */
function splitAuthors(text: string): string[] | undefined {
  if (text === '') return undefined
  // Initials a style adds to tell two authors apart (`J. Smith et al., 2020`) are not the family name.
  const names = text.split(nameSeparator).map((name) => name.trim().replace(leadingInitials, ''))
  if (names.length > 8 || names.some((name) => !isName(name))) return undefined
  return names
}

/**
 * A family name or a collaboration's name: capitalised words, name particles (`van der`) and, inside
 * a longer name, small connecting words (`for`, `of`); it ends in a capitalised word that is not a
 * month, a label or a function word.
 */
function isName(name: string): boolean {
  const words = name.split(' ')
  if (words.length === 0 || words.length > maxNameWords) return false
  const last = words[words.length - 1]!
  if (!capitalWord.test(last) || notNames.has(last.toLowerCase())) return false
  if (words.length === 1) return true
  if (!capitalWord.test(words[0]!) && !nameParticles.has(words[0]!.toLowerCase())) return false
  return words.every((word) => capitalWord.test(word) || nameParticles.has(word.toLowerCase()) || nameConnectors.has(word))
}

/** `2018a, b` → 2018a, 2018b; `2003, 2005` → 2003, 2005. */
function splitYears(list: string): Array<{year: string; suffix: string}> {
  const out: Array<{year: string; suffix: string}> = []
  for (const part of list.split(/\s*,\s*/)) {
    const letter = /^[a-z]$/.exec(part)
    if (letter && out.length > 0) {
      out.push({year: out[out.length - 1]!.year, suffix: part})
      continue
    }
    const match = /^(\d{4})([a-z]?)$/.exec(part)
    // `n.d.`, `n. d.` and `no date` say the same: the entry has no year.
    out.push(match ? {year: match[1]!, suffix: match[2]!} : {year: part.replace(/\s+/g, ' ').toLowerCase().replace(/^(?:n\. d\.|no date)$/, 'n.d.'), suffix: ''})
  }
  return out
}
