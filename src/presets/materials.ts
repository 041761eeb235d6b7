import {defaultClaimOptions} from '../config/defaults.js'
import type {ClaimOptions, Distractor, EntityType, UserConfig} from '../config/types.js'

/**
 * The materials preset (`citeclaim/presets/materials`): carbon and two-dimensional nanomaterials in
 * reviews of materials science and chemical sensing, with claim categories, evidence levels and cues
 * for that field. The second field next to the stem-cell preset: nothing in src/ outside this file
 * knows about it. A config spreads it:
 *
 * ```ts
 * import {defineConfig} from 'citeclaim/config'
 * import {materials} from 'citeclaim/presets/materials'
 * export default defineConfig({...materials, input: 'input', output: 'output'})
 * ```
 */

/**
 * Material types. No abbreviation here takes a source prefix: in this field `PAN-GO` or `Pd-rGO`
 * names a composite or a decorated material, not the GO or rGO alone.
 */
export const materialTypes: EntityType[] = [
  {
    id: 'graphene',
    label: 'Graphene',
    ontologyId: null,
    names: ['graphene', 'pristine graphene', 'monolayer graphene', 'few-layer graphene', 'graphene sheet', 'graphene nanosheet'],
    abbreviations: ['FLG']
  },
  {
    id: 'GO',
    label: 'Graphene oxide',
    ontologyId: null,
    names: ['graphene oxide', 'graphene oxide sheet', 'graphene oxide nanosheet'],
    abbreviations: ['GO']
  },
  {
    id: 'rGO',
    label: 'Reduced graphene oxide',
    ontologyId: null,
    names: ['reduced graphene oxide', 'chemically reduced graphene oxide', 'thermally reduced graphene oxide'],
    abbreviations: ['rGO', 'RGO']
  },
  {
    id: 'CNT',
    label: 'Carbon nanotubes',
    ontologyId: null,
    names: ['carbon nanotube', 'nanotube'],
    abbreviations: ['CNT', 'SWCNT', 'MWCNT', 'SWNT', 'MWNT'],
    subtypes: ['single-walled carbon nanotube', 'multi-walled carbon nanotube']
  },
  {
    id: 'MXene',
    label: 'MXenes (2D transition-metal carbides and nitrides)',
    ontologyId: null,
    names: ['MXene', 'Ti3C2Tx', 'Ti3C2', 'transition metal carbide', 'transition-metal carbide']
  },
  {
    id: 'MOF',
    label: 'Metal–organic frameworks',
    ontologyId: null,
    // The en dash is written as such in most reviews; names fold only spaces and hyphens.
    names: ['metal-organic framework', 'metal–organic framework'],
    abbreviations: ['MOF', 'ZIF'],
    subtypes: ['zeolitic imidazolate framework']
  },
  {
    id: 'NANOMATERIAL',
    label: 'Nanomaterials in general',
    ontologyId: null,
    general: true,
    names: ['nanomaterial', 'carbon nanomaterial', '2D material', 'two-dimensional material', 'sensing material']
  }
]

/** Named or abbreviated like a material type, but something else. */
export const materialDistractors: Distractor[] = [
  // The bulk precursor of graphene and GO.
  {id: 'graphite', label: 'Graphite', names: ['graphite', 'graphite oxide']},
  // "GO" of bioinformatics reviews of sensing targets.
  {id: 'gene-ontology', label: 'Gene Ontology', names: ['gene ontology'], abbreviations: ['GO'], contextCues: ['term', 'annotation', 'enrichment', 'ontology']}
]

