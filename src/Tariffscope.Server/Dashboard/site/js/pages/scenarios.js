// Scenarios: the what-ifs the server knows, and where two of them disagree on a date.
import { h, field, clear, errorBox, formParams, fillForm, setPermalink, fmtPct, fmtAmount, show } from '../dom.js';
import { get, scenarios } from '../api.js';
import { scenarioSelect } from './common.js';

const points = f => `${f > 0 ? '+' : ''}${Number((f * 100).toFixed(2))} pts`;

export async function render(main, params) {
  const list = await scenarios();
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-label': 'Compare scenarios' },
    h('div', { class: 'fields' },
      field('Scenario A', await scenarioSelect('a', 'actual')),
      field('Scenario B', await scenarioSelect('b', list.find(s => s.name !== 'actual')?.name ?? 'actual')),
      field('Date', h('input', { name: 'date', type: 'date', value: '2025-08-20', required: true })),
      field('Origin', h('input', { name: 'origin', maxlength: 2, value: 'CN', autocomplete: 'off' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Compare')));

  async function run() {
    const p = formParams(form);
    show(out, h('p', { class: 'meta' }, 'Quoting every line under both…'));
    try {
      const d = await get('/diff', p);
      setPermalink('/scenarios', p);
      // with trade data held, the server weighs each line by its imports: say how much, largest first
      const weighed = d.lines.some(l => l.tradeValue != null);
      show(out, 
        h('h2', {}, `${d.b} against ${d.a} on ${d.date}, origin ${d.origin}`),
        h('p', { class: 'meta' }, `${d.linesCompared} lines compared, ${d.linesDiffering} differ, ${d.linesNotRated} could not be rated.`),
        d.byMeasure.length ? h('div', { class: 'table-wrap', role: 'region', 'aria-label': 'By measure', tabindex: 0 }, h('table', {},
          h('caption', {}, 'The difference by measure'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col', class: 'num' }, 'Lines'), h('th', { scope: 'col', class: 'num' }, 'Average change (points)'),
            weighed ? h('th', { scope: 'col', class: 'num' }, 'Duty at stake / yr') : null)),
          h('tbody', {}, d.byMeasure.map(m => h('tr', {}, h('td', {}, m.title), h('td', { class: 'num' }, m.lines), h('td', { class: 'num' }, points(m.averageDifference)),
            weighed ? h('td', { class: 'num', 'data-value': m.dutyAtStake }, m.dutyAtStake == null ? '' : fmtAmount(m.dutyAtStake)) : null))))) : h('p', {}, 'The two scenarios agree on every line on this date.'),
        d.lines.length ? h('div', { class: 'table-wrap', role: 'region', 'aria-label': 'Lines', tabindex: 0 }, h('table', {},
          h('caption', {}, weighed ? 'Lines that differ, largest duty at stake first' : 'Lines that differ, largest change first'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Description'), h('th', { scope: 'col', class: 'num' }, d.a),
            h('th', { scope: 'col', class: 'num' }, d.b), weighed ? h('th', { scope: 'col', class: 'num' }, 'Imports') : null,
            weighed ? h('th', { scope: 'col', class: 'num' }, 'Duty at stake / yr') : null, h('th', { scope: 'col' }, 'Why'))),
          h('tbody', {}, d.lines.map(l => h('tr', {}, h('td', { class: 'mono' }, l.code), h('td', {}, l.description),
            h('td', { class: 'num', 'data-value': l.rateA }, fmtPct(l.rateA)), h('td', { class: 'num', 'data-value': l.rateB }, fmtPct(l.rateB)),
            weighed ? h('td', { class: 'num', 'data-value': l.tradeValue }, l.tradeValue == null ? '' : fmtAmount(l.tradeValue)) : null,
            weighed ? h('td', { class: 'num', 'data-value': l.dutyAtStake }, l.dutyAtStake == null ? '' : fmtAmount(l.dutyAtStake)) : null,
            h('td', {}, l.measures.join('; '))))))) : null);
    } catch (e) { show(out, errorBox(e)); }
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  main.append(h('h1', {}, 'Scenarios'),
    h('p', { class: 'lead' }, 'The actual timeline and the what-ifs: a truce that lapses, an escalation that returns.'),
    h('div', { class: 'cards' }, list.map(s => h('article', { class: 'card' },
      h('h3', {}, s.name, s.uploaded ? ' (uploaded)' : ''),
      h('p', {}, s.description ?? ''),
      s.inherits ? h('p', { class: 'meta' }, `Inherits ${s.inherits}`) : null))),
    h('h2', {}, 'Where two scenarios disagree'), form, out);
  if (params.has('b')) fillForm(form, params);
  run();
}
