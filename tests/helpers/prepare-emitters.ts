/**
 * Vitest setup: tests call `analyseDocument` from src/ directly, the way a program using the package
 * does through its entry point (src/index.ts), which prepares every built-in emitter first. The
 * CLI's own lazy loading is tested by spawning the built CLI (tests/batch/lazy-emitters.test.ts).
 */
import {emitters, prepareEmitters} from '../../src/emit/emitters.js'

await prepareEmitters(emitters().map((emitter) => emitter.name))
