/*
 * The ids of the anchors citeclaim writes into the annotated Markdown (`<a id="ref:53">`,
 * `<a id="claim:c3">`) and links to from citations and claim tags. Renderers give headings ids made
 * from their text (pandoc's auto_identifiers, GitHub's and remark's slugs): lower case letters,
 * digits, `-`, `_` and `.`, never a colon. An id with a colon is one no heading of the input can
 * take, so an input heading named `ref-1` or `ref:1` never catches a link meant for a reference.
 */

/** The anchor id of reference `n` in the References section: `ref:53`. */
export function referenceAnchor(n: number): string {
  return `ref:${n}`
}

/** The anchor id of claim `id` in the Claims by cell type section: `claim:c3`. */
export function claimAnchor(id: string): string {
  return `claim:${id}`
}

/**
 * Whether a link target from the input points into citeclaim's own anchors (`#ref:…`, `#claim:…`,
 * in any case, with or without white space, or percent-encoded as browsers also resolve it:
 * `#ref%3A1`): such a link would pass for one citeclaim made.
 */
export function isOwnAnchorUrl(url: string): boolean {
  const own = /^#\s*(?:ref|claim)\s*:/i
  if (own.test(url)) return true
  try {
    return own.test(decodeURIComponent(url))
  } catch {
    return false // a malformed escape: no browser decodes it to one of our ids either
  }
}
