/**
 * Comparison keys for authors' family names, so that a callout matches its bibliography entry however
 * either writes the name: diacritics (`Mörck`, `Mörck`, `Morck`), case, apostrophes (`Lezoualc’h`),
 * hyphens, and particles (`van der Berg`, `Van der Berg`, `Berg` when the callout drops `van der`).
 */

/**
 * The particles the patterns that find names accept before a family name (`van der Berg, H.` in a
 * reference list, `Van der Berg et al.` in a callout): one list for every such pattern. Short words
 * such as `y`, `e` or `al` are left out here: before a capitalised word they are too often not a name's.
 */
export const leadingNameParticles: readonly string[] = ['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'ter', 'ten', 'dos']

/** A regular-expression group matching one of `leadingNameParticles`, also with a capital first letter when `capitalised`. */
export function particleAlternation(capitalised: boolean): string {
  const spelled = leadingNameParticles.map((word) => (capitalised ? `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}` : word))
  return `(?:${spelled.join('|')})`
}

/** Name particles that a callout may write or leave out (`van der Berg` or `Berg`). */
export const nameParticles: ReadonlySet<string> = new Set([
  ...leadingNameParticles,
  'das', 'les', 'lo', 'zu', 'zum', 'zur', 'y', 'e', 'al', 'el', 'bin', 'ibn', 'st', "d'", "l'"
])

/** Letters that do not decompose into a base letter and a mark under NFD. */
const foldedLetters: Readonly<Record<string, string>> = {ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i'}

/** Lower case, without diacritics or apostrophes; hyphens and white space become one space. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđðþı]/g, (letter) => foldedLetters[letter]!)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim()
}

/**
 * The keys a family name answers to: the whole name folded (`van der berg`), without its leading
 * particles (`berg`) when it has any, and its words run together (`vanderberg`). The first key is the whole name.
 */
export function nameKeys(name: string): string[] {
  const whole = foldName(name)
  const words = whole.split(' ')
  let first = 0
  while (first < words.length - 1 && nameParticles.has(words[first]!)) first++
  const keys = first === 0 ? [whole] : [whole, words.slice(first).join(' ')]
  // `De Souza` and `DeSouza`, `García-López` and `GarcíaLópez`: the same name written with or without a break.
  const joined = words.join('')
  if (words.length > 1 && words.length <= 4) keys.push(joined)
  return keys
}

/** Whether two family names are the same person's, particles written or not. */
export function sameFamilyName(a: string, b: string): boolean {
  const keysA = nameKeys(a)
  const keysB = nameKeys(b)
  return keysA.some((key) => keysB.includes(key))
}
