import {existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {createRequire} from 'node:module'
import type {TransformOptions, TransformResult} from 'jiti'
import {resolveConfigPaths} from './config-paths.js'
import {checkCslSettings} from './csl-names.js'
import {configFileNames, findConfigFile} from './find-config.js'
import {ConfigError, resolveConfig} from './resolve-config.js'
import {cachedTransform, privateCacheFolder, type TranspileCacheStats} from './transpile-cache.js'
import type {ResolvedConfig} from './types.js'

export {configFileNames}

/**
 * jiti through its CommonJS entry: its ES module entry imports the same 190 KB bundle, which Node's
 * CommonJS lexer then parses for named exports on every run's start-up. Loaded with the first config
 * file.
 */
const loadJiti = (): typeof import('jiti') => createRequire(import.meta.url)('jiti') as typeof import('jiti')

/** How `loadConfig` looks for the config, and where it keeps what it transpiles. */
export interface LoadConfigOptions {
  /** With no config file found, use the defaults (paths from `cwd`) instead of throwing. */
  defaults?: boolean
  /**
   * The folder the private transpile cache is made in (`citeclaim-<uid>/config` inside it, and the
   * pattern checks' cache in `citeclaim-<uid>/patterns`; default the OS temp folder), or false for
   * no cache.
   */
  cacheRoot?: string | false
  /** Counts the cache's hits and misses. */
  stats?: TranspileCacheStats
}

/**
 * Loads, checks and resolves the config: `file` (relative to `cwd`) if given, else the first
 * `pipeline.config.{ts,mts,js,mjs}` in `cwd` or a folder above it. No config found is a
 * `ConfigError` unless `options.defaults`. Paths in the config (`input`, `output`,
 * `bibliography.files`, a `.csl` style) come back absolute, resolved from the config file's folder.
 * TypeScript configs load through jiti (Node 20 cannot import .ts by itself); what jiti transpiles
 * is cached by content in a private folder (see `transpile-cache.ts`), so a run with an unchanged
 * config does not load the transpiler.
 */
export async function loadConfig(file?: string, cwd = process.cwd(), options: LoadConfigOptions = {}): Promise<{config: ResolvedConfig; path?: string}> {
  const path = file ? resolve(cwd, file) : findConfigFile(cwd)
  if (!path) {
    if (!options.defaults) {
      throw new ConfigError(`no config file: none of ${configFileNames.join(', ')} in ${cwd} or a folder above it; write one, name one with --config, or run with --no-config for the defaults`)
    }
    const config = resolveConfigPaths(resolveConfig({}, undefined, {cacheFolder: patternCacheFolder(options)}), cwd)
    checkCslSettings(config)
    return {config}
  }
  if (!existsSync(path)) throw new ConfigError(`config file not found: ${file}`, file)
  let loaded: unknown
  try {
    const folder = options.cacheRoot === false ? undefined : privateCacheFolder(options.cacheRoot)
    // jiti's own transform (Babel), loaded only on a cache miss.
    const {createJiti} = loadJiti()
    let transpiler: ReturnType<typeof createJiti> | undefined
    const transpile = (request: TransformOptions): TransformResult => ({code: (transpiler ??= createJiti(import.meta.url, {moduleCache: false, fsCache: false})).transform(request)})
    const jiti = createJiti(import.meta.url, {moduleCache: false, fsCache: false, transform: cachedTransform(folder, transpile, options.stats)})
    loaded = await jiti.import(path, {default: true})
  } catch (error) {
    throw new ConfigError(`cannot load config ${path}: ${(error as Error).message.split('\n')[0]}`, path)
  }
  const config = resolveConfigPaths(resolveConfig(loaded, path, {cacheFolder: patternCacheFolder(options)}), dirname(path))
  checkCslSettings(config, path)
  return {config, path}
}

/** Where the pattern lists that passed the exponential-time checks are remembered, beside the transpiled modules (none without a cache). */
function patternCacheFolder(options: LoadConfigOptions): string | undefined {
  return options.cacheRoot === false ? undefined : privateCacheFolder(options.cacheRoot, 'patterns')
}
