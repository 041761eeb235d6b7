import {spawnSync} from 'node:child_process'

/** Whether `env` says this is CI, read as src/batch/progress.ts reads it ('', '0' and 'false' are not CI). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI']
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/** Whether `command --version` can be run from the PATH of `env`. */
export function commandAvailable(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const result = spawnSync(command, ['--version'], {stdio: 'ignore', env})
  return result.error === undefined && result.status === 0
}

/**
 * Whether the tests that need an external program should run. They run when it is installed, and
 * always in CI, which installs it (.ci/run): there a missing program fails them instead of hiding
 * them. On a developer's machine without it they are skipped, and this prints why and how to
 * install it.
 */
export function runsWith(command: string, install: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (commandAvailable(command, env)) return true
  if (isCi(env)) return true
  console.warn(`skipping the tests that need ${command}: it is not on the PATH (${install}; with CI set they fail instead)`)
  return false
}
