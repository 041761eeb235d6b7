/**
 * Every dash a journal prints where a hyphen or a range sign belongs: hyphen-minus, hyphen,
 * non-breaking hyphen, figure dash, en dash, em dash, minus sign. One list for the parser (line-end
 * hyphens, headings) and the citations stage (ranges `[304—306]`, `[2]–[5]`).
 */
export const dashes = '-\u2010\u2011\u2012\u2013\u2014\u2212'

/** `dashes` for inside a regular-expression character class: the hyphen-minus escaped, so it is no range. */
export const dashClass = dashes.replace('-', '\\-')
