import {isAbsolute, resolve} from 'node:path'
import {bundledCslStyles} from './csl-names.js'
import type {ResolvedConfig} from './types.js'

/**
 * The config with its paths made absolute from `base`, the config file's folder: `input`, `output`,
 * the `bibliography.files` and a `.csl` file named as `bibliography.style`. So a config means the
 * same files whatever folder citeclaim is started from. A bundled style name stays a name.
 */
export function resolveConfigPaths(config: ResolvedConfig, base: string): ResolvedConfig {
  const at = (path: string): string => (isAbsolute(path) ? path : resolve(base, path))
  const {style} = config.bibliography
  const files = Object.fromEntries(Object.entries(config.bibliography.files).map(([id, path]) => [id, at(path)]))
  return {
    ...config,
    input: at(config.input),
    output: at(config.output),
    bibliography: {...config.bibliography, files, style: bundledCslStyles.includes(style) ? style : at(style)}
  }
}
