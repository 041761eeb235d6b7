import {copyFileSync, mkdirSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {inject} from 'vitest'

/** The repository root. */
export const repo = fileURLToPath(new URL('../../', import.meta.url))

/** A CLI built from this tree into a folder of its own. */
export interface PrivateCli {
  /** `bin/citeclaim.js` of the build. */
  bin: string
  /** A copy of the shipped `pipeline.config.ts` beside it, whose `import 'citeclaim/config'` resolves to this build. */
  config: string
}

/**
 * Puts the CLI of the current sources into `dir` (bin/, package.json, links to dist/ and
 * node_modules). Tests that run the CLI many times use their own build: another test file may be
 * rebuilding the repository's dist/ at the same moment, and tsc does not write its files atomically.
 * The dist/ linked is the one built once at the start of the test run (tests/helpers/build-cli-once.ts),
 * which nothing rebuilds; the folder around it is the file's own (a test may add a config beside it).
 */
export function buildPrivateCli(dir: string): PrivateCli {
  mkdirSync(join(dir, 'bin'), {recursive: true})
  symlinkSync(inject('privateDist'), join(dir, 'dist'), 'dir')
  copyFileSync(join(repo, 'bin/citeclaim.js'), join(dir, 'bin/citeclaim.js'))
  copyFileSync(join(repo, 'package.json'), join(dir, 'package.json'))
  copyFileSync(join(repo, 'pipeline.config.ts'), join(dir, 'pipeline.config.ts'))
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return {bin: join(dir, 'bin/citeclaim.js'), config: join(dir, 'pipeline.config.ts')}
}
