/**
 * The JSON Schema formats `config-schema.ts` uses that ajv does not know. The generated validator
 * (`config-validator.generated.ts`) imports them from here, so the check it runs is this code.
 */
export const configFormats = {
  /** A pattern as citeclaim compiles it: with the `i` and `u` flags. */
  regex: isRegexSource
}

function isRegexSource(source: string): boolean {
  try {
    new RegExp(source, 'iu')
    return true
  } catch {
    return false
  }
}
