/**
 * Decides whether a hyphen at a line end splits one word (`pro-/longed` → `prolonged`) or belongs to
 * a compound (`bone marrow-/derived` → `marrow-derived`).
 *
 * The document itself is the best dictionary: a form that appears elsewhere on one line wins. When
 * neither form appears, English compounding rules decide.
 */

/** Second parts that make a hyphenated compound in scientific English. */
const compoundHeads = new Set([
  'derived', 'based', 'like', 'related', 'term', 'renewal', 'specific', 'dependent', 'independent', 'induced',
  'mediated', 'associated', 'positive', 'negative', 'free', 'rich', 'type', 'old', 'year', 'fold', 'scale',
  'level', 'dose', 'step', 'treated', 'activated', 'expressing', 'producing', 'secreting', 'targeted',
  'resistant', 'sensitive', 'containing', 'conditioned', 'infected', 'labeled', 'labelled', 'loaded', 'matched',
  'controlled', 'blind', 'arm', 'up', 'long', 'wide', 'sized', 'speaking', 'reported', 'making'
])

/** Prefixes that keep their hyphen whatever follows. */
const hyphenatedPrefixes = new Set(['self', 'non', 'cross', 'well', 'ill', 'half', 'long', 'short', 'high', 'low', 'all', 'ex', 'full', 'part'])

/** Prefixes that keep their hyphen before a vowel (`anti-inflammatory`, `re-entry`, `co-operation`). */
const vowelPrefixes = new Set(['anti', 'semi', 'multi', 'intra', 'extra', 'ultra', 'co', 're', 'pre', 'de'])

const vowel = /^[aeiou]/i

/** Words that occur in a text, each on one line: the evidence for `keepLineEndHyphen`. */
export interface Vocabulary {
  has(word: string): boolean
}

/** Collects the lower-cased words (hyphenated ones too) of `text`. */
export function collectVocabulary(text: string): Vocabulary {
  const words = new Set<string>()
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    const word = match[0].toLowerCase()
    words.add(word)
    if (word.includes('-')) for (const part of word.split('-')) words.add(part)
  }
  return words
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
  if (compoundHeads.has(lowerAfter)) return true
  if (hyphenatedPrefixes.has(lowerBefore)) return true
  if (vowelPrefixes.has(lowerBefore) && vowel.test(lowerAfter)) return true
  return false
}
