/** One object of a CSL-JSON array as the file writes it. */
export interface CslJsonObjectText {
  /** The object's text, from its `{` to its `}`. */
  text: string
  /**
   * Where the value of its `id` member stands in `text` (inside the quotes), when the object has one
   * `id` member and it is a string written without escapes; undefined otherwise.
   */
  id?: {start: number; end: number}
}

/**
 * The objects of a CSL-JSON file written as an array of objects (`[ {…}, {…} ]`), each as the file
 * writes it: an entry then costs a slice of the file, not a `JSON.parse` of the whole and a
 * `JSON.stringify` per item. Only the array's frame is checked here (JSON white space, `[`, commas
 * between objects, `]`, nothing after it); each object's text is left to `JSON.parse`, and an object
 * that is not valid JSON ends at a bracket where a valid one could not, so its text does not parse
 * either. Undefined when the text is not such an array, or the array is empty: the caller then reads
 * the file whole, which reports what is wrong.
 *
 * An `id` is only located where no member name at the object's top level is written with an escape
 * (`"\u0069d"` is `id` to `JSON.parse`) and `id` is named once (`JSON.parse` keeps the last of two).
 */
export function splitCslJson(text: string): CslJsonObjectText[] | undefined {
  const objects: CslJsonObjectText[] = []
  let index = skipWhiteSpace(text, 0)
  if (text.charCodeAt(index) !== 0x5b /* [ */) return undefined
  index = skipWhiteSpace(text, index + 1)
  if (text.charCodeAt(index) === 0x5d /* ] */) return undefined
  for (;;) {
    const object = objectAt(text, index)
    if (!object) return undefined
    objects.push(object.object)
    index = skipWhiteSpace(text, object.end)
    const separator = text.charCodeAt(index)
    if (separator === 0x2c /* , */) {
      index = skipWhiteSpace(text, index + 1)
      continue
    }
    if (separator !== 0x5d /* ] */) return undefined
    return skipWhiteSpace(text, index + 1) === text.length ? objects : undefined
  }
}

/** JSON's white space: space, tab, line feed, carriage return. */
function skipWhiteSpace(text: string, index: number): number {
  for (;;) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return index
    index++
  }
}

/** The object starting at `index` (its `{`) and the index after its closing bracket; undefined when none starts there or the text ends inside it. */
function objectAt(text: string, start: number): {object: CslJsonObjectText; end: number} | undefined {
  if (text.charCodeAt(start) !== 0x7b /* { */) return undefined
  let depth = 0
  let idValue: {start: number; end: number} | undefined
  let idMembers = 0
  let escapedName = false
  let index = start
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === 0x22 /* " */) {
      const end = stringEnd(text, index)
      if (end === -1) return undefined
      // A string at the object's own level followed by a colon is a member name.
      if (depth === 1) {
        const colon = skipWhiteSpace(text, end)
        if (text.charCodeAt(colon) === 0x3a /* : */) {
          const name = text.slice(index + 1, end - 1)
          if (name.includes('\\')) escapedName = true
          if (name === 'id') {
            idMembers++
            const valueStart = skipWhiteSpace(text, colon + 1)
            const valueEnd = text.charCodeAt(valueStart) === 0x22 ? stringEnd(text, valueStart) : -1
            idValue = valueEnd === -1 || text.slice(valueStart + 1, valueEnd - 1).includes('\\') ? undefined : {start: valueStart + 1 - start, end: valueEnd - 1 - start}
          }
        }
      }
      index = end
      continue
    }
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) depth++
    else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--
      if (depth === 0) {
        const object: CslJsonObjectText = {text: text.slice(start, index + 1)}
        if (idValue && idMembers === 1 && !escapedName) object.id = idValue
        return {object, end: index + 1}
      }
    }
    index++
  }
  return undefined
}

/**
 * The index after the closing quote of the string whose opening quote is at `index`, or -1 when the
 * text ends first. Found with `indexOf` (strings are most of a CSL-JSON file): a quote closes the
 * string when an even number of backslashes stands before it.
 */
function stringEnd(text: string, index: number): number {
  let from = index + 1
  for (;;) {
    const quote = text.indexOf('"', from)
    if (quote === -1) return -1
    let before = quote - 1
    while (before > index && text.charCodeAt(before) === 0x5c /* \ */) before--
    if ((quote - 1 - before) % 2 === 0) return quote + 1
    from = quote + 1
  }
}
