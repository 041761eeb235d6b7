/**
 * Where a text carries citeclaim's own anchors, or undefined. The annotated Markdown lists claims and
 * references as `- <a id="claim:c3"></a>…` and `- <a id="ref:53"></a>…`: raw HTML at the start of a
 * list item, which citeclaim never copies from an input (input HTML is printed as text, `\<a`). A
 * document holding such a line is citeclaim output (a copy of `<id>.md` moved out of its output
 * folder, or renamed): read as input it would double every claim tag.
 */
export function annotatedAnchorAt(text: string): {offset: number; anchor: string} | undefined {
  const found = /^- <a id="((?:claim:c|ref:)[1-9]\d*)"><\/a>/m.exec(text)
  return found ? {offset: found.index, anchor: found[1]!} : undefined
}
