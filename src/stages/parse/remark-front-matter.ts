import {createRequire} from 'node:module'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {reportOn} from '../../diagnostics.js'

/**
 * The yaml package, loaded by the first document with front matter: it is CommonJS (loadable here,
 * where the transform must stay synchronous) and costs about 40 CPU ms of a run's start-up (39–46 in five runs by hand), which a run
 * of text files or of Markdown without front matter does not pay.
 */
let yaml: typeof import('yaml') | undefined
const loadYaml = (): typeof import('yaml') => (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'))

/** What citeclaim reads from a Markdown document's YAML front matter. */
export interface FrontMatter {
  /** `title:` as text; the document's title when present. */
  title?: string
  /** `bibliography:` as written: one path or several. */
  bibliography?: string[]
}

declare module 'vfile' {
  interface DataMap {
    /** The YAML front matter of a Markdown document, when it has one that could be read. */
    frontMatter: FrontMatter
  }
}

/**
 * Reads the YAML front matter that remark-frontmatter found (`---` … `---` opening the document) into
 * `file.data.frontMatter` (`title`, `bibliography`) and takes it out of the tree, so that it becomes
 * neither a section nor sentences. YAML that does not parse, or is not a mapping, is reported
 * (`front-matter-invalid`, at the error's place) and the document goes on without it. Aliases are
 * capped, so a "billion laughs" document cannot blow up.
 */
export function remarkFrontMatter() {
  return function transform(tree: Root, file: VFile): void {
    const node = tree.children[0]
    if (node?.type !== 'yaml') return
    tree.children = tree.children.slice(1)
    const start = node.position?.start
    const {parse: parseYaml, YAMLError} = loadYaml()
    let value: unknown
    try {
      value = parseYaml(node.value, {maxAliasCount: 100})
    } catch (error) {
      // A syntax error (YAMLError), or the alias cap (a ReferenceError from the yaml package).
      if (!(error instanceof YAMLError) && !(error instanceof ReferenceError)) throw error
      // The front matter's text starts on the line after its opening `---`.
      const at = error instanceof YAMLError ? error.linePos?.[0] : undefined
      const place = start && at ? {line: start.line + at.line, column: at.col} : start
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      reportOn(file, 'front-matter-invalid', `YAML front matter could not be read: ${reason}; ignored`, place)
      return
    }
    if (value === null || value === undefined) return
    if (typeof value !== 'object' || Array.isArray(value)) {
      reportOn(file, 'front-matter-invalid', 'YAML front matter is not a mapping of keys to values; ignored', start)
      return
    }
    const record = value as Record<string, unknown>
    const out: FrontMatter = {}
    if (typeof record.title === 'string' && record.title.trim() !== '') out.title = record.title.replace(/\s+/g, ' ').trim()
    const bibliography = typeof record.bibliography === 'string' ? [record.bibliography] : Array.isArray(record.bibliography) ? record.bibliography.filter((path): path is string => typeof path === 'string') : []
    if (bibliography.length > 0) out.bibliography = bibliography
    file.data.frontMatter = out
  }
}
