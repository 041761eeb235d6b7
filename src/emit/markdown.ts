import type {Paragraph, Parent, PhrasingContent, Root} from 'mdast'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {Handle, Options as StringifyOptions} from 'mdast-util-to-markdown'
import {defaultClaimsTitle} from '../config/defaults.js'
import type {MarkdownCitationStyle} from '../config/types.js'
import {foldWhiteSpace} from '../stages/parse/white-space.js'
import type {Citation, Sentence} from '../types.js'
import {claimAnchor, referenceAnchor} from './anchors.js'
import {citationStyles} from './citation-styles.js'
import {citationMarkdown, keepsPandocForm} from './citation-markdown.js'
import type {ClaimRecord, DocumentRecord} from './document.js'
import {printsAsIs, textHandler} from './plain-text.js'
import {pandocUnsafe} from './pandoc-unsafe.js'
import {sanitizeInputTree} from './sanitize.js'

export interface MarkdownOptions {
  citationStyle: MarkdownCitationStyle
  /** Title of the claims section (`markdown.claimsTitle`; default {@link defaultClaimsTitle}). */
  claimsTitle?: string
  /** `none` leaves the References section out (`markdown.references`; default `list`). */
  references?: 'list' | 'none'
  /** Formatted reference text per citation number (from the bibliography), if any. */
  formattedReferences?: ReadonlyMap<number, string>
}

/**
 * The claim tag after a sentence: `[claim c3: MSC](#claim:c3 "mechanism; preclinical; hedged; MSC: anaphora")`.
 * The title (a hover text) ends with why the claim is about each type.
 */
