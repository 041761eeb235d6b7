import {defineConfig} from 'citeclaim/config'
import {stemCells} from 'citeclaim/presets/stem-cells'

/**
 * The shipped configuration: stem cell types in reviews of regenerative medicine. The field's
 * vocabulary (types, distractors, claim categories and cues, the Markdown section title) comes from
 * the stem-cell preset; another field spreads another preset or lists its own (see
 * examples/materials.config.ts).
 */
export default defineConfig({
  ...stemCells,
  input: 'input',
  output: 'output',
  // 0 = one worker per core.
  concurrency: 0,
  // The evidence map (<id>.html, index.html) besides the defaults.
  outputs: ['json', 'md', 'csl', 'html'],
  citations: {maxRange: 1000, markdownStyle: 'links'},
  bibliography: {style: 'vancouver', lang: 'en-US'}
})
