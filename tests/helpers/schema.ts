import {readFileSync} from 'node:fs'
import {Ajv2020, type ValidateFunction} from 'ajv/dist/2020.js'

/** The JSON Schemas citeclaim ships, by the file they describe. */
export const schemaFiles = {
  document: 'document.schema.json',
  index: 'index.schema.json',
  claimsRow: 'claims-row.schema.json',
  referencesCsl: 'references-csl.schema.json'
} as const

const ajv = new Ajv2020({allErrors: true, strict: true})
const validators = new Map<keyof typeof schemaFiles, ValidateFunction>()

function validator(kind: keyof typeof schemaFiles): ValidateFunction {
  let validate = validators.get(kind)
  if (!validate) {
    const schema = JSON.parse(readFileSync(new URL(`../../schema/${schemaFiles[kind]}`, import.meta.url), 'utf8')) as object
    validate = ajv.compile(schema)
    validators.set(kind, validate)
  }
  return validate
}

/** Validation errors of a value against one of the shipped JSON Schemas, as readable lines ([] if valid). */
export function schemaErrorsOf(kind: keyof typeof schemaFiles, value: unknown): string[] {
  const validate = validator(kind)
  if (validate(value)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`)
}

/** Validation errors of a document record against the shipped JSON Schema, as readable lines ([] if valid). */
export function schemaErrors(record: unknown): string[] {
  return schemaErrorsOf('document', record)
}
