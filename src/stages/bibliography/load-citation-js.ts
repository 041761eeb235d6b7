import {createRequire} from 'node:module'
import type * as CitationJs from '@citation-js/core'

let loaded: typeof CitationJs | undefined

/**
 * citation-js with its BibTeX, CSL and RIS plugins, loaded on first use: about a hundred modules
 * (citeproc among them) that a run over documents without bibliographies never needs, and that cost
 * a one-document run more start-up than anything else it loads.
 */
export function citationJs(): typeof CitationJs {
  if (!loaded) {
    const require = createRequire(import.meta.url)
    loaded = require('@citation-js/core') as typeof CitationJs
    require('@citation-js/plugin-bibtex')
    require('@citation-js/plugin-csl')
    require('@citation-js/plugin-ris')
  }
  return loaded
}
