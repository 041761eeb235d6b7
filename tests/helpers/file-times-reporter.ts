/**
 * A vitest reporter for finding where the suite's time goes:
 * `npx vitest run --reporter=default --reporter=./tests/helpers/file-times-reporter.ts`.
 * At the end it prints each test file's whole time (setup file, import of the file and what it
 * imports, hooks and tests), slowest first, and when it ended. The durations vitest's json reporter
 * gives leave out the import and the `beforeAll` hooks: a file that does its work there (runs the CLI
 * before its tests, imports playwright) looks quick in them. The order in
 * tests/helpers/slow-first-sequencer.ts comes from times like these.
 */
import type {Reporter, TestModule, Vitest} from 'vitest/node'

/** One test file's times, in seconds. */
interface FileTimes {
  file: string
  project: string
  /** Setup file, import, hooks and tests. */
  total: number
  /** Import of the test file and what it imports (suite callbacks included). */
  collect: number
  /** Seconds from the start of the run to the end of the file. */
  end: number
}

/** Prints each test file's whole time when the run ends (see the file's comment). */
export default class FileTimesReporter implements Reporter {
  private root = ''
  private start = performance.now()
  private readonly files: FileTimes[] = []

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root
    this.start = performance.now()
  }

  onTestModuleEnd(module: TestModule): void {
    const times = module.diagnostic()
    this.files.push({
      file: module.moduleId.startsWith(this.root + '/') ? module.moduleId.slice(this.root.length + 1) : module.moduleId,
      project: module.project.name,
      total: (times.environmentSetupDuration + times.prepareDuration + times.setupDuration + times.collectDuration + times.duration) / 1000,
      collect: times.collectDuration / 1000,
      end: (performance.now() - this.start) / 1000
    })
  }

  onTestRunEnd(): void {
    const sum = this.files.reduce((total, file) => total + file.total, 0)
    const lines = [...this.files]
      .sort((a, b) => b.total - a.total)
      .map((file) => `${file.total.toFixed(1).padStart(7)} s ${file.collect.toFixed(1).padStart(5)} s ${file.end.toFixed(0).padStart(5)} s  ${file.project.padEnd(9)}${file.file}`)
    console.log(['', `Test files by whole time (sum ${sum.toFixed(1)} s over ${this.files.length} files):`, '  whole  import   ended  project  file', ...lines, ''].join('\n'))
  }
}
