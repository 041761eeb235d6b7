import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

/*
 * `npm test`: every test file at its quick size (tests/helpers/scale.ts). Timeouts are generous
 * because the tests that build the CLI with tsc or spawn it run several times slower on a loaded
 * machine; they bound hangs, not speed. Tests whose point is a time bound (tests/hostile/linear-time)
 * set their own.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Prepares both input formats and the built-in outputs, as the package's entry point does (see the file).
    setupFiles: ['tests/helpers/prepare-pipeline.ts'],
    // vitest's default leaves a core idle (one fork on two cores), while many tests spend their
    // time waiting on a child process: two forks take the suite from about 100 s to 70 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1)
  }
})
