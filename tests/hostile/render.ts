import {execFileSync} from 'node:child_process'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {isDangerousUrl} from './checks.js'

/*
 * The annotated Markdown through real renderers, and what in their HTML is live. Written without
 * src/: its own tag scanner and its own idea of what citeclaim may make, so a bug there cannot hide.
 */

/**
 * HTML from the three readers the README names. micromark lets raw HTML and every URL through here
 * (the renderers people paste Markdown into often do), so whatever the Markdown carries shows.
 */
export const renderers: Record<'commonmark' | 'gfm' | 'pandoc', (markdown: string) => string> = {
  commonmark: (markdown) => micromark(markdown, {allowDangerousHtml: true, allowDangerousProtocol: true}),
  gfm: (markdown) => micromark(markdown, {allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]}),
  // Debian's pandoc, as the README recommends it (CI installs it; without it this fails, saying so).
  pandoc: (markdown) => execFileSync('pandoc', ['-f', 'markdown', '-t', 'html'], {input: markdown, encoding: 'utf8'})
}

/** One start tag of the HTML: its element name and attributes (values unescaped of `&quot;`/`&amp;`). */
interface Tag {
  name: string
  attributes: Array<[string, string]>
}

const attribute = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y
const tagName = /<([A-Za-z][A-Za-z0-9-]*)/y

/** Start tags in `html`; a `<` + letter that does not parse as a tag is reported as one named `?`. */
function startTags(html: string): Tag[] {
  const tags: Tag[] = []
  for (const match of html.matchAll(/<[A-Za-z]/g)) {
    tagName.lastIndex = match.index
    const name = tagName.exec(html)![1]!.toLowerCase()
    const attributes: Array<[string, string]> = []
    let at = tagName.lastIndex
    for (;;) {
      attribute.lastIndex = at
      const found = attribute.exec(html)
      if (!found) break
      const value = found[2] ?? found[3] ?? found[4] ?? ''
      attributes.push([found[1]!.toLowerCase(), value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')])
      at = attribute.lastIndex
    }
    tags.push(/^\s*\/?>/.test(html.slice(at, at + 3)) ? {name, attributes} : {name: '?', attributes: [['at', html.slice(match.index, match.index + 40)]]})
  }
  return tags
}

/** Elements Markdown itself makes from prose, lists, quotes, code and links. */
const plainElements = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'hr', 'br'])
/** Ids citeclaim gives its anchors and links to: `ref:53`, `claim:c3` (or `ref-53`, `claim-c3` as before). */
const ownId = /^(?:ref[:-][1-9]\d*|claim[:-]c[1-9]\d*)$/

export interface LiveOptions {
  /** Whether links of the input may stay links (Markdown input): any safe `href` is then fine;
   * otherwise only links to citeclaim's anchors. */
  inputLinks: boolean
  /** pandoc citation keys citeclaim wrote (`ref-53`), the only ones a citation span may carry. */
  citeKeys?: ReadonlySet<string>
}

/**
 * What in rendered HTML came alive from the input: an element Markdown does not make from prose
 * (`script`, `div`, `sup`, a math or citation span, a table, …), any attribute but the few each
 * element may have from Markdown itself (`on*`, `class`, `style`, an `id` from `{#…}`), a dangerous
 * URL, and an anchor id of citeclaim's that another element also has (a heading named `ref-1`).
 */
export function liveHtml(html: string, options: LiveOptions): string[] {
  const problems: string[] = []
  const ids = new Map<string, string[]>()
  for (const tag of startTags(html)) {
    const show = `<${tag.name}${tag.attributes.map(([key, value]) => ` ${key}="${value}"`).join('')}>`
    const citation = tag.name === 'span' && tag.attributes.length === 2 && tag.attributes[0]![0] === 'class' && tag.attributes[0]![1] === 'citation' && tag.attributes[1]![0] === 'data-cites'
    if (citation) {
      const keys = tag.attributes[1]![1].split(' ')
      if (!keys.every((key) => options.citeKeys?.has(key))) problems.push(`citation from the input: ${show}`)
      continue
    }
    if (!plainElements.has(tag.name)) {
      problems.push(`element: ${show}`)
      continue
    }
    for (const [key, value] of tag.attributes) {
      if (key === 'id') (ids.get(value) ?? ids.set(value, []).get(value)!).push(tag.name)
      const allowed =
        (tag.name === 'a' && (key === 'href' || key === 'title' || (key === 'id' && ownId.test(value)))) ||
        // pandoc's own class on an autolink (`<https://…>` in a .md input), never one from the input.
        (tag.name === 'a' && key === 'class' && (value === 'uri' || value === 'email')) ||
        (/^h[1-6]$/.test(tag.name) && key === 'id') ||
        (tag.name === 'ol' && ((key === 'type' && value === '1') || (key === 'start' && /^\d+$/.test(value))))
      if (!allowed) problems.push(`attribute ${key}: ${show}`)
      else if (key === 'href' && isDangerousUrl(value)) problems.push(`dangerous URL: ${show}`)
      else if (key === 'href' && !options.inputLinks && !(value.startsWith('#') && ownId.test(value.slice(1)))) problems.push(`link from the input: ${show}`)
    }
  }
  // An anchor citeclaim writes must be the only element with its id: a heading with the same id
  // (pandoc's auto identifiers) comes first in the document and catches the links meant for it.
  for (const [id, names] of ids) if (names.includes('a') && names.length > 1) problems.push(`id ${id} on: ${names.join(', ')}`)
  return problems
}