export function claimTag(claim: Pick<ClaimRecord, 'id' | 'entityTypes' | 'category' | 'evidence' | 'hedged'> & Partial<Pick<ClaimRecord, 'attribution'>>): string {
  const label = `claim ${claim.id}: ${claim.entityTypes.join(', ')}`.replace(/[\\[\]]/g, '\\$&')
  const why = claim.attribution ? `; ${claim.entityTypes.map((type) => `${type}: ${claim.attribution![type] ?? 'mention'}`).join(', ')}` : ''
  // Category and evidence ids come from the config: a line ending in them would end the title (a blank
  // line, the paragraph), and what follows would be read as Markdown or HTML. One line, quotes escaped.
  const title = `${claim.category}; ${claim.evidence}; ${claim.hedged ? 'hedged' : 'not hedged'}${why}`.replace(/[\r\n]+/g, ' ').replace(/["\\]/g, '\\$&')
  return `[${label}](#${claimAnchor(claim.id)} "${title}")`
}

/** A claim tag in the tree that is printed: a literal written by its own handler. */
interface ClaimTagNode {
  type: 'claimTag'
  value: string
}

/** How a citation or a claim tag prints, the same wherever it stands; undefined for other nodes. */
type PrintLiteral = (node: PhrasingContent | ClaimTagNode) => string | undefined

/**
 * The paragraph as one flat run of phrasing content: sentence nodes give way to their children and
 * the claim tag after them, and neighbouring text nodes merge. remark-stringify then escapes a few
 * long texts instead of many short ones, and no sentence needs a nested phrasing container. With
 * `print`, citations and claim tags are also joined with the plain texts between them (`joinLiterals`).
 */
function flattenSentences(paragraph: Paragraph, claims: ReadonlyMap<string, ClaimRecord>, print?: PrintLiteral): Paragraph {
  if (!paragraph.children.some((child) => (child.type as string) === 'sentence')) return paragraph
  const flat: Array<PhrasingContent | ClaimTagNode> = []
  const push = (node: PhrasingContent | ClaimTagNode): void => {
    const last = flat[flat.length - 1]
    if (node.type === 'text' && last?.type === 'text') flat[flat.length - 1] = {type: 'text', value: last.value + node.value}
    else flat.push(node.type === 'text' ? {type: 'text', value: node.value} : node)
  }
  for (const child of paragraph.children as Array<PhrasingContent | Sentence>) {
    if (child.type !== 'sentence') {
      push(child)
      continue
    }
    for (const node of child.children) push(node)
    const claim = claims.get(child.data.id)
    if (claim) {
      push({type: 'text', value: ' '})
      push({type: 'claimTag', value: claimTag(claim)})
    }
  }
  return {...paragraph, children: (print ? joinLiterals(flat, print) : flat) as PhrasingContent[]}
}

/**
 * A paragraph's children with each run of citations and claim tags, and the texts between them that
 * print as they are, joined into one claim-tag literal of the same bytes. remark-stringify spends
 * more per child than on its text: a paragraph of sentences becomes a handful of children.
 *
 * A text between two literals is joined when the text handler would print it as it is there
 * (`printsAsIs` in src/emit/plain-text.ts, which gives the same bytes as the default handler),
 * between the literal before it and the `[` the literal after it starts with. What stands before and after the joined run sees the same characters as before the join: the
 * run peeks as `[` and ends in the last literal's last character.
 */
export function joinLiterals<T extends {type: string}>(children: readonly T[], print: (node: T) => string | undefined): Array<T | ClaimTagNode> {
  const out: Array<T | ClaimTagNode> = []
  let index = 0
  while (index < children.length) {
    const first = print(children[index]!)
    if (!first) {
      out.push(children[index]!)
      index++
      continue
    }
    // Parts joined once at the end: reading a character of a string built by `+=` flattens it, and
    // doing that per text would be quadratic in a long run.
    const parts = [first]
    let last = first
    let end = index + 1
    while (end < children.length) {
      const next = print(children[end]!)
      if (next) {
        parts.push(next)
        last = next
        end++
        continue
      }
      const text = children[end]! as T & {value?: string}
      const after = end + 1 < children.length ? print(children[end + 1]!) : undefined
      if (text.type !== 'text' || !after || !printsAsIs(text.value!, last, '[')) break
      parts.push(text.value!, after)
      last = after
      end += 2
    }
    out.push(end === index + 1 ? children[index]! : {type: 'claimTag', value: parts.join('')})
    index = end
  }
  return out
}

/** Containers of blocks: no link (autolink) around them, where the text handler's fast path is off. */
const flowContainers = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition'])

/**
 * A copy of `parent` with every paragraph flattened, and in flow containers (the paragraphs that are
 * not inside a link) also its literals joined; the input tree is not changed.
 */
function withFlatParagraphs<T extends Parent>(parent: T, claims: ReadonlyMap<string, ClaimRecord>, print: PrintLiteral | undefined): T {
  let changed = false
  const inner = flowContainers.has(parent.type) ? print : undefined
  const children = parent.children.map((child) => {
    const next = child.type === 'paragraph' ? flattenSentences(child as Paragraph, claims, inner) : 'children' in child ? withFlatParagraphs(child as Parent, claims, inner) : child
    if (next !== child) changed = true
    return next
  })
  return changed ? {...parent, children} : parent
}

/**
 * Writes the annotated document as CommonMark: the cleaned text with headings and paragraphs, each
 * citation group linked to its references, each claim tagged with its types, then the claims section
 * (titled `options.claimsTitle`, "Claims by cell type" in the stem-cell preset) and a References section. Input text only ever becomes text nodes, which
 * remark-stringify escapes for CommonMark and, with `pandocUnsafe`, for pandoc's reader; the only
 * HTML is the anchors this function makes from numbers (ids from src/emit/anchors.ts).
 */
export function toAnnotatedMarkdown(tree: Root, record: DocumentRecord, options: MarkdownOptions): string {
  const style = citationStyles[options.citationStyle]
  const claims = new Map(record.claims.map((claim) => [claim.sentenceId, claim]))
  const printing = printingFor(options.citationStyle)
  // A sentence outside a paragraph (a tree built by hand) still prints: its children in a row.
  const sentence: Handle = (node: Sentence, _parent, state, info) => state.containerPhrasing(flattenSentences({type: 'paragraph', children: [node as unknown as PhrasingContent]}, claims), info)

  const root = withFlatParagraphs(sanitizeInputTree(tree), claims, printing.print)
  const stringifyOptions: StringifyOptions = {
    bullet: '-',
    emphasis: '_',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
    unsafe: pandocUnsafe,
    handlers: {...printing.handlers, sentence} as StringifyOptions['handlers']
  }
  const body = unified().use(remarkStringify, stringifyOptions).stringify(root)
  const references = options.references === 'none' ? '' : referencesSection(record, options)
  return [body, claimsSection(record, style, options.claimsTitle ?? defaultClaimsTitle), references].filter((part) => part !== '').join('\n')
}

/** How citations and claim tags print in one citation style: the literal printer and the handlers. */
interface Printing {
  print: PrintLiteral
  handlers: Record<'citation' | 'claimTag' | 'text', Handle>
}

/**
 * The printing of each citation style, made once: functions made per document would be optimised
 * again after every full collection (V8 keeps a function's optimised code only while a function
 * object using it lives), and these run for every citation of every document.
 */
const printings = new Map<MarkdownCitationStyle, Printing>()

function printingFor(citationStyle: MarkdownCitationStyle): Printing {
  let printing = printings.get(citationStyle)
  if (printing) return printing
  const printCitation = (node: Citation): string => citationMarkdown(node, citationStyle, escapeInline)
  // In-text pandoc citations kept in their form start with `@`, not `[`, so they are never joined as literals.
  const print: PrintLiteral = (node) => (node.type === 'citation' ? (keepsPandocForm(node, citationStyle) && !node.data.pandoc!.bracketed ? undefined : printCitation(node)) : node.type === 'claimTag' ? node.value : undefined)
  // `peek` tells remark-stringify the first character of what the node prints (`[`, `@`, or a narrative callout's first name).
  const citation = Object.assign(printCitation, {peek: (node: Citation) => printCitation(node).charAt(0)})
  const claimTag = Object.assign((node: ClaimTagNode) => node.value, {peek: () => '['})
  printing = {print, handlers: {citation, claimTag, text: textHandler} as unknown as Printing['handlers']}
  printings.set(citationStyle, printing)
  return printing
}

/**
 * Escapes text for a paragraph that citeclaim writes itself: white space folded (so no line starts
 * inside it), then every character that could open inline syntax in CommonMark, GFM or pandoc
 * (`pandocUnsafe`'s `{ @ $ \ ^ ~ |` among them) backslash-escaped.
 */
function escapeInline(value: string): string {
  return foldWhiteSpace(value).replace(/[\\`*_[\]<>&#!|~{@$^]/g, '\\$&')
}

// The generated sections are written as strings, not through remark-stringify: they are flat lists of
// one-line items, and escaping a few hundred small text nodes through mdast-util-to-markdown cost more
// than the whole document body.

function claimsSection(record: DocumentRecord, style: (numbers: readonly number[]) => string, title: string): string {
  const lines = [`## ${escapeInline(title)}`, '']
  if (record.claims.length === 0) lines.push('No claims found.', '')
  const anchored = new Set<string>()
  const claimsById = new Map(record.claims.map((claim) => [claim.id, claim]))
  for (const type of record.entityTypes) {
    if (type.claimIds.length === 0) continue
    lines.push(`### ${escapeInline(`${type.id}: ${type.label}${type.ontologyId ? ` (${type.ontologyId})` : ''}`)}`, '')
    for (const id of type.claimIds) {
      const claim = claimsById.get(id)!
      const anchor = anchored.has(id) ? '' : `<a id="${claimAnchor(id)}"></a>`
      anchored.add(id)
      const attributes = `(${claim.category}, ${claim.evidence}${claim.hedged ? ', hedged' : ''})`
      const citations = claim.citations.length > 0 ? ` ${style(claim.citations)}` : ''
      lines.push(`- ${anchor}${escapeInline(`${claim.text} ${attributes}`)}${citations}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

function referencesSection(record: DocumentRecord, options: MarkdownOptions): string {
  if (record.references.length === 0) return ''
  const lines = ['## References', '']
  for (const reference of record.references) {
    const text = options.formattedReferences?.get(reference.number) ?? reference.entry?.raw ?? (reference.csl?.title ? String(reference.csl.title) : 'No bibliography entry.')
    lines.push(`- <a id="${referenceAnchor(reference.number)}"></a>**${reference.number}.** ${escapeInline(text.replace(/^\s*\d+\.\s*/, '').trim())}`)
  }
  lines.push('')
  return lines.join('\n')
}
