import {createHash} from 'node:crypto'
import type {Element, ElementContent, Root} from 'hast'
import {toHtml, type Options} from 'hast-util-to-html'
import type {Raw} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import {pageScript} from './page-script.js'
import {pageStyle} from './page-style.js'

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * The pages' Content-Security-Policy: nothing from anywhere (no network, no plugin, no form, no
 * base), except the page's own inline script and style, named by their hashes. Text from an input
 * is only ever a text node, so this is a second wall, not the first.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  `script-src ${sha256(pageScript)}`,
  `style-src ${sha256(pageStyle)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

/** One evidence-map page: its title (text) and the body's content (hast). */
export interface PageContent {
  title: string
  body: ElementContent[]
}

/**
 * Serialises a page: doctype, the CSP meta first in the head, the style, the body, and the script
 * last. Deterministic: the same content gives the same bytes.
 */
export function htmlPage(content: PageContent): string {
  return serialisePage(pageTree(content))
}

/** The hast of a page (see `htmlPage`). */
export function pageTree(content: PageContent): Root {
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'citeclaim'}),
          h('title', content.title),
          h('style', pageStyle)
        ]),
        h('body', [...content.body, h('script', pageScript)])
      ])
    ]
  }
}

/**
 * How every page and fragment is serialised. `allowDangerousHtml` lets the serialiser copy `raw`
 * nodes, and the only raw nodes a page holds are made by `serialisedOnce` below, from hast, by this
 * same serialiser (which escapes every text); no text from an input ever becomes one.
 */
export const serialiserOptions: Options = {quoteSmart: true, allowDangerousHtml: true}

/** A page's bytes from its hast. */
export function serialisePage(tree: Root): string {
  return serialise(tree) + '\n'
}

/**
 * `toHtml(nodes, serialiserOptions)`, the same bytes, made with one string copy per level instead of
 * one per level of nesting. hast-util-to-html returns each element as a string joined from its
 * children's strings, so a character `d` elements deep is copied about `2d` times (a page's text sits
 * 8–12 deep): on a document page, those copies were a fifth of everything the analysis of the
 * document allocated. Here an element that holds elements with children of their own is written as
 * its opening tag, its children and its closing tag into one list of pieces, joined once at the end;
 * every piece is still hast-util-to-html's output (its tags, attributes and escaping). What is
 * serialised whole: text, comments, raw nodes, the doctype, and the elements whose bytes depend on
 * where they are (see `splits`).
 */
export function serialise(nodes: Root | ElementContent[]): string {
  const pieces: string[] = []
  writeChildren(Array.isArray(nodes) ? nodes : nodes.children, pieces)
  return pieces.join('')
}

/** Appends the bytes of `children`: each run of nodes not worth splitting in one serialiser call. */
function writeChildren(children: ReadonlyArray<Root['children'][number]>, pieces: string[]): void {
  let run: Array<Root['children'][number]> = []
  for (const child of children) {
    const opening = child.type === 'element' && splits(child) ? openingTag(child) : undefined
    if (opening === undefined) {
      run.push(child)
      continue
    }
    if (run.length > 0) pieces.push(toHtml({type: 'root', children: run}, serialiserOptions))
    run = []
    pieces.push(opening)
    writeChildren((child as Element).children, pieces)
    pieces.push(closingTag(child as Element))
  }
  if (run.length > 0) pieces.push(toHtml({type: 'root', children: run}, serialiserOptions))
}

const closingTag = (node: Element): string => `</${node.tagName}>`

/**
 * The opening tag hast-util-to-html writes for `node`: its bytes for the element without children,
 * less the closing tag. Undefined for an element it writes without one (a void element: `<br>`).
 */
function openingTag(node: Element): string | undefined {
  const empty = toHtml({...node, children: []}, serialiserOptions)
  const closing = closingTag(node)
  return empty.endsWith(closing) ? empty.slice(0, empty.length - closing.length) : undefined
}

/**
 * Raw-text elements, whose text hast-util-to-html writes unescaped when (and only when) it is their
 * child: split from them, it would be escaped.
 */
const rawTextElements = new Set(['iframe', 'noembed', 'noframes', 'plaintext', 'script', 'style', 'xmp'])

/**
 * Whether an element is written as its tags around its children written one by one, with the same
 * bytes: an HTML element (not `svg`, which switches the serialiser to SVG rules, nor `template`,
 * whose content is elsewhere) that is not raw text and holds an element with children (one holding
 * only text and bare elements is cheaper serialised whole). The serialiser then writes its children
 * as it would have: with `omitOptionalTags` off, it looks at neither an element's index nor its
 * parent, and a text's parent matters only for raw-text elements.
 */
function splits(node: Element): boolean {
  if (node.tagName === 'svg' || node.tagName === 'template' || rawTextElements.has(node.tagName)) return false
  return node.children.some((child) => child.type === 'element' && child.children.length > 0)
}

/** A `raw` hast node (the type mdast-util-to-hast registers): markup already serialised, copied as is. */
export type SerialisedFragment = Raw

/**
 * `children` serialised now, as a node to place where they go, once or more. A page that shows the
 * same content twice (a claim's sentence is in the text and in the claims list) serialises it once:
 * the serialiser's cost is per node, and those sentences are a third of a document page's nodes
 * (37% of the elements and texts of the seed's page, counted by hand).
 * The bytes are those the serialiser would write for `children` in place.
 */
export function serialisedOnce(children: ElementContent[]): SerialisedFragment {
  return {type: 'raw', value: serialise(children)}
}
