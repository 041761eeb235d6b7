import {defineConfig} from 'vitest/config'

/**
 * The files whose tests have a long version (tests/helpers/scale.ts): `npm run test:stress` runs
 * them with CITECLAIM_STRESS=1. `.ci/run` runs it after `npm test`.
 */
export const stressFiles = [
  'tests/hostile/sigkill.test.ts',
  'tests/bibliography/format-references-identity.test.ts',
  'tests/hostile/sigint.test.ts',
  'tests/hostile/linear-time.test.ts',
  'tests/hostile/outstanding-fixed.test.ts',
  'tests/hostile/big-inputs.test.ts',
  'tests/hostile/properties.test.ts',
  'tests/parse/offset-map.test.ts',
  'tests/parse/white-space.test.ts',
  'tests/parse/hyphenation.test.ts',
  'tests/emit/plain-text.test.ts',
  'tests/emit/join-literals.test.ts',
  'tests/entities/abbreviation-prefilter.test.ts'
]

export default defineConfig({
  test: {
    include: stressFiles,
    env: {CITECLAIM_STRESS: '1'},
    // Long runs on a machine that may be loaded: timeouts only catch a hang.
    testTimeout: 60 * 60_000,
    hookTimeout: 10 * 60_000,
    pool: 'forks',
    // Prepares both input formats and the built-in outputs, as the package's entry point does (see the file).
    setupFiles: ['tests/helpers/prepare-pipeline.ts'],
    // Builds, once per run, the CLI that tests running a CLI of their own use (tests/hostile/private-cli.ts).
    globalSetup: ['tests/helpers/build-cli-once.ts']
  }
})
