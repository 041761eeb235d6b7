/**
 * The evidence map pages' style sheet, inlined in every page (no network, opens from `file://`) and
 * allowed by its hash in the page's Content-Security-Policy. Colours pass WCAG AA: body text and
 * links on white ≥ 7:1, cell text on every shade ≥ 4.5:1 (dark shades switch to white text).
 */
export const pageStyle = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 1px solid #c8c8c8; padding-bottom: .5rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; }
a { color: #0b4fa8; }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
nav ul { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.meta { color: #4a4a4a; margin: .25rem 0; }
[hidden] { display: none !important; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: right; vertical-align: top; }
th[scope=row], thead th:first-child { text-align: left; font-weight: 600; }
thead th { background: #f2f2f2; }
table.matrix td { white-space: nowrap; }
td a { color: inherit; display: block; text-decoration: underline; }
.total { background: #fff; color: #1b1b1b; font-weight: 600; }
td a[aria-current=true] { outline: 3px solid #b35c00; outline-offset: -3px; }
.hedged { font-size: .85em; }
.shade-0, table.matrix td:not([class]) { background: #fff; color: #595959; }
.shade-1 { background: #eef4fb; color: #1b1b1b; }
.shade-2 { background: #d3e3f5; color: #1b1b1b; }
.shade-3 { background: #a9c9ec; color: #1b1b1b; }
.shade-4 { background: #2f6eb5; color: #fff; }
.shade-5 { background: #173f73; color: #fff; }
fieldset { border: 1px solid #c8c8c8; display: inline-block; margin: .25rem 1rem .25rem 0; padding: .25rem .75rem; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; margin: .5rem 0; }
.controls label { margin-right: .25rem; }
select, button { font: inherit; }
ol.claims { padding-left: 1.5rem; }
ol.claims > li { margin: .5rem 0 .75rem; }
ol.claims small { display: block; font-size: .9em; color: #333; }
#text mark { background: #fff1a8; color: #1b1b1b; }
#text mark:target { outline: 3px solid #b35c00; }
.invalid { color: #8a1c1c; }
#text p { max-width: 48rem; }
#references li:target { background: #fff1a8; }
#cite-tip { position: absolute; z-index: 10; max-width: 28rem; background: #fff; color: #1b1b1b; border: 1px solid #595959; box-shadow: 0 2px 6px rgba(0,0,0,.25); padding: .5rem .75rem; font-size: .9em; }
`
