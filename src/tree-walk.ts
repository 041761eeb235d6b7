import type {Nodes, Parents} from 'mdast'

/**
 * What a `walk` visitor returns: `skipChildren` to leave the node's children unvisited, anything else
 * (or nothing) to go on into them.
 */
export const skipChildren = true

export type WalkVisitor = (node: Nodes, parent: Parents | undefined) => boolean | void

/**
 * Calls `visitor` on `node` and every node below it in preorder, as unist-util-visit's `visit` does
 * for a visitor that returns only `SKIP` or nothing. The children are read after the visitor ran, so
 * it may replace the node's own children (it must not change its siblings: use a loop of your own).
 *
 * Not unist-util-visit: it builds a closure, an ancestors array and a function name (for stack
 * traces) per node, which made walking cost as much as the work done on the nodes in our stages.
 */
export function walk(node: Nodes, visitor: WalkVisitor, parent?: Parents): void {
  if (visitor(node, parent) === skipChildren) return
  const children = 'children' in node ? (node.children as Nodes[] | undefined) : undefined
  if (!children) return
  for (let index = 0; index < children.length; index++) walk(children[index]!, visitor, node as Parents)
}
