import type {Nodes, Parents} from 'mdast'

/**
 * What a `walk` visitor returns: `skipChildren` to leave the node's children unvisited, anything else
 * (or nothing) to go on into them.
 */
export const skipChildren = true

export type WalkVisitor<State = undefined> = (node: Nodes, parent: Parents | undefined, state: State) => boolean | void

/**
 * Calls `visitor` on `node` and every node below it in preorder, as unist-util-visit's `visit` does
 * for a visitor that returns only `SKIP` or nothing. The children are read after the visitor ran, so
 * it may replace the node's own children (it must not change its siblings: use a loop of your own).
 * `state` is passed to every call: a stage's visitor can then be a function of its module, made once,
 * rather than a closure made for each document, whose optimised code V8 drops at every full
 * collection once no instance of it is alive, and compiles again for the next document.
 *
 * Not unist-util-visit: it builds a closure, an ancestors array and a function name (for stack
 * traces) per node, which made walking cost as much as the work done on the nodes in our stages.
 * Not recursive either: a tree as deep as the stack (nested block quotes, lists or emphasis in a
 * Markdown input) would overflow it.
 */
export function walk(node: Nodes, visitor: WalkVisitor): void
export function walk<State>(node: Nodes, visitor: WalkVisitor<State>, state: State): void
export function walk<State>(node: Nodes, visitor: WalkVisitor<State | undefined>, state?: State): void {
  // Nodes still to visit, last first, with their parents at the same index.
  const nodes: Nodes[] = [node]
  const parents: Array<Parents | undefined> = [undefined]
  while (nodes.length > 0) {
    const current = nodes.pop()!
    const currentParent = parents.pop()
    if (visitor(current, currentParent, state) === skipChildren) continue
    const children = 'children' in current ? (current.children as Nodes[] | undefined) : undefined
    if (!children) continue
    for (let index = children.length - 1; index >= 0; index--) {
      nodes.push(children[index]!)
      parents.push(current as Parents)
    }
  }
}
