/**
 * The family names, year and letter of a reference as printed in a document's own list, for resolving
 * author–year callouts when there is no bibliography file. Only what a callout names is read (a full
 * CSL parse of the entry is another module's job): `Smith, J. A., & Jones, K. (2019a). Title…`,
 * `Adolf B, Chapouton P, Lam CS. 2006. Title…`, `National Center for Biotechnology Information. 2008. …`.
 * `parseReferenceEntry` (bibliography/reference-entry.ts) reads the same names and year for the
 * first two shapes, but gives no author for an organisation before a bare year (the third), which
 * this reader must resolve `(National Center for Biotechnology Information 2008)` against.
 */
import type {AuthorYearEntry} from './author-year-resolve.js'

/** The year of an entry, right after its authors: `(2019a)`, `2019a.`, `(n.d.)`; at most this far in. */
const maxAuthorsLength = 600
const yearAfterAuthors = /\((1[5-9]\d\d|20\d\d)([a-z]?)(?:,[^)]{0,30})?\)|(?:^|[\s.,])(1[5-9]\d\d|20\d\d)([a-z]?)(?=[.,;:]|\s*$)|\((n\.\s?d\.|no date|in press|forthcoming)\)/iu
/** Initials alone (`J.`, `J. A.`, `JA`, `J.-P.`): the given names of the family name before them. */
const initialsOnly = /^(?:\p{Lu}\.?[\s\-]?){1,4}$/u
/** Initials after a family name (`Adolf B`, `Lam CS`, `Smith J.A.`). */
const trailingInitials = /\s+(?:\p{Lu}{1,3}|(?:\p{Lu}\.[\s\-]?){1,4})$/u
/** Initials before a family name (`J. Smith`). */
const leadingInitials = /^(?:\p{Lu}\.[\s\-]?){1,4}\s*/u

/** What a printed entry says about its authors and year, or undefined when it names no year. */
export function authorYearEntryOfPrinted(number: number, raw: string): AuthorYearEntry | undefined {
  const head = raw.slice(0, maxAuthorsLength)
  const match = yearAfterAuthors.exec(head)
  if (!match) return undefined
  const year = match[1] ?? match[3] ?? null
  const suffix = (match[2] ?? match[4] ?? '').toLowerCase()
  const authors = head.slice(0, match.index).replace(/[\s.,(]+$/, '')
  const names = familyNames(authors)
  if (names.length === 0) return undefined
  return {number, names, year: year === null ? null : year, suffix}
}

/** The family names of an authors list, in order; `et al.` and initials dropped. */
export function familyNames(authors: string): string[] {
  const parts = authors
    .replace(/,?\s*et\.?\s+al\.?$/u, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/u)
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter((part) => part !== '')
  const names: string[] = []
  for (const part of parts) {
    if (initialsOnly.test(part) && names.length > 0) continue
    const name = part.replace(trailingInitials, '').replace(leadingInitials, '').trim()
    if (name !== '' && /\p{L}{2}/u.test(name)) names.push(name)
  }
  return names
}
