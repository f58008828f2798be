// Impact: solve a GSIM partial-equilibrium model (pasted or uploaded JSON) and, when trade data is held, the impact of
// a scenario's tariffs against a baseline: flows by partner (creation and diversion) and welfare by region.
import { h, field, errorBox, formParams, fillForm, setPermalink, show, fmtAmount } from '../dom.js';
import { get, getPatiently, post } from '../api.js';
import { dataTable, scenarioSelect, warnings } from './common.js';

// The three-region example of docs/impact.md: the US and China raise their tariffs on each other by 24 points.
const example = `{
  "regions": ["US", "CN", "VN"],
  "flows": [[0, 140, 13], [440, 0, 160], [137, 60, 0]],
  "powerOfTariffBefore": [[1.0, 1.32, 1.05], [1.55, 1.0, 1.02], [1.10, 1.01, 1.0]],
  "powerOfTariffAfter":  [[1.0, 1.56, 1.05], [1.79, 1.0, 1.02], [1.10, 1.01, 1.0]],
  "importDemandElasticity": [-1.25, -1.1, -1.3],
  "exportSupplyElasticity": 1.5,
  "substitutionElasticity": 5.0
}`;

const num = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const val = v => num.format(v);
const signed = v => (v > 0 ? '+' : '') + num.format(v);
const pct = v => `${v > 0 ? '+' : ''}${(v * 100).toFixed(2)}%`;
const bn = fmtAmount; // $429.4 bn, $12.3 m, $45,000.00: as people read them

/** A row whose every figure is zero says nothing: tables leave it out. */
const allZero = (...values) => values.every(v => !v);

