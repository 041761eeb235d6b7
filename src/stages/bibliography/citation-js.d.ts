// citation-js ships no types: these cover what citeclaim uses.
declare module '@citation-js/core' {
  export interface CslItem {
    id: string
    type?: string
    title?: string
    'citation-number'?: string | number
    [key: string]: unknown
  }
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>)
    data: CslItem[]
    format(format: string, options?: Record<string, unknown>): string
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>
  }
  export const plugins: {
    add(name: string, plugin: unknown): void
    config: {get(name: string): any}
    input: {
      chain(data: unknown, options?: Record<string, unknown>): CslItem[]
      type(data: unknown): string
    }
  }
}
declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
