// Pieces the pages share: the scenario picker and the layer table.
import { h, fmtMoney, fmtPct } from '../dom.js';
import { scenarios } from '../api.js';

/** A <select name=…> of the scenarios the server knows, "actual" first. */
export async function scenarioSelect(name, selected = 'actual') {
  const list = await scenarios().catch(() => [{ name: 'actual' }]);
  return h('select', { name }, list.map(sc => h('option', { value: sc.name, selected: sc.name === selected }, sc.name)));
}

/** Every layer of a quote with its rate, share, amount and legal basis; the total in the footer. */
export function layerTable(layers, total, effectiveRate, caption) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', { class: 'layers' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Layer'), h('th', { scope: 'col' }, 'Legal basis'), h('th', { scope: 'col' }, 'Ch. 99 / line'),
        h('th', { scope: 'col', class: 'num' }, 'Rate'), h('th', { scope: 'col', class: 'num' }, 'Amount'))),
      h('tbody', {}, layers.map(l => h('tr', { dataset: { measure: l.measure } },
        h('td', { 'data-label': 'Layer' }, h('strong', {}, l.title), l.notes?.length ? h('ul', { class: 'notes' }, l.notes.map(n => h('li', {}, n))) : null),
        h('td', { 'data-label': 'Legal basis' }, l.measure === 'base' ? l.source.note ?? l.source.instrument : basis(l.source)),
        h('td', { class: 'mono', 'data-label': 'Ch. 99 / line' }, l.heading ?? ''),
        h('td', { class: 'num', 'data-label': 'Rate' }, l.rate + (l.share < 1 ? ` on ${fmtPct(l.share)}` : '')),
        h('td', { class: 'num', 'data-label': 'Amount' }, fmtMoney(l.amount))))),
      total === undefined ? null : h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row', colspan: 3 }, 'Total'), h('td', { class: 'num', 'data-label': 'Rate' }, fmtPct(effectiveRate)), h('td', { class: 'num', 'data-label': 'Amount' }, fmtMoney(total))))));
}

function basis(src) {
  const text = [src.instrument, src.citation].filter(Boolean).join('; ');
  const conf = src.confidence && src.confidence !== 'high' ? h('span', { class: 'hint' }, ` (confidence: ${src.confidence})`) : null;
  // only http(s) links are followed; anything else stays text
  return src.link && /^https?:\/\//.test(src.link)
    ? [h('a', { href: src.link, rel: 'noopener noreferrer', target: '_blank' }, text), conf]
    : [text, conf];
}

export function warnings(list) {
  return list?.length ? h('div', { class: 'alert warning', role: 'status' }, h('strong', {}, 'Warnings'), h('ul', { class: 'plain' }, list.map(w => h('li', {}, w)))) : null;
}

/** A figure shown formatted and downloaded as the number it is: dataTable(…, [[…, figure(fmtAmount(v), v)]]). */
export const figure = (text, value) => ({ figure: true, text, value });

/**
 * A captioned table in a scrollable, focusable region: columns [{label, num}], rows of cells (the first is the
 * row's header). Cells are text, nodes or figure()s.
 */
export function dataTable(caption, columns, rows, attrs = {}) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', { class: 'data', ...attrs },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((cell, i) => i === 0
        ? h('th', { scope: 'row' }, cell)
        : cell?.figure
          ? h('td', { class: columns[i]?.num ? 'num' : null, 'data-value': cell.value }, cell.text)
          : h('td', { class: columns[i]?.num ? 'num' : null }, cell)))))));
}
