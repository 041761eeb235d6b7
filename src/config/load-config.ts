import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import {createJiti, type TransformOptions, type TransformResult} from 'jiti'
import {ConfigError, resolveConfig} from './resolve-config.js'
import {cachedTransform, privateCacheFolder, type TranspileCacheStats} from './transpile-cache.js'
import type {ResolvedConfig} from './types.js'

/** Config file names looked for in the working directory, in order. */
export const configFileNames = ['pipeline.config.ts', 'pipeline.config.mts', 'pipeline.config.js', 'pipeline.config.mjs']

/** Where `loadConfig` keeps what it transpiles. */
export interface LoadConfigOptions {
  /**
   * The folder the private transpile cache is made in (`citeclaim-<uid>/config` inside it; default
   * the OS temp folder), or false for no cache.
   */
  cacheRoot?: string | false
  /** Counts the cache's hits and misses. */
  stats?: TranspileCacheStats
}

/**
 * Loads and resolves the config: `file` if given, else the first `pipeline.config.*` in `cwd`, else
 * the defaults. TypeScript configs load through jiti (Node 20 cannot import .ts by itself); what jiti
 * transpiles is cached by content in a private folder (see `transpile-cache.ts`), so a run with an
 * unchanged config does not load the transpiler.
 */
export async function loadConfig(file?: string, cwd = process.cwd(), options: LoadConfigOptions = {}): Promise<{config: ResolvedConfig; path?: string}> {
  const path = file ? resolve(cwd, file) : configFileNames.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate))
  if (!path) return {config: resolveConfig({})}
  if (!existsSync(path)) throw new ConfigError(`config file not found: ${file}`, file)
  let loaded: unknown
  try {
    const folder = options.cacheRoot === false ? undefined : privateCacheFolder(options.cacheRoot)
    // jiti's own transform (Babel), loaded only on a cache miss.
    let transpiler: ReturnType<typeof createJiti> | undefined
    const transpile = (request: TransformOptions): TransformResult => ({code: (transpiler ??= createJiti(import.meta.url, {moduleCache: false, fsCache: false})).transform(request)})
    const jiti = createJiti(import.meta.url, {moduleCache: false, fsCache: false, transform: cachedTransform(folder, transpile, options.stats)})
    loaded = await jiti.import(path, {default: true})
  } catch (error) {
    throw new ConfigError(`cannot load config ${path}: ${(error as Error).message.split('\n')[0]}`, path)
  }
  return {config: resolveConfig(loaded, path), path}
}
