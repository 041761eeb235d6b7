/**
 * Vitest sequencer (vitest.config.ts): within each project, the test files known to take seconds
 * run first, so that none of them is left for the end of the run while the other worker idles.
 * Vitest orders files by the durations it cached on the last run and, with no cache (a fresh clone,
 * CI after `npm ci`), by file size, which put small but slow files such as
 * tests/hostile/large-arrays.test.ts at the end.
 */
import {relative} from 'node:path'
import {BaseSequencer, type TestSpecification} from 'vitest/node'

/**
 * Test files that take several seconds (they spawn the CLI many times, drive chromium, or analyse
 * big inputs), slowest first as measured on two cores. Only the order depends on it: a file
 * missing here still runs.
 */
export const slowFiles = [
  'tests/hostile/sigkill.test.ts',
  'tests/html/hostile-pages.browser.test.ts',
  'tests/html/evidence-map.browser.test.ts',
  'tests/hostile/batch-safety.test.ts',
  'tests/bibliography/format-references-identity.test.ts',
  'tests/batch/lazy-loading.test.ts',
  'tests/hostile/sigint.test.ts',
  'tests/hostile/large-arrays.test.ts',
  'tests/hostile/catalogue.test.ts',
  'tests/cli/cli.test.ts',
  'tests/readme/examples.test.ts',
  'tests/hostile/input-files.test.ts',
  'tests/pipeline/author-year-formatted.test.ts',
  'tests/hostile/outside-check.test.ts',
  'tests/hostile/linear-time.test.ts',
  'tests/batch/corpus-memory.test.ts'
]

/** Vitest's order (projects one after another, cached durations), with `slowFiles` moved to the front of each project's files. */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification): number => {
      const index = slowFiles.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'))
      return index === -1 ? slowFiles.length : index
    }
    const projects = [...new Set(sorted.map((spec) => spec.project.name))]
    // Array.prototype.sort is stable: the files not in the list keep vitest's order.
    return projects.flatMap((name) => sorted.filter((spec) => spec.project.name === name).sort((a, b) => rank(a) - rank(b)))
  }
}
