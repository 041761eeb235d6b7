/** An abbreviation defined in the text: `hematopoietic stem cells (HSCs)`. */
export interface AbbreviationDefinition {
  /** The short form as written (`HSCs`). */
  short: string
  /** The long form it stands for (`hematopoietic stem cells`). */
  long: string
}

const candidate = /\(([^()\s][^()]{0,14})\)/g

/**
 * Finds abbreviation definitions with the Schwartz–Hearst algorithm (Schwartz & Hearst, PSB 2003):
 * a short form in parentheses after its long form, where every letter of the short form appears, in
 * order, in the long form, the first letter starting a word.
 */
export function findAbbreviationDefinitions(text: string): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = []
  candidate.lastIndex = 0
  for (let match = candidate.exec(text); match; match = candidate.exec(text)) {
    const short = match[1]!.trim()
    if (!isShortForm(short)) continue
    const words = text.slice(Math.max(0, match.index - 200), match.index).trimEnd().split(/\s+/)
    const maxWords = Math.min(short.length + 5, short.length * 2)
    const window = words.slice(-maxWords).join(' ')
    const long = bestLongForm(short, window)
    if (long && long.length > short.length) found.push({short, long})
  }
  return found
}

function isShortForm(short: string): boolean {
  if (short.split(/\s+/).length > 2 || short.length < 2 || short.length > 12) return false
  if (!/^[\p{L}\p{N}]/u.test(short) || !/\p{L}/u.test(short)) return false
  return /\p{Lu}/u.test(short)
}

/** The shortest tail of `window` that covers the short form's letters and digits in order. */
function bestLongForm(short: string, window: string): string | undefined {
  let s = short.length - 1
  let l = window.length - 1
  while (s >= 0) {
    const c = short[s]!.toLowerCase()
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--
      continue
    }
    while (l >= 0 && (window[l]!.toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(window[l - 1]!)))) l--
    if (l < 0) return undefined
    l--
    s--
  }
  const start = window.lastIndexOf(' ', l) + 1
  return window.slice(start).replace(/^[\s,;:(]+/, '')
}
