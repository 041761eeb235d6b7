import type {Text} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {OffsetMap} from './offset-map.js'

type Locator = ReturnType<typeof location>
const locators = new WeakMap<VFile, Locator>()

/** Line and column of an offset in the original input of `file`. */
export function pointAt(file: VFile, offset: number): Point {
  let locator = locators.get(file)
  if (!locator) {
    locator = location(file)
    locators.set(file, locator)
  }
  const point = locator.toPoint(offset)
  if (point) return {line: point.line, column: point.column, offset}
  const text = String(file.value)
  const lines = text.split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length}
}

/**
 * The offset map of a text node: the one the PDF-text parser left, or, for Markdown, one that reads
 * the value straight off the source (exact unless the source used escapes or entities).
 */
export function offsetMapOf(node: Text): OffsetMap {
  return node.data?.offsetMap ?? OffsetMap.identity(node.position?.start.offset ?? 0, node.value.length)
}

/** The original position of cleaned range [start, end) of a text node. */
export function positionOf(file: VFile, map: OffsetMap, start: number, end: number): Position {
  return {start: pointAt(file, map.toOriginal(start)), end: pointAt(file, map.toOriginalEnd(end))}
}
