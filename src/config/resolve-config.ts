import type {ValidateFunction} from 'ajv'
import generatedValidator from './config-validator.generated.js'
import {defaults} from './defaults.js'
import {unsafePatterns, type UnsafePatternsOptions} from './unsafe-patterns.js'
import type {ResolvedConfig, UserConfig} from './types.js'

/** A configuration that does not match what citeclaim expects; `message` names the key path. */
export class ConfigError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

// ajv's standalone code for `configSchema`, generated ahead (scripts/generate-config-validator.ts),
// so that start-up does not load ajv and compile the schema.
const validate = generatedValidator as unknown as ValidateFunction<UserConfig>

/**
 * Checks a user config and fills in every default; throws `ConfigError` naming the offending key.
 * `options.cacheFolder` (the private cache folder `loadConfig` uses) lets a run skip the pattern
 * checks for patterns that passed them before.
 */
export function resolveConfig(user: unknown, file?: string, options: UnsafePatternsOptions = {}): ResolvedConfig {
  if (!validate(user)) {
    const messages = (validate.errors ?? []).map((error) => {
      const path = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(root)'
      const detail =
        error.keyword === 'additionalProperties'
          ? `unknown key "${String(error.params['additionalProperty'])}"`
          : error.keyword === 'contains'
            ? 'must include "json" (the corpus files and incremental runs are built from the JSON record)'
            : error.keyword === 'format'
            ? 'expected a valid regular expression'
            : error.keyword === 'enum'
              ? `expected one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
              : error.message ?? 'is invalid'
      return `${path}: ${detail}`
    })
    throw new ConfigError(`invalid config: ${[...new Set(messages)].join('; ')}`, file)
  }
  const config = user as UserConfig
  const resolved: ResolvedConfig = {
    input: config.input ?? defaults.input,
    output: config.output ?? defaults.output,
    concurrency: config.concurrency ?? defaults.concurrency,
    citations: {...defaults.citations, ...config.citations},
    bibliography: {...defaults.bibliography, ...config.bibliography, files: {...config.bibliography?.files}},
    entityTypes: config.entityTypes ?? defaults.entityTypes,
    distractors: config.distractors ?? defaults.distractors,
    claims: {...defaults.claims, ...config.claims},
    markdown: {...defaults.markdown, ...config.markdown},
    text: {...defaults.text, ...config.text},
    outputs: config.outputs ?? defaults.outputs
  }
  const ids = new Set<string>()
  for (const [index, type] of resolved.entityTypes.entries()) {
    if (ids.has(type.id)) throw new ConfigError(`invalid config: entityTypes.${index}.id: duplicate id "${type.id}"`, file)
    ids.add(type.id)
  }
  for (const [index, distractor] of resolved.distractors.entries()) {
    if (distractor.impliesType !== undefined && !ids.has(distractor.impliesType)) {
      throw new ConfigError(`invalid config: distractors.${index}.impliesType: expected one of the entityTypes ids (${[...ids].join(', ')})`, file)
    }
  }
  const unsafe = unsafePatterns(resolved.claims, options)
  if (unsafe.length > 0) throw new ConfigError(`invalid config: ${unsafe.join('; ')}`, file)
  const categoryIds = resolved.claims.categories.map((c) => c.id)
  if (!categoryIds.includes(resolved.claims.defaultCategory)) {
    throw new ConfigError(`invalid config: claims.defaultCategory: expected one of ${categoryIds.join(', ')}`, file)
  }
  return resolved
}
