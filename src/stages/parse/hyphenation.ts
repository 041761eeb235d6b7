/**
 * Decides whether a hyphen at a line end splits one word (`pro-/longed` → `prolonged`) or belongs to
 * a compound (`bone marrow-/derived` → `marrow-derived`).
 *
 * The document itself is the best dictionary: a form that appears elsewhere on one line wins. When
 * neither form appears, English compounding rules decide.
 */

/**
 * Second parts that make a hyphenated compound in scientific English of any field. A field's own
 * (`CD34-expressing`, `double-blind`) come from the config (`text.compoundHeads`, in a preset).
 */
export const compoundHeads: ReadonlySet<string> = new Set([
  'derived', 'based', 'like', 'related', 'term', 'specific', 'dependent', 'independent', 'induced',
  'mediated', 'associated', 'positive', 'negative', 'free', 'rich', 'type', 'old', 'year', 'fold', 'scale',
  'level', 'step', 'treated', 'activated', 'targeted', 'resistant', 'sensitive', 'containing', 'loaded',
  'controlled', 'up', 'long', 'wide', 'sized', 'speaking', 'reported', 'making'
])

/** Prefixes that keep their hyphen whatever follows. */
const hyphenatedPrefixes = new Set(['self', 'non', 'cross', 'well', 'ill', 'half', 'long', 'short', 'high', 'low', 'all', 'ex', 'full', 'part'])

/** Prefixes that keep their hyphen before a vowel (`anti-inflammatory`, `re-entry`, `co-operation`). */
const vowelPrefixes = new Set(['anti', 'semi', 'multi', 'intra', 'extra', 'ultra', 'co', 're', 'pre', 'de'])

const vowel = /^[aeiou]/i

/** Words that occur in a text, each on one line: the evidence for `keepLineEndHyphen`. */
export interface Vocabulary {
  has(word: string): boolean
  /** The field's own second parts of compounds (lower case), besides {@link compoundHeads}. */
  compoundHeads?: ReadonlySet<string>
}

/**
 * Collects the lower-cased words of `text`: the matches of `[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*` (flags `gu`),
 * and the parts of the hyphenated ones.
 *
 * A hand-written scan, not that regular expression: this runs over the whole input of every
 * document, and the match objects and a `toLowerCase` per word cost more than the scan itself
 * (tests/parse/hyphenation.test.ts checks it against the expression on random text).
 */
export function collectVocabulary(text: string): Vocabulary {
  const words = new Set<string>()
  const length = text.length
  let index = 0
  while (index < length) {
    let size = wordCharSize(text, index)
    if (size === 0) {
      // A code unit at a time is fine: the second half of a surrogate pair is never a word character.
      index++
      continue
    }
    const start = index
    let hyphenated = false
    index += size
    for (;;) {
      size = wordCharSize(text, index)
      if (size > 0) index += size
      else if (text.charCodeAt(index) === 45 /* - */ && (size = wordCharSize(text, index + 1)) > 0) {
        hyphenated = true
        index += 1 + size
      } else break
    }
    const word = lowerCase(text, start, index)
    words.add(word)
    if (hyphenated) for (const part of word.split('-')) words.add(part)
  }
  return words
}

/** ASCII letters and digits: 1, the other ASCII characters: 0. */
const asciiWordChar = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0))
const letterOrNumber = /^[\p{L}\p{N}]$/u

/** Length in code units of the letter or digit (`\p{L}` or `\p{N}`) at `index`, or 0 if there is none. */
function wordCharSize(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 128) return asciiWordChar[code]!
  if (Number.isNaN(code)) return 0
  const size = text.codePointAt(index)! > 0xffff ? 2 : 1
  return letterOrNumber.test(text.slice(index, index + size)) ? size : 0
}

/** `text.slice(start, end).toLowerCase()`, without the call for the usual word that is lower case already. */
function lowerCase(text: string, start: number, end: number): string {
  const word = text.slice(start, end)
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code >= 128) return word.toLowerCase()
  }
  return word
}

/**
 * Whether the hyphen between `before` (the fragment ending the line, without the hyphen) and `after`
 * (the fragment starting the next line) is a real compound hyphen.
 */
export function keepLineEndHyphen(before: string, after: string, vocabulary: Vocabulary): boolean {
  if (/\p{N}$/u.test(before) || /^\p{N}/u.test(after)) return true
  // An acronym before the hyphen (`iPSC-derived`, `ESCs-derived`) is never part of a split word.
  if (/\p{Lu}/u.test(before.slice(1)) || /\p{Lu}/u.test(after.slice(1))) return true
  const lowerBefore = before.toLowerCase()
  const lowerAfter = after.toLowerCase()
  const joined = lowerBefore + lowerAfter
  const hyphenated = lowerBefore + '-' + lowerAfter
  const hasJoined = vocabulary.has(joined)
  const hasHyphenated = vocabulary.has(hyphenated)
  if (hasJoined !== hasHyphenated) return hasHyphenated
  if (compoundHeads.has(lowerAfter) || vocabulary.compoundHeads?.has(lowerAfter)) return true
  if (hyphenatedPrefixes.has(lowerBefore)) return true
  if (vowelPrefixes.has(lowerBefore) && vowel.test(lowerAfter)) return true
  return false
}
