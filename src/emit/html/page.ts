import {createHash} from 'node:crypto'
import type {ElementContent, Root} from 'hast'
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
const serialiserOptions: Options = {quoteSmart: true, allowDangerousHtml: true}

/** A page's bytes from its hast. */
export function serialisePage(tree: Root): string {
  return toHtml(tree, serialiserOptions) + '\n'
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
  return {type: 'raw', value: toHtml({type: 'root', children}, serialiserOptions)}
}
