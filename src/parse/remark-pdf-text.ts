import type {Processor} from 'unified'
import {pdfTextParse} from './pdf-text.js'

/** A unified parser plugin for text extracted from PDFs (the counterpart of remark-parse). */
export function remarkPdfText(this: Processor) {
  this.parser = (document: string) => pdfTextParse(document)
}
