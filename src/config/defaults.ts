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
 * Generic English claim cues, for a config without a `claims` key: categories and evidence levels
 * that any field of research has. A field's preset (`citeclaim/presets/stem-cells`) replaces them
 * with its own; nothing field-specific belongs here.
 */
export const defaultClaimOptions: ClaimOptions = {
  categories: [
    {id: 'limitation', cues: ['\\bremains? (?:unclear|unknown|to be)', '\\byet to be\\b', '\\bnot (?:yet|been) (?:elucidated|established|clear)', '\\blimitation', '\\bbarriers?\\b', '\\black(?:s|ing)?\\b', '\\bchallenges?\\b', '\\bdrawbacks?\\b']},
    {id: 'mechanism', cues: ['\\bmechanism', '\\bmediated\\b', '\\bvia\\b', '\\bthrough\\b', '\\bbecause of\\b', '\\bdue to\\b']},
    {id: 'method', cues: ['\\bprepared\\b', '\\bsynthesi[sz]', '\\bobtained\\b', '\\bprotocols?\\b', '\\bfabricat', '\\bmeasured\\b']},
    {id: 'finding', cues: ['\\bshow(?:s|ed|n)?\\b', '\\bincreas', '\\bdecreas', '\\bimprov', '\\bhigher\\b', '\\blower\\b']}
  ],
  defaultCategory: 'finding',
  evidence: [
    {id: 'experimental', cues: ['\\bexperiment', '\\bmeasure(?:d|ments?)\\b', '\\bin situ\\b']},
    {id: 'computational', cues: ['\\bsimulat', '\\bcalculat', '\\bcomputational\\b', '\\bnumerical\\b']}
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
  // Origins and end points: "derived from X", "gives rise to X", "leads to X".
  originCues: [
    '\\b(?:derived|arising|arises?|originat(?:e|es|ed|ing)|descend(?:s|ed|ing)?) from\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\b(?:give[sn]?|gave|giving) rise to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\bleads? to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$'
  ],
  anaphoraPatterns: ['^(?:\\S+\\s+){0,3}?(?:they|their|its|these|those|both)\\b'],
  // The noun phrases that refer back to a field's entities ("these cells") are the field's: none here.
  cellAnaphoraPatterns: [],
  compositeCues: ['\\b(?:mix(?:ed|ture)?|combination|blend)(?: [\\w-]+){0,3} of\\b', '\\b(?:composed|consisting|comprised) of\\b'],
  otherSubjectPatterns: [
    '^[^,;:]{0,80}?\\b(?:is|are|was|were) (?:a|an|another|the) (?:[\\w-]+ ){0,3}(?:technolog(?:y|ies)|techniques?|methods?|tools?|approach(?:es)?|platforms?|assays?)\\b',
    '^(?:[\\w/-]+ ){0,4}(?:technolog(?:y|ies)|techniques?|methods?|tools?|assays?)\\b[^,;]{0,40}?\\b(?:is|are|was|were|has|have|can|provides?|allows?|enables?)\\b'
  ],
  sectionEvidence: [],
  clauses: defaultClauses
}

/** The title of the claims section of the annotated Markdown when the config gives none. */
export const defaultClaimsTitle = 'Claims by type'

/** Every default in one place; `resolveConfig` fills a user config from it. */
export const defaults: ResolvedConfig = {
  input: 'input',
  output: 'output',
  concurrency: 0,
  citations: {maxRange: 1000, markdownStyle: 'links', style: 'auto'},
  bibliography: {style: 'vancouver', lang: 'en-US', files: {}},
  entityTypes: [],
  distractors: [],
  claims: defaultClaimOptions,
  markdown: {claimsTitle: defaultClaimsTitle, references: 'list'},
  text: {compoundHeads: [], abbreviations: []},
  outputs: ['json', 'md', 'csl']
}
