/**
 * Appends `items` to `target` one by one. Not `target.push(...items)`: spreading an array into
 * arguments puts every element on the stack, and past about 120,000 elements (a bibliography, a
 * folder of inputs, a paragraph's lines) that throws `RangeError: Maximum call stack size exceeded`.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}

/** The largest of `values` and `floor`, without spreading them into `Math.max`'s arguments (see `pushAll`). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor
  for (const value of values) if (value > max) max = value
  return max
}
