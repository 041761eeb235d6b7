import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import {createJiti} from 'jiti'
import {ConfigError, resolveConfig} from './resolve-config.js'
import type {ResolvedConfig} from './types.js'

/** Config file names looked for in the working directory, in order. */
export const configFileNames = ['pipeline.config.ts', 'pipeline.config.mts', 'pipeline.config.js', 'pipeline.config.mjs']

/**
 * Loads and resolves the config: `file` if given, else the first `pipeline.config.*` in `cwd`, else
 * the defaults. TypeScript configs load through jiti (Node 20 cannot import .ts by itself).
 */
export async function loadConfig(file?: string, cwd = process.cwd()): Promise<{config: ResolvedConfig; path?: string}> {
  const path = file ? resolve(cwd, file) : configFileNames.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate))
  if (!path) return {config: resolveConfig({})}
  if (!existsSync(path)) throw new ConfigError(`config file not found: ${file}`, file)
  let loaded: unknown
  try {
    const jiti = createJiti(import.meta.url, {moduleCache: false, fsCache: false})
    loaded = await jiti.import(path, {default: true})
  } catch (error) {
    throw new ConfigError(`cannot load config ${path}: ${(error as Error).message.split('\n')[0]}`, path)
  }
  return {config: resolveConfig(loaded, path), path}
}
