/** JSON Schema of `UserConfig`; ajv checks a loaded config against it and reports the key path. */
const stringList = {type: 'array', items: {type: 'string', minLength: 1}}
const pattern = {type: 'string', minLength: 1, format: 'regex'}
const patternList = {type: 'array', items: pattern}

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    input: {type: 'string', minLength: 1},
    output: {type: 'string', minLength: 1},
    concurrency: {type: 'integer', minimum: 0},
    // Emitter names; which exist is known only to the emitter registry, checked when a run starts.
    // The corpus files and incremental runs are built from the JSON record: it is always written.
    outputs: {type: 'array', uniqueItems: true, items: {type: 'string', pattern: '^[a-z][a-z0-9-]*$'}, contains: {const: 'json'}},
    citations: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxRange: {type: 'integer', minimum: 1},
        markdownStyle: {enum: ['links', 'pandoc']},
        style: {enum: ['auto', 'numeric', 'author-year']}
      }
    },
    bibliography: {
      type: 'object',
      additionalProperties: false,
      properties: {
        style: {type: 'string', minLength: 1},
        lang: {type: 'string', minLength: 2},
        files: {type: 'object', additionalProperties: {type: 'string', minLength: 1}}
      }
    },
    entityTypes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'names'],
        properties: {
          id: {type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$'},
          label: {type: 'string', minLength: 1},
          ontologyId: {type: ['string', 'null']},
          names: stringList,
          abbreviations: stringList,
          subtypes: stringList,
          general: {type: 'boolean'},
          composite: {type: 'boolean'},
          abbreviationPrefix: {type: 'boolean'}
        }
      }
    },
    distractors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'names'],
        properties: {
          id: {type: 'string', minLength: 1},
          label: {type: 'string', minLength: 1},
          names: stringList,
          abbreviations: stringList,
          contextCues: stringList,
          impliesType: {type: 'string', minLength: 1}
        }
      }
    },
    text: {
      type: 'object',
      additionalProperties: false,
      properties: {
        compoundHeads: {type: 'array', items: {type: 'string', pattern: '^[\\p{L}\\p{N}]+$'}},
        abbreviations: {type: 'array', items: {type: 'string', pattern: '^[\\p{L}\\p{N}]+\\.?$'}}
      }
    },
    markdown: {
      type: 'object',
      additionalProperties: false,
      properties: {claimsTitle: {type: 'string', minLength: 1, pattern: '^\\S(?:[^\\n\\r]*\\S)?$'}, references: {enum: ['list', 'none']}}
    },
    claims: {
      type: 'object',
      additionalProperties: false,
      properties: {
        categories: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'cues'],
            properties: {
              id: {type: 'string', minLength: 1},
              cues: {
                type: 'array',
                items: {
                  anyOf: [
                    pattern,
                    {type: 'object', additionalProperties: false, required: ['pattern', 'weight'], properties: {pattern, weight: {type: 'number'}}}
                  ]
                }
              }
            }
          }
        },
        defaultCategory: {type: 'string', minLength: 1},
        evidence: {
          type: 'array',
          items: {type: 'object', additionalProperties: false, required: ['id', 'cues'], properties: {id: {type: 'string', minLength: 1}, cues: patternList}}
        },
        defaultEvidence: {type: 'string', minLength: 1},
        hedgeCues: patternList,
        nonClaimPatterns: patternList,
        studyOnlyPatterns: patternList,
        strongCueWeight: {type: 'number', minimum: 0},
        comparisonCues: patternList,
        originCues: patternList,
        anaphoraPatterns: patternList,
        cellAnaphoraPatterns: patternList,
        compositeCues: patternList,
        otherSubjectPatterns: patternList,
        clauses: {
          type: 'object',
          additionalProperties: false,
          properties: {leadingSubordinate: pattern, trailingSubordinate: pattern, reported: pattern, continuation: pattern}
        },
        sectionEvidence: {
          type: 'array',
          items: {type: 'object', additionalProperties: false, required: ['level', 'headings'], properties: {level: {type: 'string', minLength: 1}, headings: patternList}}
        }
      }
    }
  }
} as const
