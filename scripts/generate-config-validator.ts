/** `npm run generate:config-validator`: rewrites the config validator after a change to the config schema. */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {configValidatorPath, configValidatorSource} from './config-validator-source.js'

writeFileSync(fileURLToPath(new URL('../' + configValidatorPath, import.meta.url)), configValidatorSource())
