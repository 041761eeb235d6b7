import type {ClaimOptions, ClauseOptions, ResolvedConfig} from './types.js'

/**
 * English clause patterns (regular-expression sources, case-insensitive) that weigh category cues:
 * a sentence-initial subordinate clause ("Although they remain unclear, …") and a closing concessive
 * one (", though …") count half; the complement of a reporting verb ("… suggested that …") double.
 */
export const defaultClauses: ClauseOptions = {
  leadingSubordinate: '^(?:although|though|even though|while|whereas|despite|in cases? where|when|if|unless|since|because)\\b[^,;]{0,200}[,;]',
  trailingSubordinate: '[,;]\\s+(?:although|though|even though|whereas|while)\\b',
  reported: '\\b(?:suggest|show|demonstrat|indicat|reveal|confirm|report)\\w* that\\b',
  continuation: '^(?:(?:furthermore|moreover|in addition|also|however|rather|thus|therefore),?\\s+)?(?:they|these|this|such|those|their|its|both)\\b'
}

/**
 * Generic English claim cues. The shipped `pipeline.config.ts` refines the categories for its field;
 * these are what a config without a `claims` key gets.
 */
export const defaultClaimOptions: ClaimOptions = {
  categories: [
    {id: 'limitation', cues: ['\\bremains? (?:unclear|unknown|to be)', '\\byet to be\\b', '\\bnot (?:yet|been) (?:elucidated|established|clear)', '\\blimitation', '\\bbarriers?\\b', '\\black(?:s|ing)?\\b']},
    {id: 'safety', cues: ['\\bsafe(?:ty|ly)?\\b', '\\badverse\\b', '\\btoxicit', '\\bcomplications?\\b', '\\brisks?\\b', '\\btolerated\\b']},
    {id: 'mechanism', cues: ['\\bmechanism', '\\bmediated\\b', '\\bvia\\b', '\\bthrough\\b', '\\bsecret']},
    {id: 'efficacy', cues: ['\\befficacy\\b', '\\beffective', '\\bimprov', '\\bbenefi', '\\btherapeutic\\b', '\\boutcomes?\\b']},
    {id: 'source', cues: ['\\bisolat', '\\bobtained\\b', '\\bderived from\\b', '\\bprotocols?\\b']},
    {id: 'biology', cues: ['\\bexpress', '\\bmarkers?\\b', '\\bdifferentiat']}
  ],
  defaultCategory: 'biology',
  evidence: [
    {id: 'clinical', cues: ['\\bpatients?\\b', '\\bclinical (?:stud|trial)', '\\btrials?\\b', '\\bhuman (?:stud|subject)', '\\bin humans\\b']},
    {id: 'preclinical', cues: ['\\banimals?\\b', '\\bmice\\b', '\\bmouse\\b', '\\brats?\\b', '\\bpreclinical\\b', '\\bmodels? of\\b']},
    {id: 'in-vitro', cues: ['\\bin vitro\\b', '\\bex vivo\\b', '\\bcultured?\\b']}
  ],
  defaultEvidence: 'unspecified',
  hedgeCues: [
    '\\bmay\\b', '\\bmight\\b', '\\bcould\\b', '\\blikely\\b', '\\bseems?\\b', '\\bsuggest(?:s|ed)?\\b', '\\bpossibly\\b',
    '\\bprobably\\b', '\\bappears?\\b', '\\bproposed\\b', '\\bassumed\\b', '\\bis considered\\b', '\\bexpected\\b',
    '\\bsupports? the inference\\b', '\\bremains? unclear\\b', '\\bremains? to be\\b', '\\byet to be\\b', '\\bnot yet\\b',
    '\\bnot been elucidated\\b', '\\bmuch to be understood\\b'
  ],
  nonClaimPatterns: ['\\b(?:the present|this) (?:review|article|paper)\\b', '\\bare (?:discussed|summarized|reviewed)\\b'],
  comparisonCues: ['\\bcompared (?:to|with)\\s*$', '\\bthan\\s*$', '\\bin contrast to\\s*$', '\\bunlike\\s*$'],
  // Origins and end points: "derived from X", "differentiate into X", "leads to X".
  originCues: [
    '\\b(?:derived|arising|arises?|originat(?:e|es|ed|ing)|descend(?:s|ed|ing)?) from\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\b(?:differentiat(?:e|es|ed|ing)|(?:de-)?differentiat(?:e|es|ed|ing)) (?:in)?to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\b(?:give[sn]?|gave|giving) rise to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\bleads? to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$'
  ],
  anaphoraPatterns: ['^(?:\\S+\\s+){0,3}?(?:they|their|its|these|those|both)\\b'],
  cellAnaphoraPatterns: ["\\b(?:these|those|such|the)\\s+(?:\\w+\\s+)?cells?\\b(?!['’]s)", '\\b(?:this|these|that|those|the same) (?:\\w+ )?(?:sub)?populations?\\b'],
  compositeCues: ['\\b(?:mix(?:ed|ture)?|combination|blend)(?: [\\w-]+){0,3} of\\b', '\\b(?:composed|consisting|comprised) of\\b'],
  otherSubjectPatterns: [
    '^[^,;:]{0,80}?\\b(?:is|are|was|were) (?:a|an|another|the) (?:[\\w-]+ ){0,3}(?:technolog(?:y|ies)|techniques?|methods?|tools?|approach(?:es)?|platforms?|assays?)\\b',
    '^(?:[\\w/-]+ ){0,4}(?:technolog(?:y|ies)|techniques?|methods?|tools?|assays?)\\b[^,;]{0,40}?\\b(?:is|are|was|were|has|have|can|provides?|allows?|enables?)\\b'
  ],
  sectionEvidence: [],
  clauses: defaultClauses
}

/** Every default in one place; `resolveConfig` fills a user config from it. */
export const defaults: ResolvedConfig = {
  input: 'input',
  output: 'output',
  concurrency: 0,
  citations: {maxRange: 1000, markdownStyle: 'links'},
  bibliography: {style: 'vancouver', lang: 'en-US', files: {}},
  entityTypes: [],
  distractors: [],
  claims: defaultClaimOptions
}
