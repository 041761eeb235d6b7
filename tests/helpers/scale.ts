/*
 * Two sizes of the same tests. `npm test` runs the quick size, small enough for every commit;
 * `npm run test:stress` (vitest.stress.config.ts, which sets CITECLAIM_STRESS=1) runs the long
 * versions: more kills, more property runs, bigger inputs. Both sizes test the same thing; the
 * stress size only tries more cases.
 */

/** Whether this is the stress run (`npm run test:stress`). */
export const stress = process.env.CITECLAIM_STRESS === '1'

/** `quick` in `npm test`, `full` in `npm run test:stress`. */
export function scaled<T>(quick: T, full: T): T {
  return stress ? full : quick
}

/**
 * Runs per fast-check property: `quick` in `npm test`, `full` in the stress run, and at least
 * CITECLAIM_FUZZ_RUNS when that is set (to try more cases of one file by hand).
 */
export function fuzzRuns(quick: number, full: number): number {
  return Math.max(scaled(quick, full), Number(process.env.CITECLAIM_FUZZ_RUNS ?? 0))
}
