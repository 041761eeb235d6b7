export {defineConfig} from './config/define-config.js'
export {resolveConfig, ConfigError} from './config/resolve-config.js'
export type {
  BibliographyOptions,
  CategoryRule,
  CitationOptions,
  ClaimOptions,
  Distractor,
  EntityType,
  MarkdownCitationStyle,
  ResolvedConfig,
  UserConfig
} from './config/types.js'
export {createProcessor, formatOf, type InputFormat} from './processor.js'
export {pdfTextParse} from './parse/pdf-text.js'
export {remarkPdfText} from './parse/remark-pdf-text.js'
export {OffsetMap} from './parse/offset-map.js'
export {remarkSections, type Section} from './stages/sections.js'
export {remarkCitations, type CitationsOptions} from './stages/citations.js'
export {remarkBibliography, type Bibliography} from './stages/bibliography.js'
export {remarkSentences} from './stages/sentences.js'
export {remarkEntities, type EntitiesOptions} from './stages/entities.js'
export {remarkClaims, type ClaimsOptions} from './stages/claims.js'
export {parseCitationGroup, type ParsedCitationGroup} from './citations/parse-citation-group.js'
export {findCitationGroups, type FoundGroup} from './citations/find-citation-groups.js'
export {findPandocCitations, type PandocCitationGroup, type PandocCitationItem} from './citations/pandoc-citations.js'
export {parseReferenceEntry, type ParseReferenceOptions, type ReferenceLayoutHint} from './parse/reference-entry.js'
export {splitSentences, type SentenceRange, type SplitOptions} from './sentences/split-sentences.js'
export {findAbbreviationDefinitions, type AbbreviationDefinition} from './entities/schwartz-hearst.js'
export {toDocumentRecord} from './emit/document.js'
export {toAnnotatedMarkdown, type MarkdownOptions} from './emit/markdown.js'
export {readAnnotations, remarkReadAnnotations, type AnnotatedClaim, type Annotations, type ReadAnnotationsOptions} from './emit/read-annotations.js'
export {loadBibliography, type LoadedBibliography} from './bibliography/load-bibliography.js'
export {formatReferences} from './bibliography/format-references.js'
export {analyseDocument, type DocumentInput, type DocumentOutput} from './batch/analyse-document.js'
export {runBatch, type RunOptions, type RunResult} from './batch/run-batch.js'
export type {
  CellTypeRecord,
  CitationGroupRecord,
  ClaimRecord,
  DiagnosticRecord,
  DocumentRecord,
  OutputPoint,
  ReferenceRecord,
  SectionRecord,
  SentenceRecord
} from './emit/document.js'
export type {Citation, ClaimData, Mention, Sentence} from './types.js'
