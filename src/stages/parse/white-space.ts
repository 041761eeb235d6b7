/** White space other than a lone space: a run of two or more, or one tab, line break, no-break space… */
const foldable = /\s{2,}|[^\S ]/g

/**
 * `text.replace(/\s+/g, ' ')`: every run of white space folded into one space. Only the runs that are
 * not a lone space already are replaced: in prose that is almost none, where `\s+` replaced every
 * space between two words, one match at a time.
 */
export function foldWhiteSpace(text: string): string {
  return text.replace(foldable, ' ')
}
