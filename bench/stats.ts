/**
 * The timing helpers every bench script shares, so that each figure in bench/results.json is the
 * same kind of median, rounded the same way.
 */

/** The median of `values` (the mean of the two middle ones when their number is even). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** `value` rounded to `digits` decimals, as a number (for JSON). */
export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits))
}

/** Wall milliseconds `work` takes, run once in this thread. */
export function timeMs(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}
