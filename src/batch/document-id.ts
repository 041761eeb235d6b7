import {basename} from 'node:path'

/** Bibliography files paired with a document by base name, in order of preference. */
export const bibliographyExtensions = ['.csl.json', '.bib', '.ris'] as const
/** Extensions of documents citeclaim reads. */
export const documentExtensions = ['.txt', '.md', '.markdown'] as const

/** The document id for an input path: its file name without extension, as a safe ASCII slug. */
export function documentId(path: string): string {
  const name = basename(path).replace(/\.(?:txt|md|markdown)$/i, '')
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
  return slug === '' ? 'document' : slug
}
