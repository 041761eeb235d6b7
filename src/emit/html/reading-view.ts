import type {Element, ElementContent} from 'hast'
import {element, text} from './element.js'
import type {Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Citation} from '../../types.js'
import {serialisedOnce, type SerialisedFragment} from './page.js'
import {referenceAnchor} from './reference-item.js'

/** Id of a claim's sentence in the reading view. */
export const claimAnchor = (claimId: string): string => `claim-${claimId}`

/**
 * The whole text as hast, from the analysed tree: headings, paragraphs, lists, quotes, each claim's
 * sentence highlighted (a `mark` with the claim's anchor) and each citation number
 * linked to its reference. Only structure citeclaim knows becomes elements; everything else the input
 * holds (raw HTML, links, images, code) becomes its text, so nothing from the input is live.
 */
export function readingView(tree: Root, claimSentences?: Map<string, SerialisedFragment>): ElementContent[] {
  return blocks(tree.children, claimSentences)
}

/**
 * Claim id → its sentence's content (text and citation links), filled as the claims are met; when
 * given, a claim's sentence is serialised once (`serialisedOnce`), for the text and the claims list.
 */
type ClaimSentences = Map<string, SerialisedFragment> | undefined

function blocks(nodes: readonly RootContent[], claims: ClaimSentences): ElementContent[] {
  const out: ElementContent[] = []
  for (const node of nodes) {
    const converted = block(node, claims)
    if (converted) out.push(converted)
  }
  return out
}

function block(node: RootContent, claims: ClaimSentences): Element | undefined {
  switch (node.type) {
    case 'heading':
      // The page has its h1 and the "Text" h2: a section heading of depth d is an h(d + 2), at most an h6.
      return element(`h${Math.min(6, node.depth + 2)}`, {}, [toString(node)])
    case 'paragraph':
      return element('p', {}, inline(node.children, claims))
    case 'list':
      return element(node.ordered ? 'ol' : 'ul', {}, node.children.map((item) => element('li', {}, blocks(item.children, claims))))
    case 'blockquote':
      return element('blockquote', {}, blocks(node.children, claims))
    case 'thematicBreak':
      return element('hr', {}, [])
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return undefined
    case 'code':
      return element('pre', {}, [element('code', {}, [node.value])])
    case 'table':
      return element('table', {className: ['text-table']}, [element('tbody', {}, node.children.map((row) => element('tr', {}, row.children.map((cell) => element('td', {}, inline(cell.children, claims))))))])
    default: {
      const value = toString(node as Nodes)
      return value === '' ? undefined : element('p', {}, [value])
    }
  }
}

function inline(nodes: readonly Nodes[], claims: ClaimSentences): Array<ElementContent | string> {
  const out: Array<ElementContent | string> = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(text(node.value))
        break
      case 'citation':
        out.push(...citation(node))
        break
      case 'sentence': {
        const claim = node.data.claim
        if (claim) {
          const mark = element('mark', {id: claimAnchor(claim.id)}, inline(node.children, claims))
          if (claims) {
            const sentence = serialisedOnce(mark.children)
            claims.set(claim.id, sentence)
            mark.children = [sentence]
          }
          out.push(mark)
        } else {
          out.push(...inline(node.children, claims))
        }
        out.push(' ')
        break
      }
      case 'emphasis':
        out.push(element('em', {}, inline(node.children, claims)))
        break
      case 'strong':
        out.push(element('strong', {}, inline(node.children, claims)))
        break
      case 'break':
        out.push(element('br', {}, []))
        break
      default: {
        const value = toString(node)
        if (value !== '') out.push(text(value))
      }
    }
  }
  return out
}

/**
 * A citation group as written, each number of it linked to its reference, the rest of it (brackets,
 * commas, dashes) text that joins the sentence's; an invalid group stays text, marked.
 */
function citation(node: Citation): Array<ElementContent | string> {
  const numbers = new Set(node.data.numbers)
  if (!node.data.valid || numbers.size === 0) return [element('span', {className: ['invalid'], title: 'invalid citation group'}, [node.value])]
  const parts: Array<ElementContent | string> = []
  let last = 0
  for (const match of node.value.matchAll(/\d+/g)) {
    const number = Number(match[0])
    if (!numbers.has(number)) continue
    if (match.index > last) parts.push(node.value.slice(last, match.index))
    parts.push(element('a', {href: `#${referenceAnchor(number)}`}, [match[0]]))
    last = match.index + match[0].length
  }
  if (last < node.value.length) parts.push(node.value.slice(last))
  return parts
}
