import fc from 'fast-check'
import type {Nodes, Parents, Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {skipChildren, walk} from '../../src/tree-walk.js'

/*
 * The stages walk the tree with `walk` instead of unist-util-visit: it must visit the same nodes, with
 * the same parents, in the same order, and skip the same subtrees. Compared on random trees.
 */
type Shape = {type: string; children?: Shape[]}
const types = ['paragraph', 'heading', 'sentence', 'emphasis', 'link', 'text', 'citation', 'blockquote']
const leaf = fc.constantFrom('text', 'citation', 'break').map((type): Shape => ({type}))
const {node} = fc.letrec<{node: Shape}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    leaf,
    fc.tuple(fc.constantFrom(...types), fc.array(tie('node'), {maxLength: 4})).map(([type, children]): Shape => ({type, children}))
  )
}))
const tree = fc.array(node, {maxLength: 5}).map((children) => ({type: 'root', children}) as unknown as Root)

describe('walk', () => {
  it('visits the nodes unist-util-visit visits, with their parents, skipping the same subtrees', () => {
    fc.assert(
      fc.property(tree, fc.subarray(types), (root, skipped) => {
        const expected: Array<[unknown, unknown]> = []
        visit(root, (node, _index, parent) => {
          expected.push([node, parent])
          return skipped.includes(node.type) ? SKIP : undefined
        })
        const actual: Array<[Nodes, Parents | undefined]> = []
        walk(root, (node, parent) => {
          actual.push([node, parent])
          return skipped.includes(node.type) ? skipChildren : undefined
        })
        expect(actual.length).toBe(expected.length)
        actual.forEach(([node, parent], index) => {
          expect(node).toBe(expected[index]![0])
          expect(parent).toBe(expected[index]![1])
        })
      }),
      {numRuns: 500}
    )
  })

  it('passes the state it is given to every call, so that a visitor can be a function made once', () => {
    interface Seen {
      types: string[]
      skipped: readonly string[]
    }
    // One function for every walk: what differs per walk is in the state.
    const record = (node: Nodes, _parent: Parents | undefined, seen: Seen): boolean | undefined => {
      seen.types.push(node.type)
      return seen.skipped.includes(node.type) ? skipChildren : undefined
    }
    fc.assert(
      fc.property(tree, fc.subarray(types), (root, skipped) => {
        const expected: string[] = []
        walk(root, (node) => {
          expected.push(node.type)
          return skipped.includes(node.type) ? skipChildren : undefined
        })
        const first: Seen = {types: [], skipped}
        const second: Seen = {types: [], skipped: []}
        walk(root, record, first)
        walk(root, record, second)
        expect(first.types).toEqual(expected)
        // A second walk's state is its own: nothing skipped, every node.
        let all = 0
        walk(root, () => void all++)
        expect(second.types.length).toBe(all)
      }),
      {numRuns: 300}
    )
  })
})
