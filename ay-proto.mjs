import {Cite} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {readFileSync} from 'node:fs'
import {pdfTextParse} from './dist/parse/pdf-text.js'
import {entryFirstName} from './dist/parse/alphabetical-reference-list.js'
for (const f of ['tests/fixtures/citeproc-callouts/invented.csl.json', 'tests/fixtures/ohip-nl/references.csl.json'])
for (const template of ['apa', 'harvard1']) {
const items = JSON.parse(readFileSync(f, 'utf8')).filter(i => i.author?.length)
const list = new Cite(items).format('bibliography', {template, format: 'text', asEntryArray: true})
const wrap = (text, width = 60) => { const lines = []; let line = ''; for (const word of text.split(' ')) { if (line !== '' && line.length + 1 + word.length > width) { lines.push(line); line = word } else line = line === '' ? word : `${line} ${word}` } if (line) lines.push(line); return lines.join('\n') }
const refs = list.map(([, e]) => wrap(e.replace(/\s+/g, ' ').trim())).join('\n')
const tree = pdfTextParse('Title\n\nIntro\n\nText here.\n\nReferences\n\n' + refs + '\n')
const got = tree.data?.referenceList?.entries ?? []
console.log(f, template, got.length, list.length)
for (const e of got) if (e.raw.length > 0 && list.findIndex(([, x]) => x.replace(/\s+/g,' ').trim() === e.raw) < 0) console.log('  BAD:', e.raw.slice(0, 200))
for (const [,x] of list) if (!entryFirstName(x)) console.log('  NOSTART:', x.slice(0,80))
}
