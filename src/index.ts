import {emitters} from './emit/emitters.js'
import {preparePipeline} from './pipeline.js'

export {defineConfig} from './config/define-config.js'
export {resolveConfig, ConfigError} from './config/resolve-config.js'
export {loadConfig, type LoadConfigOptions} from './config/load-config.js'
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
export {createProcessor, formatOf, type InputFormat} from './pipeline.js'
export {pdfTextParse} from './stages/parse/pdf-text.js'
export {remarkPdfText} from './stages/parse/remark-pdf-text.js'
export {OffsetMap} from './stages/parse/offset-map.js'
export {remarkSections, type Section} from './stages/parse/remark-sections.js'
export {remarkCitations, type CitationsOptions} from './stages/citations/remark-citations.js'
export {citationSyntaxes, keysOfNumbers, numericBrackets, registerCitationSyntax, type BibliographyIndex, type CitationDocument, type CitationStyle, type CitationSyntax} from './stages/citations/citation-syntax.js'
export {remarkBibliography, type Bibliography, type RemarkBibliographyOptions} from './stages/bibliography/remark-bibliography.js'
export {remarkSentences} from './stages/sentences/remark-sentences.js'
export {remarkEntities, type EntitiesOptions} from './stages/entities/remark-entities.js'
export {remarkClaims, type ClaimsOptions} from './stages/claims/remark-claims.js'
export {parseCitationGroup, type ParseCitationOptions, type ParsedCitationGroup} from './stages/citations/parse-citation-group.js'
export {findCitationGroups, type FoundGroup} from './stages/citations/find-citation-groups.js'
export {authorYearCallouts} from './stages/citations/author-year-syntax.js'
export {pandocCitations} from './stages/citations/pandoc-syntax.js'
export {findPandocCitations, type PandocCitationGroup, type PandocCitationItem} from './stages/citations/pandoc-citations.js'
export {parseReferenceEntry, type ParseReferenceOptions, type ReferenceLayoutHint} from './stages/bibliography/reference-entry.js'
export {findAuthorYearCallouts, type AuthorYearCandidate, type AuthorYearReading} from './stages/citations/find-author-year-callouts.js'
export {parseParentheticalCallout, type AuthorYearCite} from './stages/citations/author-year-callout.js'
export {indexAuthorYearEntries, resolveAuthorYear, type AuthorYearEntry, type AuthorYearIndex, type AuthorYearResolution} from './stages/citations/author-year-resolve.js'
export {splitSentences, type SentenceRange, type SplitOptions} from './stages/sentences/split-sentences.js'
export {findAbbreviationDefinitions, type AbbreviationDefinition} from './stages/entities/schwartz-hearst.js'
export {toDocumentRecord} from './emit/document.js'
export {toClaimRows, type ClaimRow, type ClaimRowReference} from './emit/claim-rows.js'
export {toAnnotatedMarkdown, type MarkdownOptions} from './emit/markdown.js'
export {emitters, registerEmitter, type AnalysedDocument, type Emitter} from './emit/emitters.js'
export {citeclaimToMarkdown, remarkCiteclaimStringify, type CiteclaimToMarkdownOptions} from './emit/to-markdown-extension.js'
export {readAnnotations, remarkReadAnnotations, type AnnotatedClaim, type Annotations, type ReadAnnotationsOptions} from './emit/read-annotations.js'
export {loadBibliography, type LoadedBibliography} from './stages/bibliography/load-bibliography.js'
export {formatReferences} from './stages/bibliography/format-references.js'
export {analyseDocument, preparePipeline, type DocumentInput, type DocumentOutput} from './pipeline.js'
export {runBatch, type RunOptions, type RunResult} from './batch/run-batch.js'
export type {
  EntityTypeRecord,
  CitationGroupRecord,
  ClaimLine,
  ClaimRecord,
  DiagnosticRecord,
  DocumentRecord,
  IndexEntry,
  OutputPoint,
  ReferenceRecord,
  SectionRecord,
  SentenceRecord
} from './emit/records.js'
export type {AuthorYearCitationData, Citation, CitationData, ClaimData, Mention, Sentence} from './types.js'
export {diagnosticCodes, severityOf, type Diagnostic, type DiagnosticCode, type DiagnosticCodeInfo, type Severity} from './diagnostics.js'
export type {PdfTextOptions} from './stages/parse/pdf-text.js'
export type {SentencesOptions} from './stages/sentences/remark-sentences.js'
export type {FormatOptions, FormattedReferences} from './stages/bibliography/format-references.js'

// A program that imports the library calls `analyseDocument` and `createProcessor` without
// preparing: both input formats and every built-in output are ready (the CLI does not come through
// here, and loads only what its documents and outputs need).
await preparePipeline(['text', 'markdown'], emitters().map((emitter) => emitter.name))
