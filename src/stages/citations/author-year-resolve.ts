/**
 * Resolves author–year cites against a bibliography: by the first author's family name, the other
 * named author, the number of authors the callout implies (one, two, `et al.`), the year and the
 * letter (`2018a`). A cite that fits several entries equally is ambiguous, one that fits none is
 * missing: both are reported, never guessed.
 */
import type {CslItem} from '@citation-js/core'
import type {AuthorYearCite} from './author-year-callout.js'
import {nameKeys} from './name-key.js'

/** What the resolver knows of one bibliography entry. */
export interface AuthorYearEntry {
  /** The citation number the entry answers to. */
  number: number
  /** Family names (particles included, `van der Berg`) or a collaboration's name, in order. */
  names: string[]
  /** Year as printed (`2020`), or null when the entry has none (cited as `n.d.`). */
  year: string | null
  /** A letter the entry itself carries (`2018a` in a printed list, CSL `year-suffix`), or `''`. */
  suffix: string
}

/** The outcome for one cite: its entry's number, or why there is none. */
export type AuthorYearResolution =
  | {number: number}
  | {problem: 'ambiguous'; numbers: number[]}
  | {problem: 'missing'}

/** Entries indexed by the keys of their first author's name. */
export interface AuthorYearIndex {
  byFirstName: ReadonlyMap<string, readonly AuthorYearEntry[]>
  size: number
}

/** Indexes entries for {@link resolveAuthorYear}. */
export function indexAuthorYearEntries(entries: readonly AuthorYearEntry[]): AuthorYearIndex {
  const byFirstName = new Map<string, AuthorYearEntry[]>()
  for (const entry of [...entries].sort((a, b) => a.number - b.number)) {
    const first = entry.names[0]
    if (first === undefined) continue
    for (const key of nameKeys(first)) {
      const list = byFirstName.get(key) ?? []
      if (!list.includes(entry)) list.push(entry)
      byFirstName.set(key, list)
    }
  }
  return {byFirstName, size: entries.length}
}

/**
 * The entry a cite names. Entries whose author count fits the callout exactly (one name: one author;
 * two names: two authors; `et al.`: three or more) are tried first, then any entry with the named
 * authors. A letter picks the entry by its own letter, else by its place among the entries the same
 * callout would name, in bibliography order (`2018a` the first of them).
 */
export function resolveAuthorYear(cite: AuthorYearCite, index: AuthorYearIndex): AuthorYearResolution {
  const resolution = resolveNames(cite, index)
  // `Food and Drug Administration` reads as two authors; when no entry has them, try it as one name.
  if ('problem' in resolution && resolution.problem === 'missing' && cite.names.length === 2 && !cite.etAl) {
    const whole = resolveNames({...cite, names: [cite.names.join(' and ')]}, index)
    if ('number' in whole) return whole
  }
  return resolution
}

function resolveNames(cite: AuthorYearCite, index: AuthorYearIndex): AuthorYearResolution {
  const firstKeys = nameKeys(cite.names[0]!)
  const seen = new Set<AuthorYearEntry>()
  const base: AuthorYearEntry[] = []
  for (const key of firstKeys) {
    for (const entry of index.byFirstName.get(key) ?? []) {
      if (seen.has(entry) || !sameYear(entry, cite) || !otherNamesMatch(entry, cite)) continue
      seen.add(entry)
      base.push(entry)
    }
  }
  base.sort((a, b) => a.number - b.number)
  for (const tier of [base.filter((entry) => exactShape(entry, cite)), base]) {
    const picked = cite.suffix === '' ? tier : byLetter(tier, cite.suffix)
    if (picked.length === 1) return {number: picked[0]!.number}
    if (picked.length > 1) return {problem: 'ambiguous', numbers: picked.map((entry) => entry.number)}
  }
  return {problem: 'missing'}
}

/** The entries of `tier` with letter `suffix`: their own letter if they carry one, else their place. */
function byLetter(tier: readonly AuthorYearEntry[], suffix: string): AuthorYearEntry[] {
  const own = tier.filter((entry) => entry.suffix === suffix)
  if (own.length > 0 || tier.some((entry) => entry.suffix !== '')) return own
  const place = suffix.charCodeAt(0) - 0x61
  return place >= 0 && place < tier.length && tier.length > 1 ? [tier[place]!] : []
}

function sameYear(entry: AuthorYearEntry, cite: AuthorYearCite): boolean {
  if (cite.year === 'n.d.') return entry.year === null
  if (/^\d{4}$/.test(cite.year)) return entry.year === cite.year
  // `in press`, `forthcoming`: the entry says so instead of a year.
  return entry.year === null || entry.year.toLowerCase() === cite.year
}

/** The named co-authors are the entry's, in order (the first is already matched). */
function otherNamesMatch(entry: AuthorYearEntry, cite: AuthorYearCite): boolean {
  if (cite.names.length > entry.names.length) return false
  for (let index = 1; index < cite.names.length; index++) {
    const keys = nameKeys(entry.names[index]!)
    if (!nameKeys(cite.names[index]!).some((key) => keys.includes(key))) return false
  }
  return true
}

/** Whether the entry has the number of authors the callout's form implies. */
function exactShape(entry: AuthorYearEntry, cite: AuthorYearCite): boolean {
  if (cite.etAl) return entry.names.length >= 3 && entry.names.length > cite.names.length
  return entry.names.length === cite.names.length
}

/** The resolver's view of a CSL item: authors (else editors), year, and a letter the item carries. */
export function authorYearEntryOfCsl(number: number, item: CslItem): AuthorYearEntry {
  const people = (Array.isArray(item.author) && item.author.length > 0 ? item.author : Array.isArray(item.editor) ? item.editor : []) as Array<Record<string, unknown>>
  const names = people.map(familyOf).filter((name) => name !== '')
  const {year, suffix} = yearOfCsl(item)
  return {number, names, year, suffix}
}

function familyOf(person: Record<string, unknown>): string {
  const literal = typeof person.literal === 'string' ? person.literal : ''
  const family = typeof person.family === 'string' ? person.family : ''
  const particle = typeof person['non-dropping-particle'] === 'string' ? person['non-dropping-particle'] : ''
  return (family !== '' ? `${particle} ${family}` : literal).trim()
}

function yearOfCsl(item: CslItem): {year: string | null; suffix: string} {
  const issued = item.issued as {'date-parts'?: unknown[][]; literal?: unknown; raw?: unknown} | undefined
  const suffix = typeof item['year-suffix'] === 'string' ? item['year-suffix'] : ''
  const part = issued?.['date-parts']?.[0]?.[0]
  if (part !== undefined && /^\d{4}$/.test(String(part))) return {year: String(part), suffix}
  const printed = /\b(\d{4})([a-z])?\b/.exec(String(issued?.literal ?? issued?.raw ?? ''))
  if (printed) return {year: printed[1]!, suffix: suffix || (printed[2] ?? '')}
  return {year: null, suffix}
}
