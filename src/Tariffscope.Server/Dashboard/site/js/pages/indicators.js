// Indicators: import-weighted average tariffs on every change date, per scenario, over the trade data the server
// holds; a step chart of the total rate and a table of every date. Without trade data, says how to import it.
import { h, field, errorBox, formParams, fillForm, setPermalink, fmtShare, fmtAmount, show } from '../dom.js';
import { get, getPatiently, scenarios } from '../api.js';
import { stepChart, seriesStyle } from '../chart.js';
import { dataTable, figure } from './common.js';

const title = 'Indicators';
const lead = 'Trade-weighted average tariffs, day by day: what the average US duty on Chinese goods is, and how it moved.';

export async function render(main, params) {
  main.append(h('h1', {}, title), h('p', { class: 'lead' }, lead));
  let status;
  try { status = await get('/trade'); } catch (e) { main.append(errorBox(e)); return; }
  if (!status.available) {
    main.append(h('div', { class: 'placeholder', role: 'status' }, h('p', {}, status.detail)));
    return;
  }

  const partners = [...new Set(status.holdings.map(x => x.partner))];
  const list = await scenarios().catch(() => [{ name: 'actual' }]);
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-label': 'Indicators' },
    h('div', { class: 'fields' },
      field('Partners', h('input', { name: 'partner', value: partners.includes('CN') ? 'CN' : '', autocomplete: 'off' }),
        `Comma-separated; empty for all held (${partners.slice(0, 8).join(', ')}${partners.length > 8 ? ', …' : ''})`),
      field('From', h('input', { name: 'from', type: 'date', value: '2025-01-01' })),
      field('To', h('input', { name: 'to', type: 'date', value: '2025-12-31' })),
      field('Rows beside the total', h('select', { name: 'by' },
        [['none', 'None'], ['partner', 'By partner'], ['hs2', 'By HS chapter'], ['measure', 'By measure']].map(([v, t]) => h('option', { value: v }, t))))),
    h('fieldset', {}, h('legend', {}, 'Scenarios'),
      h('div', { class: 'checks' }, list.map(sc => h('label', {},
        h('input', { type: 'checkbox', name: 'scenario', value: sc.name, checked: sc.name === 'actual' }), sc.name)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Compute indicators')));

  async function run() {
    const p = formParams(form);
    const chosen = p.getAll('scenario');
    p.delete('scenario');
    p.set('scenario', chosen.length ? chosen.join(',') : 'actual');
    show(out, h('p', { class: 'meta' }, 'Computing the indicators… (over the full trade data the first answer takes some seconds; later ones come from memory)'));
    try {
      const doc = await getPatiently('/indicators', p, i => show(out, h('p', { class: 'meta' }, `Still computing the indicators… (asking again, ${i + 1})`)));
      setPermalink('/indicators', p);
      draw(doc, p);
    } catch (e) { show(out, errorBox(e)); }
  }

  function draw(doc, asked) {
    const first = doc.series[0];
    const partnerNames = asked.get('partner') ? asked.get('partner').split(',').map(x => x.trim().toUpperCase()).join(', ') : 'all partners';
    const chart = stepChart({
      series: doc.series.map(s => ({ name: s.scenario, points: s.totals.map(t => ({ date: t.date, value: t.totalRate })) })),
      from: first.from, to: first.to, format: fmtShare,
      title: `Import-weighted average total duty, ${first.importer} imports from ${partnerNames}, ${first.from} to ${first.to}`,
      description: `Step chart of the average total duty for ${doc.series.map(s => s.scenario).join(', ')}. Arrow keys move between changes.`,
    });
    show(out,
      h('h2', {}, `${first.importer} import-weighted average tariff, ${first.baseYear} weights`),
      h('p', { class: 'meta' }, `Schedule: ${doc.schedule}`),
      h('ul', { class: 'legend', 'aria-label': 'Series' }, doc.series.map((s, i) => {
        const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        const st = seriesStyle(i);
        sw.style.borderTopColor = st.color;
        if (st.dash) sw.style.borderTopStyle = 'dashed';
        return h('li', {}, sw, s.scenario);
      })),
      h('div', { class: 'chart-box' }, chart),
      doc.series.map(s => [
        dataTable(`${s.scenario}: average duty on each date it changes`,
          [{ label: 'From' }, { label: 'Imports', num: true }, { label: 'Additional', num: true }, { label: 'Total', num: true },
            { label: 'Rated share', num: true }, { label: 'Covered by (share of value)' }],
          s.totals.map(t => [t.date, figure(fmtAmount(t.tradeValue), t.tradeValue), figure(fmtShare(t.additionalRate), t.additionalRate),
            figure(fmtShare(t.totalRate), t.totalRate), figure(fmtShare(t.ratedShare), t.ratedShare),
            t.families.map(f => `${f.title} ${fmtShare(f.coveredShare)}`).join('; ')]),
          { 'data-scenario': s.scenario }),
        s.groups.length ? dataTable(`${s.scenario}: by ${s.by === 'chapter' ? 'HS chapter' : s.by}`,
          [{ label: 'From' }, { label: s.by === 'chapter' ? 'HS2' : 'Group' }, { label: 'Imports', num: true }, { label: 'Additional', num: true }, { label: 'Total', num: true }],
          s.groups.map(g => [g.date, g.group, figure(fmtAmount(g.tradeValue), g.tradeValue), figure(fmtShare(g.additionalRate), g.additionalRate),
            figure(fmtShare(g.totalRate), g.totalRate)])) : null,
        s.notes.length ? h('ul', { class: 'plain meta' }, s.notes.map(n => h('li', {}, n))) : null,
      ]),
      h('ul', { class: 'plain meta', 'aria-label': 'Notes' }, doc.notes.map(n => h('li', {}, n))));
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  main.append(form, out);
  if (params.has('scenario')) {
    fillForm(form, params);
    const chosen = params.get('scenario').split(',');
    for (const box of form.querySelectorAll('input[name=scenario]')) box.checked = chosen.includes(box.value);
    run();
  }
}
