/**
 * The source of `src/config/config-validator.generated.ts`: ajv's standalone code for the config
 * schema, so that a run checks its config without loading ajv and compiling the schema.
 * `npm run generate:config-validator` writes it; tests/config/config-validator.test.ts
 * fails when the committed file is not what this makes from the current schema.
 */
import {Ajv, _} from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'
import {configFormats} from '../src/config/config-formats.js'
import {configSchema} from '../src/config/config-schema.js'

/** Where the generated module lives, from the repository root. */
export const configValidatorPath = 'src/config/config-validator.generated.ts'

/** The generated module's text: a validator with the same errors `ajv.compile(configSchema)` gives. */
export function configValidatorSource(): string {
  // The options the schema was compiled with at run time before; `code.formats` names the formats object the module imports.
  const ajv = new Ajv({allErrors: true, strict: false, formats: configFormats, code: {source: true, esm: true, formats: _`configFormats`}})
  // `.default`: the CommonJS module is the function, and has itself as `default` (how TypeScript types it).
  const code = standaloneCode.default(ajv, ajv.compile(configSchema))
  // ajv's runtime helpers (ucs2length for minLength) stay CommonJS `require`s in its ESM output:
  // the module makes itself a `require` for them. Nothing else may be required.
  const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])
  const unexpected = required.find((path) => !/^ajv\/dist\/runtime\/[a-z0-9]+$/.test(path!))
  if (unexpected !== undefined) throw new Error(`the standalone config validator requires "${unexpected}", not one of ajv's runtime helpers`)
  return [
    '// @ts-nocheck',
    '// Generated from src/config/config-schema.ts by scripts/generate-config-validator.ts: do not edit.',
    "import {createRequire} from 'node:module'",
    "import {configFormats} from './config-formats.js'",
    'const require = createRequire(import.meta.url)',
    code.replace(/^"use strict";/, ''),
    ''
  ].join('\n')
}
