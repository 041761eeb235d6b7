import {defaultClaimOptions} from '../config/defaults.js'
import type {ClaimOptions, Distractor, EntityType, UserConfig} from '../config/types.js'

/**
 * The stem-cell preset (`citeclaim/presets/stem-cells`): stem cell types in reviews of regenerative
 * medicine, the cells they are confused with, and claim categories, evidence levels and cues for
 * that field. A config spreads it and adds its own folders and options:
 *
 * ```ts
 * import {defineConfig} from 'citeclaim/config'
 * import {stemCells} from 'citeclaim/presets/stem-cells'
 * export default defineConfig({...stemCells, input: 'input', output: 'output'})
 * ```
 *
 * Each part is exported on its own too, to extend one list without copying the rest.
 */

/** Stem and progenitor cell types; a source prefix (`BM-MSC`, `hUC-MSC`) is part of how they are written. */
export const stemCellTypes: EntityType[] = [
  {
    id: 'HSC',
    label: 'Hematopoietic stem cells',
    ontologyId: 'CL:0000037',
    // Haematopoietic stem and progenitor cells (HSPC), committed haematopoietic progenitors included.
    names: [
      'hematopoietic stem cell', 'haematopoietic stem cell', 'hemopoietic stem cell', 'hematopoietic stem and progenitor cell', 'haematopoietic stem and progenitor cell',
      'hematopoietic progenitor cell', 'haematopoietic progenitor cell', 'hemopoietic progenitor cell', 'myeloid progenitor', 'lymphoid progenitor',
      'myeloid progenitor cell', 'lymphoid progenitor cell', 'multipotent progenitor', 'multipotent progenitor cell', 'CD34+ cell', 'CD34-positive cell', 'CD34+ stem cell'
    ],
    abbreviations: ['HSC', 'HSPC', 'MPP', 'CLP', 'CMP'],
    abbreviationPrefix: true
  },
  {
    id: 'EPC',
    label: 'Endothelial progenitor cells',
    ontologyId: 'CL:0002619',
    names: ['endothelial progenitor cell', 'endothelial precursor cell', 'endothelial colony-forming cell'],
    abbreviations: ['EPC', 'ECFC'],
    abbreviationPrefix: true
  },
  {
    id: 'MSC',
    label: 'Mesenchymal stem/stromal cells',
    ontologyId: 'CL:0000134',
    names: ['mesenchymal stem cell', 'mesenchymal stromal cell', 'mesenchymal progenitor cell', 'multipotent stromal cell', 'mesenchymal cell'],
    abbreviations: ['MSC', 'BM-MSC', 'BMSC', 'UC-MSC', 'UCMSC', 'AD-MSC', 'ADSC', 'ASC', 'hUC-MSC', 'WJ-MSC'],
    abbreviationPrefix: true,
    subtypes: [
      'bone marrow-derived MSC', 'bone marrow mesenchymal stem cell', 'umbilical cord-derived MSC', 'umbilical cord MSC',
      'adipose-derived stem cell', 'adipose-derived stromal cell', 'adipose tissue-derived stem cell', 'placenta-derived MSC',
      'annex stem cell', 'amniotic fluid stem cell', 'amniotic epithelial cell', 'Wharton jelly stem cell', "Wharton's jelly stem cell",
      'umbilical cord blood-derived MSC'
    ]
  },
  {
    id: 'ESC',
    label: 'Embryonic stem cells',
    ontologyId: 'CL:0002322',
    names: ['embryonic stem cell', 'embryogenic stem cell'],
    abbreviations: ['ESC', 'hESC'],
    abbreviationPrefix: true
  },
  {
    id: 'iPSC',
    label: 'Induced pluripotent stem cells',
    ontologyId: null,
    names: ['induced pluripotent stem cell', 'induced pluripotent cell'],
    abbreviations: ['iPSC', 'iPS cell', 'hiPSC', 'iPS'],
    abbreviationPrefix: true
  },
  {
    id: 'FLPC',
    label: 'Fetal liver progenitor cells',
    ontologyId: 'CL:0005026',
    names: ['fetal liver progenitor cell', 'fetal hepatic progenitor cell', 'fetal liver-derived stem cell', 'fetal liver stem cell', 'fetal hepatocyte progenitor', 'hepatoblast'],
    abbreviations: ['FLPC', 'FLSC'],
    abbreviationPrefix: true
  },
  {
    id: 'BMC',
    label: 'Bone marrow-derived cells (unspecified)',
    ontologyId: null,
    // A mix of HSCs, MSCs and EPCs: a claim about it is not one about each of them.
    composite: true,
    names: [
      'bone marrow-derived cell', 'bone marrow-derived stem cell', 'bone marrow-derived stromal cell', 'bone marrow cell',
      'bone marrow stem cell', 'bone marrow mononuclear cell', 'bone marrow-derived mononuclear cell', 'pluripotent cells in bone marrow',
      'stem cells in bone marrow', 'cells in bone marrow'
    ],
    abbreviations: ['BMC', 'BMMNC', 'BM-MNC', 'BMDC'],
    abbreviationPrefix: true
  },
  {
    id: 'LPC',
    label: 'Liver progenitor cells',
    ontologyId: 'CL:0002196',
    names: ['liver progenitor cell', 'hepatic progenitor cell', 'oval cell', 'hepatic stem cell', 'liver stem cell'],
    abbreviations: ['LPC', 'HPC'],
    abbreviationPrefix: true
  },
  {
    id: 'GENERAL',
    label: 'Stem cells in general',
    ontologyId: null,
    general: true,
    names: ['stem cell', 'stem cell-based therapy', 'stem cell therapy', 'stem cell transplantation', 'cell-based therapy', 'cell therapy', 'progenitor cell']
  }
]

