/**
 * The source of a printed section number, `2`, `2.3`, up to four levels of one or two digits
 * (`12.1.3.4`), no final period: one pattern for PDF text headings, run-in headings, Markdown
 * headings and the reference list's heading, so that they agree on what a section number is.
 */
export const sectionNumber = String.raw`\d{1,2}(?:\.\d{1,2}){0,3}`
