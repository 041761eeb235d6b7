import {readFileSync} from 'node:fs'
import {ConfigError} from './resolve-config.js'
import type {ResolvedConfig} from './types.js'

/**
 * The CSL styles and locales @citation-js/plugin-csl 0.8 bundles, listed here so that checking a
 * config does not load citation-js into the main thread (a test compares them with its registers).
 */
export const bundledCslStyles: readonly string[] = ['apa', 'vancouver', 'harvard1']
export const bundledCslLocales: readonly string[] = ['en-US', 'nl-NL', 'fr-FR', 'de-DE', 'es-ES']

/**
 * Refuses a `bibliography.style` that is neither bundled nor a readable `.csl` file, and a
 * `bibliography.lang` citation-js has no locale for (it would fall back to English without a
 * word): a config error when the config is loaded, not a warning on every document. `style` is a
 * path already made absolute from the config's folder.
 */
export function checkCslSettings(config: ResolvedConfig, file?: string): void {
  const {style, lang} = config.bibliography
  if (!bundledCslStyles.includes(style)) {
    let xml: string
    try {
      xml = readFileSync(style, 'utf8')
    } catch (error) {
      throw new ConfigError(`invalid config: bibliography.style: "${style}" is neither a bundled style (${bundledCslStyles.join(', ')}) nor a readable .csl file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, file)
    }
    if (!/<style[\s>]/.test(xml)) throw new ConfigError(`invalid config: bibliography.style: ${style} is not a CSL style (no <style> element)`, file)
  }
  if (!bundledCslLocales.includes(lang)) {
    throw new ConfigError(`invalid config: bibliography.lang: expected one of ${bundledCslLocales.join(', ')}, not "${lang}"`, file)
  }
}
