/** A node of pandoc's JSON AST (`pandoc --to json`): its type and content. */
export interface PandocNode {
  t: string
  c?: unknown
}

/** Plain text of pandoc AST inlines or blocks (raw HTML or LaTeX left out). */
export function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join('')
  if (value === null || typeof value !== 'object') return ''
  const node = value as PandocNode
  if (node.t === 'Str') return String(node.c)
  if (node.t === 'Space' || node.t === 'SoftBreak' || node.t === 'LineBreak') return ' '
  if (node.t === 'RawInline' || node.t === 'RawBlock') return ''
  return plain(node.c)
}

/** Every node of type `t` in document order. */
export function collect(value: unknown, t: string, out: PandocNode[] = []): PandocNode[] {
  if (Array.isArray(value)) for (const item of value) collect(item, t, out)
  else if (value !== null && typeof value === 'object') {
    const node = value as PandocNode
    if (node.t === t) out.push(node)
    collect(node.c ?? (value as {blocks?: unknown}).blocks, t, out)
  }
  return out
}

/** Each pandoc citation of an AST: the keys it cites and the text citeproc rendered for it. */
export function pandocCites(ast: unknown): Array<{ids: string[]; rendered: string}> {
  return collect(ast, 'Cite').map((node) => {
    const [citations, rendered] = node.c as [Array<{citationId: string}>, unknown]
    return {ids: citations.map((citation) => citation.citationId), rendered: plain(rendered)}
  })
}