/** Not stem cell types, but named or abbreviated like them. */
export const stemCellDistractors: Distractor[] = [
  {
    id: 'hepatic-stellate-cell',
    label: 'Hepatic stellate cells',
    names: ['hepatic stellate cell', 'hepatic stellated cell', 'stellate cell'],
    abbreviations: ['HSC'],
    contextCues: ['activat', 'quiescen', 'fibrogen', 'myofibroblast', 'stellate', 'collagen-producing']
  },
  {
    id: 'hepatocyte-like-cell',
    label: 'Hepatocyte-like cells',
    names: ['hepatocyte-like cell', 'hepatocyte like cell'],
    abbreviations: ['HLC'],
    // HLCs are derived from stem cells: a sentence about HLCs in general is about stem cells in general.
    impliesType: 'GENERAL'
  },
  {id: 'hepatocyte', label: 'Hepatocytes', names: ['hepatocyte']},
  // A cytokine named like stem cells.
  {id: 'stem-cell-factor', label: 'Stem cell factor (cytokine)', names: ['stem cell factor'], abbreviations: ['SCF']}
]

/** Claim categories, evidence levels and cues of regenerative medicine; the generic English rest (clauses, anaphora, composite and other-subject patterns) from the defaults. */
export const stemCellClaims: ClaimOptions = {
  ...defaultClaimOptions,
  categories: [
    {
      id: 'limitation',
      cues: [
        {pattern: '\\b(?:remains?|remained) (?:unclear|unknown|to be|controversial|elusive)', weight: 4},
        {pattern: '\\byet to be\\b', weight: 4},
        {pattern: '\\bnot (?:yet )?(?:been )?(?:sufficiently |fully |properly )?(?:elucidated|established|understood|reported|proven|demonstrated|confirmed)\\b', weight: 3},
        {pattern: '\\bmuch to be understood\\b|\\bquestions?\\b|\\bunresolved\\b|\\bunclear\\b', weight: 2},
        {pattern: '\\b(?:barriers?|obstacles?|hurdles?|drawbacks?|disadvantages?|limitations?)\\b|\\bunfortunately\\b|\\bimpossible\\b|\\bdifficult\\b', weight: 2},
        {pattern: '\\b(?:issues?|concerns?|problems?|challenges?)\\b', weight: 1.5},
        {pattern: '\\bprecluded?\\b|\\black(?:s|ing)?\\b|\\bheterogene|\\btemporary\\b|\\battenuated\\b|\\bfailed\\b|\\bminimal activity\\b|\\bshould be (?:properly )?addressed\\b', weight: 2}
      ]
    },
    {
      id: 'safety',
      cues: [
        {pattern: '\\bsafe(?:ty|ly)?\\b|\\btolerated\\b|\\badverse\\b|\\bside effects?\\b|\\btoxicit', weight: 3},
        {pattern: '\\btumo(?:u)?rigen|\\bteratoma|\\bmalignan|\\bcarcinoma\\b|\\bcomplications?\\b|\\brisks?\\b|\\bimmunogenicity\\b|\\brejection\\b', weight: 2}
      ]
    },
    {
      id: 'mechanism',
      cues: [
        {pattern: '\\bmechanisms?\\b|\\bparacrine\\b|\\bimmunomodulat|\\btrophic\\b|\\bcytokines?\\b|\\bgrowth factors?\\b', weight: 2},
        {pattern: '\\bsecret(?:e|es|ed|ion)\\b|\\bmediated\\b|\\bsignal(?:ing|ling)\\b|\\bmacrophages?\\b|\\bangiogenesis\\b|\\bneoangiogenesis\\b', weight: 2},
        {pattern: '\\btransdifferentiat|\\bcell fusion\\b|\\breprogramming of\\b|\\bcontribute[sd]? to\\b|\\bmodulate|\\bdownregulat|\\bupregulat|\\bstimulat|\\bpromot(?:e|ed|es|ing)\\b', weight: 1.5},
        {pattern: '\\bengraft|\\bproliferation\\b|\\bmetalloproteinase\\b|\\bassociated with\\b|\\bthrough\\b|\\bvia\\b|\\bsuppress', weight: 1}
      ]
    },
    {
      id: 'efficacy',
      cues: [
        {pattern: '\\befficacy\\b|\\beffective(?:ness)?\\b|\\btherapeutic (?:potential|effects?|benefits?)\\b|\\bbeneficial effects?\\b', weight: 3},
        {pattern: '\\bimprov(?:e|ed|es|ing|ement|ements)\\b|\\bamelior|\\brestor(?:e|ed|ing)\\b|\\bsurvival\\b|\\bsuccess\\b|\\bpromising\\b|\\bmitigat|\\bhalted\\b|\\brecovery\\b|\\bregression\\b|\\bsuspension of\\b|\\breduc(?:e|ed|tion) (?:of )?(?:liver )?fibrosis\\b', weight: 2},
        {pattern: '\\b(?:superior|inferior) to\\b|\\bfeasibility\\b|\\bbenefits?\\b|\\boutcomes?\\b|\\bscores?\\b|\\bresults?\\b|\\bpotential\\b', weight: 1}
      ]
    },
    {
      id: 'source',
      cues: [
        {pattern: '\\bisolat(?:ed|ion|e)\\b|\\bobtained\\b|\\bharvest|\\bmobiliz|\\bmobilis|\\bexpan(?:d|ded|sion)\\b|\\bprotocols?\\b|\\b(?:cell|tissue) sources?\\b|\\bsources? of (?:stem |progenitor )?cells\\b', weight: 2},
        {pattern: '\\bderived? (?:and characterized )?(?:from|and)\\b', weight: 1},
        {pattern: '\\bdeveloped\\b|\\breprogrammed\\b|\\bgenerat(?:ed|ion) from\\b|\\bstrateg(?:y|ies)\\b|\\bengineer|encapsulat|\\bmodified\\b|\\bgenetically\\b|\\boverexpress|\\bpriming\\b|\\bleave the bone marrow\\b|\\bcirculate\\b|\\bmanufactur', weight: 2}
      ]
    },
    {
      id: 'biology',
      cues: [
        {pattern: '\\bdifferentiat(?:e|ed|es|ing) (?:in)?to\\b|\\bdifferentiat(?:e|ed|es|ing) along\\b|\\bexpress(?:es|ed|ion)?\\b|\\bmarkers?\\b|\\bself-renewal\\b|\\brenew themselves\\b|\\bpluripoten|\\bmultipoten|\\bprecursors?\\b|\\barise\\b|\\bimmature\\b|\\bpopulation\\b|\\blineages?\\b|\\bproperties\\b|\\bphenotype', weight: 2},
        {pattern: '\\bdifferentiation\\b|\\bcapable of\\b|\\bcan be found\\b|\\bmodel(?:ling|ing)\\b|\\bmolecular basis\\b|\\bresistant\\b', weight: 1.5}
      ]
    }
  ],
  defaultCategory: 'biology',
  evidence: [
    {id: 'clinical', cues: ['\\bpatients?\\b(?!-)', '\\bclinical (?:stud|trial)', '\\btrials?\\b', '\\bhuman stud', '\\bin humans\\b', '\\bautopsy\\b', '\\bphase (?:I|II|III|1|2|3)\\b', '\\brandomi[sz]ed\\b', '\\bpilot stud', '\\bcohort\\b']},
    {id: 'preclinical', cues: ['\\banimals?\\b', '\\bmice\\b', '\\bmouse model', '\\brats?\\b', '\\bpreclinical\\b', '\\bmodels? of (?:liver )?(?:injury|fibrosis|cirrhosis|disease)\\b', '\\bexperimental (?:animal|model)', '\\bxenograft']},
    {id: 'in-vitro', cues: ['\\bin vitro\\b', '\\bex vivo\\b', '\\bin culture\\b', '\\bcultured\\b', '\\bcell lines?\\b']}
  ],
  defaultEvidence: 'unspecified',
  hedgeCues: [
    '\\bmay\\b', '\\bmight\\b', '\\bcould\\b', '\\blikely\\b', '\\bseems?\\b', '\\bseemed\\b', '\\bsuggest(?:s|ed)?\\b', '\\bpossibly\\b',
    '\\bprobably\\b', '\\bappears?\\b', '\\bproposed\\b', '\\bassumed\\b', '\\b(?:is|are) considered\\b', '\\bexpected\\b',
    '\\bsupports? the inference\\b', '\\bremains? unclear\\b', '\\bremains? to be\\b', '\\byet to be\\b', '\\bnot yet\\b',
    '\\bnot been elucidated\\b', '\\bmuch to be understood\\b', '\\bputative\\b', '\\bhypothesi[sz]ed\\b', '\\bspeculated\\b',
    // A claim stated as what a model or theory says, or as evidence still growing.
    '\\bpropos(?:e|es|ing)\\b', '\\bpostulat', '\\b(?:in|according to) (?:the |this |that )?(?:[\\w-]+ )?(?:model|theory|hypothesis)\\b',
    '\\bevidence is (?:growing|accumulating)\\b', '\\b(?:growing|emerging) evidence\\b'
  ],
  nonClaimPatterns: [
    '\\b(?:the present|this) (?:review|article|paper)\\b',
    // Pointers to figures and tables.
    '^(?:the |this )?(?:diagram|figure|fig\\.|table|scheme)s?\\b(?: \\d+)?(?: (?:to the (?:right|left)|below|above))? (?:shows?|provides?|summari[sz]es|illustrates?|depicts?|lists?|gives?)\\b',
    // Terms: "This is called …", "This phenomenon is termed …".
    '^(?:this|that|it)(?: \\w+)? (?:is|are) (?:also )?(?:called|termed|known as|referred to as)\\b',
    // Patents and funding.
    '\\b(?:patent(?:ed|s)?|funded by|grant (?:no|number))\\b',
    '\\b(?:are|is|will be) (?:\\w+ )?(?:discussed|summarized|reviewed|outlined|presented)\\b'
  ],
  studyOnlyPatterns: [
    // Method steps: what was done to the cells says nothing about them without an outcome.
    '\\b(?:was|were|is|are|been) (?:\\w+ )?(?:infused|injected|administered|transplanted|delivered|labell?ed|enrolled|randomi[sz]ed|recruited)\\b',
    '\\b(?:(?:has|have|had) (?:\\w+ )?been|was|were) (?:\\w+ly )?(?:investigated|studied|used|employed|utilized|evaluated|examined|explored|tested|applied)\\b',
    '\\b(?:attracted|gained|received) (?:\\w+ )?(?:attention|interest)\\b',
    '\\bmost (?:widely|frequently|extensively|commonly) (?:studied|used|investigated)\\b(?![^.]*\\b(?:thus|therefore|because)\\b)'
  ],
  strongCueWeight: 2,
  comparisonCues: ['\\bcompared (?:to|with)\\s*$', '\\bthan(?: (?:those|that) of)?\\s*$', '\\bin contrast to\\s*$', '\\bunlike\\s*$', '\\bas in\\s*$', '\\blike that of\\s*$', '\\binstead of\\s*$'],
  originCues: [
    '\\b(?:derived|arising|arises?|originat(?:e|es|ed|ing)|descend(?:s|ed|ing)?) from\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\b(?:differentiat(?:e|es|ed|ing)|(?:de-)?differentiat(?:e|es|ed|ing)) (?:in)?to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\b(?:give[sn]?|gave|giving) rise to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$',
    '\\bleads? to\\s+(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}$'
  ],
  // "These cells", "this subpopulation": the cells of the claim before, or of the document.
  cellAnaphoraPatterns: ["\\b(?:these|those|such|the)\\s+(?:\\w+\\s+)?cells?\\b(?!['’]s)", '\\b(?:this|these|that|those|the same) (?:\\w+ )?(?:sub)?populations?\\b']
}

/**
 * The field's words for the text stages: second parts of compounds a line-end hyphen belongs to
 * (`self-/renewal`, `CD34-/expressing`, `double-/blind`, `HLA-/matched`), and the taxonomic
 * abbreviations that end in a period without ending a sentence (`Bacillus spp.`).
 */
export const stemCellText = {
  compoundHeads: ['renewal', 'expressing', 'producing', 'secreting', 'infected', 'conditioned', 'labeled', 'labelled', 'matched', 'dose', 'blind', 'arm'],
  abbreviations: ['sp', 'spp']
}

/** The whole preset: spread it into a config. */
export const stemCells = {
  entityTypes: stemCellTypes,
  distractors: stemCellDistractors,
  claims: stemCellClaims,
  text: stemCellText,
  markdown: {claimsTitle: 'Claims by cell type'}
} satisfies UserConfig

export default stemCells
