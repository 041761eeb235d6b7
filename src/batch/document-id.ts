import {basename} from 'node:path'
import {pairedBibliographyExtensions} from '../stages/bibliography/bibliography-formats.js'

/** Bibliography files paired with a document by base name, in order of preference. */
export const bibliographyExtensions = pairedBibliographyExtensions
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
