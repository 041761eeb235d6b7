import type {Element, ElementContent, Root, RootContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {random as seededRandom} from '../../bench/make-corpus.js'
import {documentPage} from '../../src/emit/html/document-page.js'
import {pageTree, serialise, serialisePage, serialiserOptions} from '../../src/emit/html/page.js'
import {createProcessor} from '../../src/pipeline.js'
import {analyseText, readSeed, shippedConfig} from '../helpers/analyse.js'

/**
 * `serialise` writes a page as pieces joined once; its bytes must be hast-util-to-html's for the same
 * tree, whatever the tree holds: the elements it splits and the ones it must not (raw text, svg,
 * template, void elements given children), text that needs escaping, raw nodes, comments.
 */
const tags = ['div', 'p', 'span', 'a', 'mark', 'ol', 'li', 'section', 'svg', 'g', 'path', 'foreignObject', 'template', 'script', 'style', 'xmp', 'textarea', 'title', 'pre', 'br', 'img', 'meta', 'td']
const texts = ['plain', 'a < b & c', '"quoted" \'single\'', '</script>', '', ' ', 'naïve – “curly” 😀', '&amp; <!-- x -->', '\n  ']

function randomTree(random: () => number): Root {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const node = (depth: number): ElementContent => {
    const roll = random()
    if (depth > 5 || roll < 0.3) return {type: 'text', value: pick(texts)}
    if (roll < 0.35) return {type: 'comment', value: pick(texts)}
    if (roll < 0.4) return {type: 'raw', value: pick(['<b>raw</b>', 'a & b', '<'])} as unknown as ElementContent
    const properties: Element['properties'] = {}
    if (random() < 0.5) properties['className'] = ['x', pick(['y', 'a"b', "c'd"])]
    if (random() < 0.3) properties['href'] = pick(['#ref-1', 'a b', 'x"y\'z', '<&>'])
    if (random() < 0.2) properties['hidden'] = true
    if (random() < 0.2) properties['dataFacets'] = pick(['|a|b|0', ''])
    if (random() < 0.2) properties['viewBox'] = '0 0 10 10'
    const count = Math.floor(random() * 4)
    const children = Array.from({length: count}, () => node(depth + 1))
    return {type: 'element', tagName: pick(tags), properties, children}
  }
  const children: RootContent[] = random() < 0.5 ? [{type: 'doctype'}] : []
  for (let index = 0; index < 1 + Math.floor(random() * 3); index++) children.push(node(0))
  return {type: 'root', children}
}

describe('serialising a page', () => {
  it('writes the bytes hast-util-to-html writes, on 400 random trees', () => {
    const random = seededRandom(20261202)
    let deep = 0
    for (let index = 0; index < 400; index++) {
      const tree = randomTree(random)
      expect(serialise(tree)).toBe(toHtml(tree, serialiserOptions))
      if (JSON.stringify(tree).split('"children":[{').length > 4) deep++
    }
    // Trees deep enough to be split, not only leaves.
    expect(deep).toBeGreaterThan(100)
  })

  it('does not split what the serialiser writes differently in place', () => {
    const text = (value: string): ElementContent => ({type: 'text', value})
    const el = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({type: 'element', tagName, properties, children})
    const nested = (): Element => el('span', [el('b', [text('<&>')])])
    for (const tree of [
      // Raw text: its text child is written as is, not escaped.
      el('div', [el('script', [nested(), text('if (a < b) x()')])]),
      el('div', [el('style', [nested(), text('a > b {}')])]),
      // SVG: its own rules (self-closing empty elements, attribute case).
      el('div', [el('svg', [el('g', [el('path', [], {strokeWidth: '1'})]), nested()], {viewBox: '0 0 1 1'})]),
      // A void element given children: written with a closing tag then.
      el('div', [el('br', [nested()]), el('img', [nested()], {alt: 'a"b'})]),
      el('template', [nested()])
    ]) {
      const root: Root = {type: 'root', children: [tree]}
      expect(serialise(root)).toBe(toHtml(root, serialiserOptions))
    }
  })

  it("writes the seed's evidence map as hast-util-to-html writes it", () => {
    const text = readSeed()
    const {record} = analyseText(text, {source: 'seed.txt'})
    const processor = createProcessor(shippedConfig, 'text')
    const file = new VFile({path: 'seed.txt', value: text})
    file.data.id = 'test'
    file.data.source = 'seed.txt'
    file.data.sha256 = record.document.sha256
    const tree = pageTree(documentPage(processor.runSync(processor.parse(file), file), record))
    const page = serialisePage(tree)
    expect(page).toBe(toHtml(tree, serialiserOptions) + '\n')
    expect(page.length).toBeGreaterThan(100_000)
  })
})
