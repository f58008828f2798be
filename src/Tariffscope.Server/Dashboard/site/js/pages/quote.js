// Quote: the duty owed on one line, layer by layer, with a permalink that asks the same question again.
import { h, field, clear, errorBox, formParams, fillForm, setPermalink, fmtMoney, fmtPct, today, show } from '../dom.js';
import { get } from '../api.js';
import { scenarioSelect, layerTable, warnings } from './common.js';

export async function render(main, params) {
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const results = h('ul', { class: 'search-results', hidden: true, 'aria-label': 'Matching lines' });
  const searchBox = h('input', { type: 'search', name: 'q', autocomplete: 'off', placeholder: 'e.g. steel screws, lithium batteries' });
  const codeInput = h('input', { name: 'code', required: true, inputmode: 'decimal', autocomplete: 'off', value: '7326.90.86', pattern: '[0-9. ]{2,14}' });

  const search = h('form', { class: 'panel', role: 'search', 'aria-label': 'Code search' },
    h('div', { class: 'fields' }, field('Find a code by description', searchBox, 'All words must occur; a code prefix lists the lines under it')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Search')),
    results);
  search.addEventListener('submit', async ev => {
    ev.preventDefault();
    clear(results).hidden = false;
    try {
      const doc = await get('/schedule/search', new URLSearchParams({ q: searchBox.value, limit: '15' }));
      if (doc.lines.length === 0) results.append(h('li', {}, h('p', { class: 'meta' }, `No line's description holds all of "${searchBox.value}".`)));
      for (const hit of doc.lines) {
        results.append(h('li', {}, h('button', { type: 'button', onclick: () => { codeInput.value = hit.code; results.hidden = true; codeInput.focus(); } },
          h('span', { class: 'code' }, hit.code), hit.description, hit.general ? ` — ${hit.general}` : '',
          hit.under ? h('span', { class: 'under' }, hit.under) : null)));
      }
    } catch (e) { results.append(h('li', {}, errorBox(e))); }
  });

  const form = h('form', { class: 'panel', 'aria-label': 'Quote' },
    h('div', { class: 'fields' },
      field('Tariff code', codeInput, '8 or 10 digits'),
      field('Origin', h('input', { name: 'origin', required: true, value: 'CN', maxlength: 2, autocomplete: 'off' }), 'Two-letter country'),
      field('Entry date', h('input', { name: 'date', type: 'date', required: true, value: today() })),
      field('Customs value (USD)', h('input', { name: 'value', type: 'number', min: 0, step: '0.01', value: 10000 })),
      field('Quantity', h('input', { name: 'qty', type: 'number', min: 0, step: 'any' }), 'For specific rates'),
      field('Unit', h('input', { name: 'unit', autocomplete: 'off' }), 'kg, liters, doz., No.')),
    h('details', { class: 'more' }, h('summary', {}, 'More: metal share, programme, scenario, importer'),
      h('div', { class: 'fields' },
        field('Metal share', h('input', { name: 'metalShare', type: 'number', min: 0, max: 1, step: '0.01' }), '0 to 1, for Section 232 derivatives'),
        field('Special programme', h('input', { name: 'program', autocomplete: 'off' }), 'S for USMCA, KR, AU…'),
        field('Scenario', await scenarioSelect('scenario')),
        field('Importer', h('select', { name: 'importer' }, h('option', { value: 'US' }, 'US'), h('option', { value: 'CN' }, 'CN'))),
        field('As known on', h('input', { name: 'asKnownOn', type: 'date' }), 'Only rules published by then'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Quote')));

  async function run() {
    const p = formParams(form);
    if (p.get('scenario') === 'actual') p.delete('scenario');
    if (p.get('importer') === 'US') p.delete('importer');
    if (!p.has('qty')) p.delete('unit');
    show(out, h('p', { class: 'meta' }, 'Rating…'));
    try {
      const q = await get('/quote', p);
      const link = setPermalink('/quote', p);
      const path = q.importer === 'US'
        ? await get(`/schedule/lines/${encodeURIComponent(q.code)}`, new URLSearchParams({ date: q.date })).then(l => l.path).catch(() => [])
        : [];
      show(out,
        h('h2', {}, `${q.code} ${q.description}`),
        path.length > 1 ? h('p', { class: 'meta' }, path.slice(0, -1).map(x => (x.code ? `${x.code} ${x.description}` : x.description).replace(/:\s*$/, '')).join(' › ')) : null,
        h('p', { class: 'meta' }, `Origin ${q.origin} into ${q.importer} · entered ${q.date} · customs value ${fmtMoney(q.customsValue)} · scenario ${q.scenario}`),
        h('div', { class: 'summary' }, h('span', { class: 'total' }, fmtMoney(q.totalDuty)), h('span', { class: 'rate' }, `${fmtPct(q.effectiveRate)} of value`)),
        layerTable(q.layers, q.totalDuty, q.effectiveRate, 'Duty layers, in the order CBP reports them'),
        q.omitted.length ? [h('h3', {}, 'Left out'), h('ul', { class: 'plain' }, q.omitted.map(o => h('li', {}, h('strong', {}, o.title), o.heading ? ` (${o.heading})` : '', `: ${o.reason}`)))] : null,
        warnings(q.warnings),
        h('p', { class: 'meta' }, `Schedule: ${q.schedule}`),
        h('p', { class: 'permalink' }, 'Permalink: ', h('a', { href: link }, link)));
    } catch (e) { show(out, errorBox(e)); }
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  main.append(h('h1', {}, 'Quote a line'),
    h('p', { class: 'lead' }, 'The duty owed on one import line on a date, every layer with its legal basis.'),
    search, form, out);
  if (params.has('code')) { fillForm(form, params); if (params.has('metalShare') || params.has('scenario') || params.has('program')) form.querySelector('details').open = true; run(); }
}
