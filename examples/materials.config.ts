import {defineConfig} from 'citeclaim/config'
import {materials} from 'citeclaim/presets/materials'

/**
 * A second field: carbon and 2D nanomaterials in reviews of materials science and gas sensing.
 * Run it with `citeclaim run reviews --config examples/materials.config.ts`. Everything about the
 * field comes from the materials preset; add types or cues by extending its lists here, e.g.
 * `entityTypes: [...materials.entityTypes, {id: 'hBN', label: 'Hexagonal boron nitride', names: ['hexagonal boron nitride'], abbreviations: ['hBN']}]`.
 */
export default defineConfig({
  ...materials,
  input: 'input',
  output: 'output',
  citations: {maxRange: 1000, markdownStyle: 'links'},
  bibliography: {style: 'vancouver', lang: 'en-US'}
})
