/**
 * The bibliography formats citeclaim reads, by the extensions that name them; the first extension of
 * each is the one looked for beside a document (`review.csl.json`, then `.bib`, then `.ris`: a
 * `review.json` beside `review.txt` would be citeclaim's own output). Kept apart from the readers so
 * that finding inputs does not load citation-js.
 */
export const bibliographyFormats = [
  {name: 'csl-json', extensions: ['.csl.json', '.json']},
  {name: 'bibtex', extensions: ['.bib', '.bibtex']},
  {name: 'ris', extensions: ['.ris']}
] as const

/** A format's name. */
export type BibliographyFormatName = (typeof bibliographyFormats)[number]['name']

/** Extensions of a bibliography paired with a document by base name, in order of preference. */
export const pairedBibliographyExtensions: readonly string[] = bibliographyFormats.map((format) => format.extensions[0])

/** The format a path names (by its extension, in any case), if citeclaim reads it. */
export function bibliographyFormatOf(path: string): BibliographyFormatName | undefined {
  const lower = path.toLowerCase()
  return bibliographyFormats.find((format) => format.extensions.some((extension) => lower.endsWith(extension)))?.name
}

/**
 * The largest bibliography file a thread keeps once read (`bibliographyFromBytes`): documents naming
 * one such file read it once per thread; a bigger one is read again for every document. Here, with
 * the formats, so that sizing the worker pool (`workerCount`) does not load the readers.
 */
export const recentFileBytes = 8 * 2 ** 20
