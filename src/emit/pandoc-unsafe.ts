import type {ConstructName, Unsafe} from 'mdast-util-to-markdown'

/** Constructs inside which text is not parsed as phrasing (mdast-util-to-markdown's own list). */
const notPhrasing: ConstructName[] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']

/**
 * Escape rules for text in the annotated Markdown beyond CommonMark's: the characters that start
 * constructs of pandoc's Markdown reader (which the README recommends for the pandoc citation
 * style), so input text stays text there too. A backslash before ASCII punctuation is an escape in
 * CommonMark, GFM and pandoc alike, so each rule costs only a backslash, never a changed character.
 *
 * - `{`: attributes after a heading, link, code span or bracketed span (`{onclick=…}`, `{#id}`) and
 *   raw content (`` `<b>`{=html} ``);
 * - `@`: citations (`@key`, `[@key]`) and example lists (`(@)`);
 * - `$`: TeX math; `\`: raw TeX (`\begin{x}`), commands and hard breaks;
 * - `^`: inline notes (`^[…]`) and superscript; `~`: subscript, strikeout and definition lists;
 * - `|`: line blocks and pipe tables;
 * - at a line start, `:` (fenced divs `:::`, definition lists) and `%` (title blocks);
 * - the space after `[ ]`, `[x]` or `[X]` at a line start, written `&#x20;`: pandoc makes a list item
 *   that begins so a task-list checkbox (`<input type="checkbox">`) even when the brackets are
 *   escaped, as it reads the item's text, not its source; a space from a character reference is not
 *   the space it looks for. CommonMark and GFM print it as a space.
 *
 * Seed prose has none of these characters outside line starts, so it reads as before.
 */
export const pandocUnsafe: Unsafe[] = [
  ...['{', '@', '$', '\\', '^', '~', '|'].map((character): Unsafe => ({character, inConstruct: 'phrasing', notInConstruct: notPhrasing})),
  {atBreak: true, character: ':'},
  {atBreak: true, character: '%'},
  {atBreak: true, before: '\\[[ xX]\\]', character: ' '}
]

