/**
 * Vitest setup file of the shared project (vitest.config.ts); the isolated test files that need it
 * import it. Tests call `analyseDocument` and `createProcessor` from src/ directly, the way a
 * program using the package does through its entry point (src/index.ts), which prepares both input
 * formats and every built-in output first. The CLI's own lazy loading is tested by spawning the
 * built CLI (tests/batch/lazy-loading.test.ts).
 */
import {emitters} from '../../src/emit/emitters.js'
import {preparePipeline} from '../../src/pipeline.js'

await preparePipeline(['text', 'markdown'], emitters().map((emitter) => emitter.name))
