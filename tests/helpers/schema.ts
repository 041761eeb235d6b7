import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'

const schema = JSON.parse(readFileSync(new URL('../../schema/document.schema.json', import.meta.url), 'utf8')) as object
const ajv = new Ajv2020({allErrors: true, strict: true})
const validate = ajv.compile(schema)

/** Validation errors of a document record against the shipped JSON Schema, as readable lines ([] if valid). */
export function schemaErrors(record: unknown): string[] {
  if (validate(record)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`)
}
