/**
 * The evidence map pages' script, inlined in every page and allowed by its hash in the page's
 * Content-Security-Policy. It only filters and selects: everything it works on is already in the
 * HTML, which reads without it. It never parses markup (no innerHTML): the citation tip is a clone
 * of the reference's own nodes.
 */
export const pageScript = `
(function () {
  'use strict'
  var doc = document
  function all(selector, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(selector)) }
  function byId(id) { return doc.getElementById(id) }
  all('.js-only').forEach(function (element) { element.hidden = false })

  // Columns: category or evidence level (without JavaScript both tables show).
  function showAxis(axis) {
    all('[data-matrix-axis]').forEach(function (table) { table.hidden = table.getAttribute('data-matrix-axis') !== axis })
  }
  var axisSwitch = byId('axis-switch')
  if (axisSwitch) {
    var checked = axisSwitch.querySelector('input:checked')
    showAxis(checked ? checked.value : 'category')
    axisSwitch.addEventListener('change', function (event) { showAxis(event.target.value) })
  }

  // Selecting a cell lists its claims; the filters narrow the list.
  var claims = all('ol.claims > li')
  // A claim's facets: "types|category|evidence|hedged", names URI-encoded, types space-separated.
  var facets = claims.map(function (item) {
    var parts = item.getAttribute('data-facets').split('|')
    return {
      types: parts[0] === '' ? [] : parts[0].split(' ').map(decodeURIComponent),
      category: decodeURIComponent(parts[1]),
      evidence: decodeURIComponent(parts[2]),
      hedged: parts[3] === '1'
    }
  })
  var status = byId('claims-status')
  var evidenceFilter = byId('filter-evidence')
  var hedgedFilter = byId('filter-hedged')
  var selection = null
  var selectedLink = null
  function apply() {
    var evidence = evidenceFilter ? evidenceFilter.value : ''
    var hedged = hedgedFilter ? hedgedFilter.value : ''
    var shown = 0
    claims.forEach(function (item, index) {
      var claim = facets[index]
      var visible = (!selection || (claim.types.indexOf(selection.type) !== -1 && (selection.axis === '' || claim[selection.axis] === selection.value))) &&
        (evidence === '' || claim.evidence === evidence) &&
        (hedged === '' || String(claim.hedged) === hedged)
      item.hidden = !visible
      if (visible) shown++
    })
    if (status) {
      var what = selection ? ' of ' + selection.label : ''
      var narrowed = (evidence !== '' ? ', evidence ' + evidence : '') + (hedged === 'true' ? ', hedged only' : hedged === 'false' ? ', not hedged' : '')
      status.textContent = shown + (shown === 1 ? ' claim' : ' claims') + what + narrowed
    }
    var clear = byId('show-all')
    if (clear) clear.disabled = !selection
  }
  function select(link) {
    if (selectedLink) selectedLink.removeAttribute('aria-current')
    selectedLink = link
    if (link) {
      link.setAttribute('aria-current', 'true')
      // The cell's type is its row's, its value its column's (cells carry no attributes of their own).
      var cell = link.closest('td')
      var table = link.closest('table')
      var type = cell.parentElement.getAttribute('data-type')
      var header = table.querySelectorAll('thead th')[cell.cellIndex]
      var value = header ? header.getAttribute('data-value') || '' : ''
      selection = {type: type, axis: value === '' ? '' : table.getAttribute('data-matrix-axis'), value: value, label: type + (value === '' ? '' : ' × ' + value)}
    } else {
      selection = null
    }
    apply()
  }
  all('table.matrix td a').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault()
      select(link)
    })
  })
  if (evidenceFilter) evidenceFilter.addEventListener('change', apply)
  if (hedgedFilter) hedgedFilter.addEventListener('change', apply)
  var showAll = byId('show-all')
  if (showAll) showAll.addEventListener('click', function () { select(null) })
  if (claims.length > 0) apply()

  // Arrow keys move between the matrix cells that list claims.
  all('table.matrix').forEach(function (table) {
    table.addEventListener('keydown', function (event) {
      var moves = {ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0]}
      var move = moves[event.key]
      var cell = event.target.closest ? event.target.closest('td, th') : null
      if (!move || !cell) return
      var rows = all('tbody tr', table)
      var row = rows.indexOf(cell.parentElement)
      var column = cell.cellIndex
      for (;;) {
        row += move[0]
        column += move[1]
        if (row < 0 || row >= rows.length || column < 0 || column >= rows[row].cells.length) return
        var link = rows[row].cells[column].querySelector('a')
        if (link) {
          event.preventDefault()
          link.focus()
          return
        }
      }
    })
  })

  // A citation shows its reference on hover and focus.
  var tip = byId('cite-tip')
  var tipFor = null
  function hideTip() {
    if (!tip || !tipFor) return
    tip.hidden = true
    tipFor.removeAttribute('aria-describedby')
    tipFor = null
  }
  function showTip(link) {
    var reference = byId((link.getAttribute('href') || '').slice(1))
    if (!tip || !reference) return
    hideTip()
    while (tip.firstChild) tip.removeChild(tip.firstChild)
    Array.prototype.forEach.call(reference.childNodes, function (node) { tip.appendChild(node.cloneNode(true)) })
    all('[id]', tip).forEach(function (element) { element.removeAttribute('id') })
    var box = link.getBoundingClientRect()
    tip.style.left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + doc.documentElement.clientWidth - 460)) + 'px'
    tip.style.top = (box.bottom + window.scrollY + 6) + 'px'
    tip.hidden = false
    link.setAttribute('aria-describedby', 'cite-tip')
    tipFor = link
  }
  all('a[href^="#ref-"]').forEach(function (link) {
    link.addEventListener('mouseenter', function () { showTip(link) })
    link.addEventListener('focus', function () { showTip(link) })
    link.addEventListener('mouseleave', hideTip)
    link.addEventListener('blur', hideTip)
  })
  doc.addEventListener('keydown', function (event) { if (event.key === 'Escape') hideTip() })
})()
`
