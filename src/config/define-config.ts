import type {UserConfig} from './types.js'

/**
 * Typed identity for `pipeline.config.ts`, the way vite's `defineConfig` works. In a module of its
 * own (`citeclaim/config`), so that loading a config does not load the whole pipeline with it: the
 * main thread of a batch run never needs the pipeline when workers analyse the documents.
 */
export function defineConfig(config: UserConfig): UserConfig {
  return config
}
