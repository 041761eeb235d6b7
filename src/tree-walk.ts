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
 * Not recursive either: a tree as deep as the stack (nested block quotes, lists or emphasis in a
 * Markdown input) would overflow it.
 */
export function walk(node: Nodes, visitor: WalkVisitor, parent?: Parents): void {
  // Nodes still to visit, last first, with their parents at the same index.
  const nodes: Nodes[] = [node]
  const parents: Array<Parents | undefined> = [parent]
  while (nodes.length > 0) {
    const current = nodes.pop()!
    const currentParent = parents.pop()
    if (visitor(current, currentParent) === skipChildren) continue
    const children = 'children' in current ? (current.children as Nodes[] | undefined) : undefined
    if (!children) continue
    for (let index = children.length - 1; index >= 0; index--) {
      nodes.push(children[index]!)
      parents.push(current as Parents)
    }
  }
}
