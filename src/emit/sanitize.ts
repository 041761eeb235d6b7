import type {Nodes, Paragraph, Parent, Root, RootContent, Text} from 'mdast'
import {isOwnAnchorUrl} from './anchors.js'
import {pushAll} from '../push-all.js'

/** URL schemes an input link may keep; a URL without a scheme (relative, `#anchor`) is kept too. */
const safeSchemes = new Set(['http', 'https', 'mailto'])

/** Parents whose children are blocks (flow content): a raw HTML block there becomes a paragraph. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

/**
 * A copy of an input tree that is safe to print as Markdown another tool will render: raw HTML becomes
 * text (remark-stringify escapes text, but prints `html` nodes verbatim), an image becomes its alt
 * text, a link or definition whose URL has a scheme other than http(s) or mailto (`javascript:`,
 * `data:`, `vbscript:`, …) or that points at one of citeclaim's own anchors (`#ref:1`, `#claim:c1`)
 * gives up its URL and keeps its text, a fenced code block loses its info string. Nodes that need no change are shared
 * with `tree`, which is left as it was.
 */
export function sanitizeInputTree(tree: Root): Root {
  return {...tree, children: cleanChildren(tree) as RootContent[]}
}

/** Whether a URL from the input may be printed as a link target. */
export function isSafeUrl(url: string): boolean {
  const colon = url.indexOf(':')
  if (colon === -1) return true
  // Browsers ignore white space and control characters in a scheme (`java\tscript:`); so do we.
  const prefix = url.slice(0, colon).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '')
  // Anything else before the colon (`./a:b`, `#x:y`) means no scheme: the URL is relative.
  if (!/^[a-z][a-z\d+.-]*$/i.test(prefix)) return true
  return safeSchemes.has(prefix.toLowerCase())
}

function cleanChildren(parent: Parent): Nodes[] {
  const out: Nodes[] = []
  for (const child of parent.children as Nodes[]) pushAll(out, clean(child, flowParents.has(parent.type)))
  return out
}

/** The nodes that stand for `node` in the safe copy (none, itself, a replacement, or its children). */
function clean(node: Nodes, inFlow: boolean): Nodes[] {
  switch (node.type) {
    case 'html':
      return [asText(node.value, node, inFlow)]
    case 'image':
    case 'imageReference':
      return node.alt ? [asText(node.alt, node, inFlow)] : []
    case 'definition':
      return isSafeUrl(node.url) && !isOwnAnchorUrl(node.url) ? [node] : []
    case 'link':
      if (!isSafeUrl(node.url) || isOwnAnchorUrl(node.url)) return cleanChildren(node)
      break
    case 'code':
      // pandoc reads an info string as attributes (`{=html}` makes the block raw HTML, `{onclick=…}`
      // an attribute) and CommonMark as a class: the block keeps only its content.
      return node.lang == null && node.meta == null ? [node] : [{type: 'code', value: node.value, ...(node.position ? {position: node.position} : {})}]
    default:
      break
  }
  if (!('children' in node)) return [node]
  const children = cleanChildren(node)
  const unchanged = children.length === node.children.length && children.every((child, index) => child === node.children[index])
  return [unchanged ? node : ({...node, children} as Nodes)]
}

function asText(value: string, from: Nodes, inFlow: boolean): Text | Paragraph {
  const text: Text = {type: 'text', value, ...(from.position ? {position: from.position} : {})}
  return inFlow ? {type: 'paragraph', children: [text], ...(from.position ? {position: from.position} : {})} : text
}

