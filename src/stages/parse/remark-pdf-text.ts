import type {Processor} from 'unified'
import {pdfTextParse, type PdfTextOptions} from './pdf-text.js'

/** A unified parser plugin for text extracted from PDFs (the counterpart of remark-parse). */
export function remarkPdfText(this: Processor, options: PdfTextOptions = {}) {
  this.parser = (document: string) => pdfTextParse(document, options)
}
