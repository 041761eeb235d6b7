import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

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
 * Builds the CLI of the current sources into `dir` (bin/, dist/, package.json, a link to
 * node_modules). Tests that run the CLI many times use their own build: another test file may be
 * rebuilding the repository's dist/ at the same moment, and tsc does not write its files atomically.
 */
export function buildPrivateCli(dir: string): PrivateCli {
  mkdirSync(join(dir, 'bin'), {recursive: true})
  const build = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], {cwd: repo, encoding: 'utf8'})
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`)
  copyFileSync(join(repo, 'bin/citeclaim.js'), join(dir, 'bin/citeclaim.js'))
  copyFileSync(join(repo, 'package.json'), join(dir, 'package.json'))
  copyFileSync(join(repo, 'pipeline.config.ts'), join(dir, 'pipeline.config.ts'))
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return {bin: join(dir, 'bin/citeclaim.js'), config: join(dir, 'pipeline.config.ts')}
}