/** Claim categories, evidence levels and cues of materials science and sensing. */
export const materialClaims: ClaimOptions = {
  ...defaultClaimOptions,
  categories: [
    {
      id: 'limitation',
      cues: [
        {pattern: '\\b(?:remains?|remained) (?:unclear|unknown|to be|controversial|a challenge)|\\byet to be\\b', weight: 4},
        {pattern: '\\b(?:limitations?|drawbacks?|disadvantages?|challenges?|obstacles?)\\b|\\bsuffers? from\\b|\\bpoor\\b|\\black(?:s|ing)?\\b', weight: 2},
        {pattern: '\\b(?:restack|aggregat|agglomerat)|\\bdegrad|\\b(?:instability|unstable)\\b|\\bdrift\\b', weight: 2}
      ]
    },
    {
      id: 'synthesis',
      cues: [
        {pattern: '\\bsynthesi[sz]|\\bprepared\\b|\\bfabricat|\\bexfoliat|\\bgrown\\b|\\bgrowth of\\b|\\betching\\b|\\betched\\b|\\bchemical vapou?r deposition\\b|\\bhydrothermal|\\bannealing\\b|\\bspin-coat', weight: 2},
        {pattern: '\\b(?:reduced|reduction) (?:by|with|using)\\b|\\boxidation (?:and|of)\\b|\\bobtained\\b', weight: 1.5}
      ]
    },
    {
      id: 'sensing',
      cues: [
        {pattern: '\\bsensors?\\b|\\bsensing\\b|\\bdetect(?:s|ed|ion|ing)?\\b|\\bdetection limit\\b|\\blimit of detection\\b|\\bselectiv', weight: 2},
        {pattern: '\\bresponse\\b|\\brecovery time\\b|\\bppm\\b|\\bppb\\b|\\banalytes?\\b', weight: 1.5}
      ]
    },
    {
      id: 'mechanism',
      cues: [
        {pattern: '\\bmechanisms?\\b|\\bcharge transfer\\b|\\badsor(?:b|bs|bed|ption)\\b|\\bdoping\\b|\\bbinding energ', weight: 2},
        {pattern: '\\bvia\\b|\\bthrough\\b|\\bdue to\\b|\\bbecause of\\b|\\battributed to\\b', weight: 1}
      ]
    },
    {
      id: 'structure',
      cues: [
        {pattern: '\\bdefects?\\b|\\bfunctional groups?\\b|\\boxygen-containing\\b|\\bsurface area\\b|\\bpores?\\b|\\bporosity\\b|\\bmorpholog|\\blattice\\b|\\blayers?\\b|\\bnetworks?\\b', weight: 2}
      ]
    },
    {
      id: 'property',
      cues: [
        {pattern: '\\bconductiv|\\bmobility\\b|\\bmodulus\\b|\\bstrength\\b|\\bband ?gap\\b|\\bcapacitance\\b|\\bthermal\\b|\\boptical\\b|\\bhydrophil|\\bstab(?:le|ility)\\b', weight: 2}
      ]
    }
  ],
  defaultCategory: 'property',
  evidence: [
    {id: 'device', cues: ['\\bsensors?\\b', '\\bdevices?\\b', '\\bprototypes?\\b', '\\bfield-effect transistors?\\b']},
    {id: 'computational', cues: ['\\bdensity functional\\b', '\\bDFT\\b', '\\bfirst-principles\\b', '\\bsimulat', '\\bcalculat', '\\bmolecular dynamics\\b']},
    {id: 'experimental', cues: ['\\bmeasured\\b', '\\bexperiment', '\\bcharacteri[sz]', '\\bspectroscop', '\\bmicroscop', '\\bRaman\\b', '\\bXPS\\b']}
  ],
  defaultEvidence: 'unspecified',
  comparisonCues: ['\\bcompared (?:to|with)\\s*$', '\\bthan(?: (?:those|that) of| (?:on|in|for|with))?\\s*$', '\\bin contrast to\\s*$', '\\bunlike\\s*$', '\\binstead of\\s*$', '\\bover\\s*$'],
  // "These sheets", "the nanotubes", "such films": the material of the claim before.
  cellAnaphoraPatterns: ['\\b(?:these|those|such|the)\\s+(?:\\w+\\s+)?(?:materials?|sheets?|nanosheets?|flakes?|films?|composites?|frameworks?|nanotubes?|membranes?)\\b']
}

/** Compounds of the field a line-end hyphen belongs to (`PVDF-/coated`, `Pd-/decorated`). */
export const materialText = {
  compoundHeads: ['coated', 'decorated', 'doped', 'functionalized', 'functionalised', 'wall', 'walled', 'layer', 'dimensional'],
  abbreviations: []
}

/** The whole preset: spread it into a config. */
export const materials = {
  entityTypes: materialTypes,
  distractors: materialDistractors,
  claims: materialClaims,
  text: materialText,
  markdown: {claimsTitle: 'Claims by material'}
} satisfies UserConfig

export default materials
