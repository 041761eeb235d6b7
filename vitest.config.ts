import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'
import {SlowFirstSequencer} from './tests/helpers/slow-first-sequencer.js'

/*
 * `npm test`: every test file at its quick size (tests/helpers/scale.ts). Timeouts are generous
 * because the tests that build the CLI with tsc or spawn it run several times slower on a loaded
 * machine; they bound hangs, not speed. Tests whose point is a time bound (tests/hostile/linear-time)
 * set their own.
 */

/**
 * Test files that need a fresh copy of the modules they import: they mock or spy on modules
 * (vi.mock, vi.spyOn, tests/helpers/count-work.ts), register into the emitter or citation-syntax
 * registries, run a batch in this process (what it writes to the formatted-entry store depends on
 * what the thread formatted before), or look at other state src keeps per thread (the
 * bibliography's parse and format caches and counters, the config pattern checker and transpile
 * cache). A new test file that does any of these goes in this list. The other files share one
 * module graph per worker (`isolate: false`): loading src and its dependencies again for each file
 * cost about 0.7 s of CPU per file (39 unit-test files: 41 CPU s isolated, 15 shared).
 */
const isolated = [
  'tests/bibliography/format-references-identity.test.ts',
  'tests/bibliography/format-references.test.ts',
  'tests/bibliography/formatted-entry-store.test.ts',
  'tests/bibliography/id-free-entry.test.ts',
  'tests/bibliography/parse-each.test.ts',
  'tests/bibliography/references-csl-print.test.ts',
  'tests/bibliography/shared-bibliography-file.test.ts',
  'tests/batch/cache-key.test.ts',
  'tests/batch/cli.test.ts',
  'tests/batch/concurrency.test.ts',
  'tests/batch/corpus-unchanged.test.ts',
  'tests/batch/corpus.test.ts',
  'tests/batch/file-stamps.test.ts',
  'tests/batch/formatted-entry-cache.test.ts',
  'tests/batch/incremental-work.test.ts',
  'tests/batch/incremental.test.ts',
  'tests/batch/pool-size.test.ts',
  'tests/batch/schema-v1-outputs.test.ts',
  'tests/batch/shard-merge.test.ts',
  'tests/batch/untrusted-paths.test.ts',
  'tests/batch/work-sizes-bounded.test.ts',
  'tests/cli/ergonomics.test.ts',
  'tests/html/evidence-map.browser.test.ts',
  'tests/pipeline/registries.test.ts',
  'tests/hostile/batch-safety.test.ts',
  'tests/hostile/input-files.test.ts',
  'tests/hostile/printing.test.ts',
  'tests/config/transpile-cache.test.ts',
  'tests/config/unsafe-patterns.test.ts',
  'tests/hostile/config-patterns.test.ts',
  'tests/hostile/outside-check.test.ts',
  'tests/hostile/outstanding-fixed.test.ts',
  'tests/hostile/output-errors.test.ts',
  'tests/hostile/read-regular-file.test.ts',
  'tests/hostile/test-harness.test.ts',
  'tests/hostile/write-failures.test.ts'
]

/** What both projects below share. */
const common = {
  testTimeout: 180_000,
  hookTimeout: 300_000,
  pool: 'forks' as const,
  // Prepares both input formats and the built-in outputs, as the package's entry point does (see the file).
  setupFiles: ['tests/helpers/prepare-pipeline.ts']
}

export default defineConfig({
  test: {
    // Builds, once per run, the CLI that tests running a CLI of their own use (tests/hostile/private-cli.ts).
    // Here only: projects that extend the root config would each run it again.
    globalSetup: ['tests/helpers/build-cli-once.ts'],
    // vitest's default leaves a core idle (one fork on two cores), while many tests spend their
    // time waiting on a child process or a browser: on this project's 2-core machine, one `npm test`
    // with two forks used 1.35 cores on average (218 s of user and system CPU in 161 s). Measured
    // there within one hour: two forks 155–170 s, three 125.6 s, four 131.9 s.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // The files that take seconds first, with or without vitest's cache of durations (see the file).
    sequence: {sequencer: SlowFirstSequencer},
    projects: [
      {test: {...common, name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false}},
      // Without the setup file: most of these files spawn the CLI or run a batch, which prepares
      // what it needs; the files that analyse with src's pipeline directly import it themselves.
      // It cost about 0.25 s of CPU in each fresh module graph.
      {test: {...common, setupFiles: [], name: 'isolated', include: isolated}}
    ]
  }
})
