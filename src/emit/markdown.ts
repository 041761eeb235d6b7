import type {Heading, Link, List, ListItem, PhrasingContent, Root, RootContent} from 'mdast'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {Handle, Options as StringifyOptions} from 'mdast-util-to-markdown'
import type {MarkdownCitationStyle} from '../config/types.js'
import type {Citation, Sentence} from '../types.js'
import {citationStyles} from './citation-styles.js'
import type {ClaimRecord, DocumentRecord} from './document.js'
import {sanitizeInputTree} from './sanitize.js'

export interface MarkdownOptions {
  citationStyle: MarkdownCitationStyle
  /** Formatted reference text per citation number (from the bibliography), if any. */
  formattedReferences?: ReadonlyMap<number, string>
}

/** The claim tag after a sentence: `[claim c3: MSC](#claim-c3 "mechanism; preclinical; hedged")`. */
export function claimTag(claim: Pick<ClaimRecord, 'id' | 'cellTypes' | 'category' | 'evidence' | 'hedged'>): Link {
  return {
    type: 'link',
    url: `#claim-${claim.id}`,
    title: `${claim.category}; ${claim.evidence}; ${claim.hedged ? 'hedged' : 'not hedged'}`,
    children: [{type: 'text', value: `claim ${claim.id}: ${claim.cellTypes.join(', ')}`}]
  }
}

/**
 * Writes the annotated document as CommonMark: the cleaned text with headings and paragraphs, each
 * citation group linked to its references, each claim tagged with its types, then a "Claims by cell
 * type" section and a References section. Input text only ever becomes text nodes, which
 * remark-stringify escapes; the only HTML is the anchors this function makes from numbers.
 */
export function toAnnotatedMarkdown(tree: Root, record: DocumentRecord, options: MarkdownOptions): string {
  const style = citationStyles[options.citationStyle]
  const claims = new Map(record.claims.map((claim) => [claim.sentenceId, claim]))

  const citation: Handle = (node: Citation) => (node.data.valid ? style(node.data.numbers) : escapeInline(node.value))
  const sentence: Handle = (node: Sentence, _parent, state, info) => {
    const claim = claims.get(node.data.id)
    const children: PhrasingContent[] = claim ? [...node.children, {type: 'text', value: ' '}, claimTag(claim)] : node.children
    return state.containerPhrasing({type: 'paragraph', children}, info)
  }

  const root: Root = {
    type: 'root',
    children: [...sanitizeInputTree(tree).children, ...claimsSection(record), ...referencesSection(record, options)]
  }
  const stringifyOptions: StringifyOptions = {
    bullet: '-',
    emphasis: '_',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
    handlers: {citation, sentence} as StringifyOptions['handlers']
  }
  return unified().use(remarkStringify, stringifyOptions).stringify(root)
}

/** Escapes what CommonMark would read as syntax in a literal written by a handler. */
function escapeInline(value: string): string {
  return value.replace(/[\\`*_[\]<>&#!|~]/g, '\\$&')
}

function heading(depth: Heading['depth'], value: string): Heading {
  return {type: 'heading', depth, children: [{type: 'text', value}]}
}

function claimsSection(record: DocumentRecord): RootContent[] {
  const out: RootContent[] = [heading(2, 'Claims by cell type')]
  if (record.claims.length === 0) out.push({type: 'paragraph', children: [{type: 'text', value: 'No claims found.'}]})
  const anchored = new Set<string>()
  const claimsById = new Map(record.claims.map((claim) => [claim.id, claim]))
  for (const type of record.cellTypes) {
    if (type.claimIds.length === 0) continue
    out.push(heading(3, `${type.id}: ${type.label}${type.ontologyId ? ` (${type.ontologyId})` : ''}`))
    const items: ListItem[] = type.claimIds.map((id) => {
      const claim = claimsById.get(id)!
      const children: RootContent[] = []
      if (!anchored.has(id)) {
        anchored.add(id)
        children.push({type: 'html', value: `<a id="claim-${id}"></a>`})
      }
      children.push({type: 'text', value: `${claim.text} (${claim.category}, ${claim.evidence}${claim.hedged ? ', hedged' : ''})${claim.citations.length > 0 ? ' ' : ''}`})
      if (claim.citations.length > 0) children.push({type: 'citation', value: '', data: {id: '', raw: '', numbers: claim.citations, valid: true}} as Citation)
      return {type: 'listItem', spread: false, children: [{type: 'paragraph', children: children as PhrasingContent[]}]}
    })
    out.push({type: 'list', ordered: false, spread: false, children: items} satisfies List)
  }
  return out
}

function referencesSection(record: DocumentRecord, options: MarkdownOptions): RootContent[] {
  if (record.references.length === 0) return []
  const items: ListItem[] = record.references.map((reference) => {
    const text = options.formattedReferences?.get(reference.number) ?? reference.entry?.raw ?? (reference.csl?.title ? String(reference.csl.title) : 'No bibliography entry.')
    return {
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            {type: 'html', value: `<a id="ref-${reference.number}"></a>`},
            {type: 'strong', children: [{type: 'text', value: `${reference.number}.`}]},
            {type: 'text', value: ` ${text.replace(/^\s*\d+\.\s*/, '').trim()}`}
          ]
        }
      ]
    }
  })
  return [heading(2, 'References'), {type: 'list', ordered: false, spread: false, children: items}]
}
