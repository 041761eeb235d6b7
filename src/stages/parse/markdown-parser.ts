import type remarkFrontmatterPlugin from 'remark-frontmatter'
import type remarkParsePlugin from 'remark-parse'

/** The Markdown parser's plugins: remark-parse (micromark) and remark-frontmatter. */
export interface MarkdownParserPlugins {
  remarkParse: typeof remarkParsePlugin
  remarkFrontmatter: typeof remarkFrontmatterPlugin
}

let plugins: MarkdownParserPlugins | undefined
let loading: Promise<void> | undefined

/**
 * Loads the Markdown parser (about 40 CPU ms of start-up, 38–57 in five runs by hand: micromark's sixty-odd modules), which a run of
 * plain-text documents never uses. ES modules only, so this is asynchronous: the batch awaits it
 * before the first Markdown document it analyses in a thread; the package's entry point awaits it
 * once. Repeated calls share the one load.
 */
export function prepareMarkdownParser(): Promise<void> {
  return (loading ??= Promise.all([import('remark-parse'), import('remark-frontmatter')]).then(([parse, frontmatter]) => {
    plugins = {remarkParse: parse.default, remarkFrontmatter: frontmatter.default}
  }))
}

/** The Markdown parser's plugins; throws when `prepareMarkdownParser` has not finished in this thread. */
export function markdownParserPlugins(): MarkdownParserPlugins {
  if (!plugins) throw new Error('the Markdown parser is not loaded: await prepareMarkdownParser() (or preparePipeline) before analysing a Markdown document')
  return plugins
}
