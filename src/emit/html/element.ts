import type {Element, ElementContent, Properties, Text} from 'hast'

/**
 * A hast element built directly, for the nodes a page has by the thousand (sentences, citations,
 * claims, references). hastscript parses a selector and normalises every property on each call,
 * which on the seed's page cost as much as serialising it; here `properties` are already hast
 * properties (`className: ['x']`, `dataType`), and strings become text nodes.
 */
export function element(tagName: string, properties: Properties, children: ReadonlyArray<ElementContent | string>): Element {
  return {type: 'element', tagName, properties, children: children.map((child) => (typeof child === 'string' ? text(child) : child))}
}

/** A hast text node: how every piece of input text enters a page. */
export function text(value: string): Text {
  return {type: 'text', value}
}
