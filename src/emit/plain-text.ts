import type {Text} from 'mdast'
import {defaultHandlers, type Handle, type Info, type State} from 'mdast-util-to-markdown'

/**
 * Characters that can need an escape in a text node whatever surrounds them on the line
 * (mdast-util-to-markdown's `unsafe` list, read for phrasing content, and `pandocUnsafe`): line
 * endings and tabs, the markers of attention, code, links, images, HTML, character references and
 * hard breaks, and the pandoc markers `{ @ $ \ ^ ~ |`. `#` needs one only at the end of a heading;
 * it is rare enough in prose to leave to the full escaper.
 */
const mayNeedEscape = /[\t\n\r!#&*<[\\\]_`~{@$^|]/

/**
 * The text handler of remark-stringify, with a fast path: a text node that no escape rule can apply
 * to is printed as it is, without running mdast-util-to-markdown's escape patterns over it (53 for
 * phrasing with `pandocUnsafe`; in a long paragraph those cost more than everything else the
 * annotated Markdown needs). Every other
 * node goes to the default handler, so the output is the same bytes either way
 * (tests/emit/plain-text.test.ts compares the two on random text).
 *
 * Beyond `mayNeedEscape`, escapes depend on the text's edges:
 * - at a line start (the text follows a line ending), the block markers `#`, `>`, `-`, `+`, `*`,
 *   `=`, `_`, `` ` ``, `~`, `<`, `[`, `1.`, `1)`, pandoc's `:` and `%`, and indentation: only a text
 *   starting with a letter takes the fast path there;
 * - a space or tab just before a line ending is encoded;
 * - `(` right after `]` would make a link.
 */
export const textHandler: Handle = (node: Text, parent, state: State, info: Info) =>
  !state.stack.includes('autolink') && printsAsIs(node.value, info.before, info.after) ? node.value : defaultHandlers.text(node, parent, state, info)

/**
 * Whether remark-stringify prints `value` as it is, outside an autolink, between `before` (what is
 * printed before it) and `after` (the first character after it).
 */
export function printsAsIs(value: string, before: string, after: string): boolean {
  if (value === '' || mayNeedEscape.test(value)) return false
  // A line start is a line ending, maybe followed by indentation. (An empty `before` is no line
  // start: that is how containerPhrasing peeks at the node after another to learn its first character.)
  if (/[\n\r][\t ]*$/.test(before) && !/^\p{L}/u.test(value)) return false
  if (before.endsWith(']') && value.charCodeAt(0) === 40 /* ( */) return false
  const end = value.charCodeAt(value.length - 1)
  const next = after.charCodeAt(0)
  if ((end === 32 || end === 9) && (next === 10 || next === 13)) return false
  return true
}
