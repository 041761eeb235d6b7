/** One citation of a pandoc citation group: `see @smith2020, p. 3` is prefix, key and suffix. */
export interface PandocCitationItem {
  key: string
  /** Text before the key inside brackets (`see`), trimmed. */
  prefix: string
  /** Text after the key (`, p. 3`, or the bracketed locator of `@smith2020 [p. 3]`), trimmed. */
  suffix: string
  /** `[-@smith2020]`: the author's name is left out of the rendered citation. */
  suppressAuthor: boolean
}

/** A pandoc citation group found in a string, at [start, end) of that string. */
export interface PandocCitationGroup {
  start: number
  end: number
  /** `[@a; @b]` is bracketed (parenthetical); `@a` and `@a [p. 3]` are in-text (narrative). */
  bracketed: boolean
  items: PandocCitationItem[]
}

/**
 * A citation key as pandoc reads one: `@` then a letter, digit or `_`, then those and internal
 * punctuation (`:.#$%&-+?<>~/`, each followed by a letter, digit or `_`); or any key in braces
 * (`@{Smith: a key}`).
 */
const keySource = String.raw`@(?:\{([^{}\n]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))`
/** One citation inside brackets: prefix, optional `-`, key, suffix. */
const bracketItem = new RegExp(String.raw`^([^@]*?)(-?)${keySource}([^@]*)$`, 'su')
const inText = new RegExp(keySource, 'gu')
/** The locator of an in-text citation: `@smith2020 [p. 3]` (no key inside). */
const locator = /^ \[([^[\]@]*)\]/

/**
 * Finds pandoc citations in `text`: bracketed groups `[@smith2020; see @lee2018, p. 3]`,
 * `[-@smith2020]`, and in-text ones `@smith2020` (with an optional locator, `@smith2020 [p. 3]`).
 * A bracket counts only when every `;`-separated part holds one key; an `@` after a letter or digit
 * (`name@example.org`) is not a citation; a bracket followed by `(` or `[` is a link, not a citation.
 * In document order; linear in the text's length.
 */
export function findPandocCitations(text: string): PandocCitationGroup[] {
  const groups: PandocCitationGroup[] = []
  // Innermost brackets, found by a scan rather than a pattern (a `[` with many `@` and no `]` after
  // it would make `\[[^\]]*@[^\]]*\]` backtrack quadratically).
  let open = -1
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '[') open = index
    else if (char === ']' && open !== -1) {
      const body = text.slice(open + 1, index)
      const start = open
      open = -1
      if (!body.includes('@') || text[index + 1] === '(' || text[index + 1] === '[') continue
      const items = parseBracketBody(body)
      if (items) groups.push({start, end: index + 1, bracketed: true, items})
    }
  }
  const taken = groups.slice()
  let next = 0
  for (const match of text.matchAll(inText)) {
    const start = match.index
    while (next < taken.length && taken[next]!.end <= start) next++
    if (next < taken.length && taken[next]!.start <= start) continue
    if (start > 0 && /[\p{L}\p{N}_@\\]/u.test(text[start - 1]!)) continue
    let end = start + match[0].length
    const found = locator.exec(text.slice(end, end + 200))
    const suffix = found ? found[1]!.trim() : ''
    if (found) end += found[0].length
    groups.push({start, end, bracketed: false, items: [{key: match[1] ?? match[2]!, prefix: '', suffix, suppressAuthor: false}]})
  }
  return groups.sort((a, b) => a.start - b.start)
}

/** The citations of a bracket's body, or undefined when a part of it is not one citation. */
export function parseBracketBody(body: string): PandocCitationItem[] | undefined {
  const items: PandocCitationItem[] = []
  for (const part of body.split(';')) {
    const match = bracketItem.exec(part)
    if (!match) return undefined
    const [, prefix, dash, braced, plain, suffix] = match
    // `a@b` inside a bracket is an address, not a key.
    if (prefix !== '' && /[\p{L}\p{N}_]$/u.test(prefix!) && dash === '') return undefined
    items.push({key: braced ?? plain!, prefix: prefix!.trim(), suffix: suffix!.trim(), suppressAuthor: dash === '-'})
  }
  return items
}
