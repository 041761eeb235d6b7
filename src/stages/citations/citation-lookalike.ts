/**
 * Brackets that hold citation numbers but are not citations: the degrees of freedom of a statistic
 * (`F[1,12] = 8.42`, `χ2[3]`, `t[28] = 2.1`), the index of a symbol (`x[3]`), the locants of ring
 * nomenclature (`[1,2,4]triazolo`) and equation numbers (`Eq. [3]`). Bracketed text that
 * is not numbers (`[Ca2+]`, `[95% CI 1.2–3.4]`, `[sic]`, `[…]`) never parses as a group and needs no rule.
 */

/** A letter, digit or superscript digit: a bracket right after one is glued to the word before it. */
const wordCharacter = /[\p{L}\p{N}]/u
/**
 * A symbol: one letter, perhaps with a digit or superscript index (`t`, `x`, `χ2`, `χ²`, `r2`). A capital
 * Latin letter is left out: `vitamin C[12]`, `T4[3]` are words with a glued callout as often as not, and
 * `F[1,12] = 8.42` is caught by its relation sign.
 */
const symbol = /^[^\P{L}A-Z]\p{N}{0,2}$/u
/** A relation sign after the bracket makes it part of a formula (`[1,12] = 8.42`, `[3] < 0.05`). */
const relationSigns = new Set(['=', '<', '>', '≤', '≥', '≈', '≠'])
/** A lower-case letter glued after the bracket: ring nomenclature (`[1,2,4]triazolo`), not a callout. */
const lowerCaseLetter = /\p{Ll}/u
/** An equation number (`Eq. [3]`, `equations [4, 5]`) is the text before the bracket. */
const equationBefore = /(?:\beqs?\.|\bequations?)\s?$/i
/** How far back the equation word is looked for: `equations ` is ten characters. */
const equationLookBack = 11
/** Longest word looked at before a bracket; symbols are short, so the look-back stays bounded. */
const maxSymbolLength = 4

/**
 * Why the numeric bracket at `text[start, end)` (brackets included) is not a citation group, or
 * undefined when nothing speaks against it: `glued to the symbol "F"`, `followed by "="`.
 */
export function citationLookalikeReason(text: string, start: number, end: number): string | undefined {
  const after = nextNonSpace(text, end)
  if (after !== undefined && relationSigns.has(after)) return `followed by "${after}"`
  if (end < text.length && lowerCaseLetter.test(text[end]!)) return 'glued to the word after it'
  if (equationBefore.test(text.slice(Math.max(0, start - equationLookBack), start))) return 'an equation number'
  if (start === 0 || !wordCharacter.test(text[start - 1]!)) return undefined
  let wordStart = start
  while (wordStart > 0 && start - wordStart <= maxSymbolLength && wordCharacter.test(text[wordStart - 1]!)) wordStart--
  const word = text.slice(wordStart, start)
  if (wordStart > 0 && wordCharacter.test(text[wordStart - 1]!)) return undefined
  return symbol.test(word) ? `glued to the symbol "${word}"` : undefined
}

/** The first character at or after `index` that is not a space or tab (a formula stays on its line). */
function nextNonSpace(text: string, index: number): string | undefined {
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index++
  return text[index]
}
