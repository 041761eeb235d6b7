import {createHash} from 'node:crypto'
import type {ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
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

/** A page's bytes from its hast. */
export function serialisePage(tree: Root): string {
  return toHtml(tree, {quoteSmart: true}) + '\n'
}
