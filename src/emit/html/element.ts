import type {Element, ElementContent, Properties, Text} from 'hast'

/**
 * A hast element built directly, for the nodes a page has by the thousand (sentences, citations,
 * claims, references). hastscript parses a selector and normalises every property on each call,
 * which on the seed's page cost as much as serialising it; here `properties` are already hast
 * properties (`className: ['x']`, `dataType`), and strings become text nodes. Adjacent text (strings
 * and text nodes) becomes one text node: the serialiser's cost is per node, and a run of sentences
 * with their citation brackets is otherwise dozens of them.
 */
export function element(tagName: string, properties: Properties, children: ReadonlyArray<ElementContent | string>): Element {
  return {type: 'element', tagName, properties, children: mergeText(children)}
}

/** A hast text node: how every piece of input text enters a page. */
export function text(value: string): Text {
  return {type: 'text', value}
}

/** `children` with strings made text nodes and each run of adjacent text joined into one; empty text dropped. */
export function mergeText(children: ReadonlyArray<ElementContent | string>): ElementContent[] {
  const out: ElementContent[] = []
  let run = ''
  for (const child of children) {
    if (typeof child === 'string') run += child
    else if (child.type === 'text') run += child.value
    else {
      if (run !== '') out.push(text(run))
      run = ''
      out.push(child)
    }
  }
  if (run !== '') out.push(text(run))
  return out
}
