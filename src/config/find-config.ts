import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/** Config file names looked for in each folder, in order. */
export const configFileNames = ['pipeline.config.ts', 'pipeline.config.mts', 'pipeline.config.js', 'pipeline.config.mjs']

/**
 * The config file for a run started in `cwd`, found the way vite finds its own: the first
 * `pipeline.config.*` in `cwd`, else in the folder above, up to the file system's root. Undefined
 * when there is none.
 */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd)
  for (;;) {
    for (const name of configFileNames) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
