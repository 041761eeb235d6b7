import {readFileSync} from 'node:fs'
import type {Heading, Link, List, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'

const tree: Root = unified().use(remarkParse).parse(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))

/** GitHub's anchor for a heading text: lower case, punctuation dropped, spaces to hyphens. */
const slug = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')

/** Every heading's anchor, a repeated one suffixed `-1`, `-2`… as GitHub does. */
function anchors(): Set<string> {
  const seen = new Map<string, number>()
  const ids = new Set<string>()
  visit(tree, 'heading', (heading: Heading) => {
    const base = slug(toString(heading))
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    ids.add(count ? `${base}-${count}` : base)
  })
  return ids
}

const sections = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2).map((heading) => toString(heading))
const contentsAt = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && toString(node) === 'Contents')
const contents = tree.children[contentsAt + 1] as List | undefined

describe('the README Contents list and in-page links', () => {
  it('lists every section, in order, each linked to its anchor', () => {
    expect(contents?.type).toBe('list')
    const entries = contents!.children.map((item) => {
      const links: Link[] = []
      visit(item, 'link', (link: Link) => void links.push(link))
      return {text: toString(item), url: links[0]?.url}
    })
    expect(entries.map((entry) => entry.text)).toEqual(sections.filter((name) => name !== 'Contents'))
    for (const entry of entries) expect(entry.url).toBe(`#${slug(entry.text)}`)
  })

  it('resolves every in-page link to a heading', () => {
    const ids = anchors()
    const links: string[] = []
    visit(tree, 'link', (link: Link) => void (link.url.startsWith('#') && links.push(link.url.slice(1))))
    expect(links.length).toBeGreaterThan(20)
    expect(links.filter((id) => !ids.has(id))).toEqual([])
  })
})