export async function render(main, params) {
  const model = h('textarea', { name: 'model', rows: 10, spellcheck: 'false', class: 'mono' }, example);
  const file = h('input', { type: 'file', accept: '.json,application/json' });
  file.addEventListener('change', async () => { if (file.files.length) model.value = await file.files[0].text(); });
  const modelOut = h('div', { class: 'result', 'aria-live': 'polite' });
  const modelForm = h('form', { class: 'panel', 'aria-label': 'Solve a model' },
    h('h2', {}, 'Your own model'),
    h('div', { class: 'fields' },
      field('Model (JSON)', model, 'regions, flows (rows export to columns), powerOfTariffBefore/After (1 + rate), elasticities'),
      field('Or load a model file', file)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Solve model')));
  modelForm.addEventListener('submit', async ev => {
    ev.preventDefault();
    show(modelOut, h('p', { class: 'meta' }, 'Solving…'));
    try { show(modelOut, solved(await post('/impact', null, model.value, 'application/json'))); }
    catch (e) { show(modelOut, errorBox(e)); }
  });

  // The question most people ask first (a scenario over the trade data) comes first; a model of one's own second.
  const scenarioPanel = h('section', { class: 'panel', 'aria-label': 'A scenario over the trade data' }, h('h2', {}, 'A scenario over the trade data'));
  main.append(h('h1', {}, 'Impact'),
    h('p', { class: 'lead' }, 'The economic impact of a tariff shock (GSIM partial equilibrium): prices, trade creation and diversion, surplus, revenue and welfare by region.'),
    scenarioPanel, modelForm, modelOut);
  let status;
  try { status = await get('/trade'); } catch (e) { scenarioPanel.append(errorBox(e)); return; }
  if (!status.available) { scenarioPanel.append(h('div', { class: 'placeholder', role: 'status' }, h('p', {}, status.detail))); return; }

  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': 'Scenario impact' },
    h('div', { class: 'fields' },
      field('Scenario', await scenarioSelect('scenario', 'truce-lapses-aug-2025')),
      field('Baseline', await scenarioSelect('baseline', 'actual')),
      field('Date', h('input', { name: 'date', type: 'date', value: '2025-08-20', required: true })),
      field('Product groups', h('select', { name: 'level' }, [['hs2', 'HS chapters'], ['hs6', 'HS 6-digit'], ['total', 'One total']].map(([v, t]) => h('option', { value: v }, t))))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Run the scenario')));
  async function run() {
    const p = formParams(form);
    show(out, h('p', { class: 'meta' }, 'Rating the trade flows under both scenarios and solving…'));
    try {
      const d = await getPatiently('/impact', p, i => show(out, h('p', { class: 'meta' }, `Still rating and solving… (asking again, ${i + 1})`)));
      setPermalink('/impact', p);
      show(out, scenarioResult(d));
    } catch (e) { show(out, errorBox(e)); }
  }
  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  scenarioPanel.append(form, out);
  if (params.has('scenario')) { fillForm(form, params); run(); }
}

function solved(r) {
  const t = r.totals;
  return [
    dataTable('Effects by region (values in the unit of the flows)',
      [{ label: 'Region' }, { label: 'World price', num: true }, { label: 'Domestic price', num: true }, { label: 'Consumer surplus', num: true },
        { label: 'Producer surplus', num: true }, { label: 'Tariff revenue', num: true }, { label: 'Welfare', num: true }],
      [...r.regions.filter(g => !allZero(g.worldPriceChange, g.domesticPriceChange, g.consumerSurplus, g.producerSurplus, g.tariffRevenue, g.welfare)).map(g => [g.region, pct(g.worldPriceChange), pct(g.domesticPriceChange), val(g.consumerSurplus), val(g.producerSurplus), val(g.tariffRevenue), signed(g.welfare)]),
        ['Total', '', '', val(t.consumerSurplus), val(t.producerSurplus), val(t.tariffRevenue), signed(t.welfare)]], { class: 'data welfare' }),
    dataTable('Flows (exporter → importer): trade creation and diversion',
      [{ label: 'Route' }, { label: 'Before', num: true }, { label: 'After', num: true }, { label: 'Change', num: true }, { label: 'Change %', num: true }],
      [...r.routes.filter(x => !allZero(x.before, x.after)).map(x => [`${x.exporter} → ${x.importer}`, val(x.before), val(x.after), signed(x.change), pct(x.change / x.before)]),
        ['World trade', val(t.tradeBefore), val(t.tradeAfter), signed(t.tradeAfter - t.tradeBefore), t.tradeBefore ? pct((t.tradeAfter - t.tradeBefore) / t.tradeBefore) : '']], { class: 'data routes' }),
    warnings(r.warnings),
  ];
}

function scenarioResult(d) {
  return [
    h('h3', {}, `${d.scenario} against ${d.baseline} on ${d.date}: imports into ${d.importer}, per ${d.level} product group`),
    h('p', { class: 'meta' }, `${d.flowsRated} base-year flows rated (${d.schedule}); ${d.flowsNotRated} not rated, left out.`),
    h('p', {}, `Imports ${bn(d.importsBefore)} → ${bn(d.importsAfter)} (${pct(d.importsAfter / d.importsBefore - 1)}); welfare ${bn(d.totals.welfare)}.`),
    dataTable('Flows by partner (creation and diversion)',
      [{ label: 'Partner' }, { label: 'Before', num: true }, { label: 'After', num: true }, { label: 'Change', num: true }],
      d.partners.filter(p => p.flowBefore !== 0 || p.flowAfter !== 0).map(p => [p.partner, bn(p.flowBefore), bn(p.flowAfter), bn(p.flowChange)]), { class: 'data partners' }),
    dataTable('Welfare by region',
      [{ label: 'Region' }, { label: 'Consumer surplus', num: true }, { label: 'Producer surplus', num: true }, { label: 'Tariff revenue', num: true }, { label: 'Welfare', num: true }],
      d.regions.filter(g => !allZero(g.consumerSurplus, g.producerSurplus, g.tariffRevenue, g.welfare))
        .map(g => [g.region, bn(g.consumerSurplus), bn(g.producerSurplus), bn(g.tariffRevenue), bn(g.welfare)]), { class: 'data regions' }),
    d.defaultsNote ? h('p', { class: 'meta' }, d.defaultsNote) : null,
    d.outOfRange ? h('div', { class: 'alert warning', role: 'status' }, `${d.outOfRange} routes have shocks too large for the linearised model; their flows after are not meaningful.`) : null,
  ];
}
