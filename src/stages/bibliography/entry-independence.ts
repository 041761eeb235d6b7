/**
 * Whether a CSL style formats each bibliography entry from that entry alone.
 *
 * citeproc formats a bibliography as a whole: disambiguation (year suffixes "2006a", added names or
 * given names, which citeproc carries into the bibliography too), `subsequent-author-substitute`
 * ("———." for a repeated author) and the citation number make an entry's text depend on the other
 * entries. A style that uses none of these gives every entry the same text whichever entries it is
 * formatted with, so a formatted entry can be reused for the same item in any document; the leading
 * number label ("1." or "[1]") is the one exception allowed, since citeclaim strips it.
 *
 * The check reads the style's XML text and is conservative: anything it does not recognise as safe
 * (a disambiguation option, a `disambiguate` condition, the `year-suffix` variable, the citation
 * number used anywhere but as the bibliography's leading label or a sort key) makes it answer false.
 */
export function entriesAreIndependent(styleXml: string): boolean {
  const xml = withoutComments(styleXml)
  if (/\bdisambiguate-add-(?:year-suffix|names|givenname)\s*=\s*["'](?!false["'])/.test(xml)) return false
  if (/\bgivenname-disambiguation-rule\s*=\s*["'](?!by-cite["'])/.test(xml)) return false
  if (/\bdisambiguate\s*=\s*["']true["']/.test(xml)) return false
  if (/\bsubsequent-author-substitute\s*=/.test(xml)) return false
  if (/year-suffix/.test(xml.replace(/disambiguate-add-year-suffix\s*=\s*["']false["']/g, ''))) return false
  const bibliography = /<bibliography\b[\s\S]*?<\/bibliography>/.exec(xml)?.[0]
  if (bibliography === undefined) return false
  // The citation number may appear in the citation, as a sort key, and as the bibliography's
  // leading label only; a macro using it could print it anywhere.
  if (/citation-number/.test(macrosOf(xml))) return false
  const layout = /<layout\b[^>]*>([\s\S]*?)<\/layout>/.exec(bibliography)?.[1] ?? ''
  const label = /^\s*<text\b([^>]*)\/>/.exec(layout)
  const uses = (layout.match(/citation-number/g) ?? []).length
  if (uses === 0) return true
  if (uses > 1 || !label || !/\bvariable\s*=\s*["']citation-number["']/.test(label[1]!)) return false
  return isStrippedLabel(label[1]!)
}

/** A label attribute list whose output citeclaim strips: `N.` (suffix ".") or `[N]` (prefix "[", suffix "]"). */
function isStrippedLabel(attributes: string): boolean {
  const prefix = /\bprefix\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? ''
  const suffix = /\bsuffix\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? ''
  if (/\b(?:form|text-case|strip-periods|quotes)\s*=/.test(attributes)) return false
  return (prefix === '' && suffix.trim() === '.') || (prefix === '[' && suffix.trim() === ']')
}

function withoutComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, '')
}

function macrosOf(xml: string): string {
  return (xml.match(/<macro\b[\s\S]*?<\/macro>/g) ?? []).join('\n')
}
