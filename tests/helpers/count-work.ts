/*
 * Work counting for complexity tests that must not depend on the machine's speed or load: while a
 * synchronous function runs, the built-in array scans are charged the length of the array they are
 * called on, and each Set/Map look-up one step. The count is deterministic, so the same input always
 * costs the same, and a scan of a growing list per item (`list.includes(x)`, `kept.some(…)`) or a
 * probe loop over a Set shows as quadratic growth. Plain loops and regular expressions are not
 * counted: tests/hostile/linear-time.test.ts bounds those with inputs too big for quadratic work.
 */

/** Array methods that visit (up to) every element: charged `this.length` per call. */
const arrayScans = [
  'includes', 'indexOf', 'lastIndexOf', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex',
  'filter', 'map', 'flatMap', 'forEach', 'reduce', 'reduceRight', 'join', 'slice', 'sort', 'splice', 'toSorted'
] as const

/** Set and Map methods: one step per call. */
const lookups: Array<[object, string]> = [
  [Set.prototype, 'has'], [Set.prototype, 'add'], [Set.prototype, 'delete'],
  [Map.prototype, 'has'], [Map.prototype, 'get'], [Map.prototype, 'set'], [Map.prototype, 'delete']
]

/**
 * Runs `run` (synchronous) and returns the work it did, counted as described above. The built-ins
 * are patched only while it runs and restored afterwards, even when it throws.
 */
export function countWork(run: () => unknown): number {
  let work = 0
  const restore: Array<() => void> = []
  const patch = (target: object, name: string, cost: (self: unknown) => number): void => {
    const original = Reflect.get(target, name) as (...args: unknown[]) => unknown
    const counted = function (this: unknown, ...args: unknown[]): unknown {
      work += cost(this)
      return Reflect.apply(original, this, args)
    }
    Object.defineProperty(target, name, {value: counted, writable: true, configurable: true, enumerable: false})
    restore.push(() => Object.defineProperty(target, name, {value: original, writable: true, configurable: true, enumerable: false}))
  }
  for (const name of arrayScans) patch(Array.prototype, name, (self) => (self as {length?: number}).length ?? 0)
  for (const [target, name] of lookups) patch(target, name, () => 1)
  try {
    run()
  } finally {
    for (const undo of restore.reverse()) undo()
  }
  return work
}

/**
 * How much more work `run` does on `build(10 * size)` than on `build(size)`: about 10 for linear
 * work, 100 for quadratic. Deterministic, so a bound like 20 never flakes.
 */
export function workGrowth<T>(run: (input: T) => unknown, build: (size: number) => T, size: number): number {
  const small = build(size)
  const big = build(10 * size)
  return countWork(() => run(big)) / Math.max(1, countWork(() => run(small)))
}
