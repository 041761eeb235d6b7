/**
 * Prints a JSON value with objects spread over indented lines and each element of an array on one
 * line of its own (compact JSON, no spaces). A document record is then a few lines of header and one
 * line per section, citation group, reference, sentence, claim and diagnostic: readable, a line per
 * record in a diff of committed outputs, and a third smaller than `JSON.stringify(value, null, 2)`
 * (the seed's record: 131,219 bytes against 212,405),
 * which spends most of a record's bytes on the indentation of small objects such as positions.
 * Deterministic: members print in insertion order; `undefined` members are left out, as
 * `JSON.stringify` does. `JSON.parse` of the result equals the value.
 */
export function printRecordJson(value: unknown, elementText?: ElementText): string {
  return print(value, '', elementText) + '\n'
}

/**
 * The text of an element of the array under `key`, when the caller has it already (made once for
 * many records): it must be `JSON.stringify(element)`. Undefined: the printer stringifies it.
 */
export type ElementText = (key: string, element: unknown) => string | undefined

// Built by concatenation, not map/join: on the seed's record this is faster than
// `JSON.stringify(record, null, 2)` was on the version 1 record.
function print(value: unknown, indent: string, elementText: ElementText | undefined, key = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  const inner = indent + '  '
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    let out = '['
    for (let index = 0; index < value.length; index++) out += (index === 0 ? '\n' : ',\n') + inner + (elementText?.(key, value[index]) ?? JSON.stringify(value[index]) ?? 'null')
    return out + '\n' + indent + ']'
  }
  let out = ''
  for (const name of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[name]
    if (member === undefined) continue
    out += (out === '' ? '{\n' : ',\n') + inner + JSON.stringify(name) + ': ' + print(member, inner, elementText, name)
  }
  return out === '' ? '{}' : out + '\n' + indent + '}'
}
