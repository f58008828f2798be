// Game: the US–China tariff game on the GSIM model over the trade data (GET /api/v1/game, as `tariffscope game`):
// each side's best response, the Nash and cooperative levels, the value of the truce, the record's moves.
import { h, field, errorBox, formParams, fillForm, setPermalink, show, fmtAmount } from '../dom.js';
import { get, getPatiently } from '../api.js';
import { dataTable } from './common.js';

const bn = fmtAmount;
const lvl = v => `${(v * 100).toFixed(1)}%`;

export async function render(main, params) {
  main.append(h('h1', {}, 'Game'),
    h('p', { class: 'lead' }, 'The US–China tariff game: each side\'s additional tariff on the other, its best response, the Nash and cooperative levels, and what the truce is worth to each side (exact CES GSIM, welfare = consumer surplus + revenue + exporters\' producer surplus).'));
  const panel = h('section', { class: 'panel', 'aria-label': 'The game over the trade data' });
  main.append(panel);
  let status;
  try { status = await get('/trade'); } catch (e) { panel.append(errorBox(e)); return; }
  if (!status.available) { panel.append(h('div', { class: 'placeholder', role: 'status' }, h('p', {}, status.detail))); return; }
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': 'Tariff game' },
    h('div', { class: 'fields' },
      field('Date (the truce)', h('input', { name: 'date', type: 'date', value: '2025-12-01', required: true })),
      field('Other US exports to China, US$', h('input', { name: 'cnOther', type: 'number', min: 0, step: 'any', value: '140700000000' }),
        'as one market, beyond any flows into CN in the trade store; 2024 US goods exports to China were $140.7 bn (US-China Business Council)'),
      field('Producer-surplus weight', h('input', { name: 'producerWeight', type: 'number', min: 0, max: 10, step: 'any', value: '1' }),
        '1 = welfare; above 1 weighs exporters more')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Solve the game')));
  async function run() {
    const p = formParams(form);
    show(out, h('p', { class: 'meta' }, 'Rating the trade flows and solving the game…'));
    try {
      const d = await getPatiently('/game', p, i => show(out, h('p', { class: 'meta' }, `Still solving… (asking again, ${i + 1})`)));
      setPermalink('/game', p);
      show(out, result(d));
    } catch (e) { show(out, errorBox(e)); }
  }
  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  panel.append(form, out);
  if (params.has('date')) { fillForm(form, params); run(); }
}

function result(d) {
  const [us, cn] = d.players;
  const point = (name, x) => [name, lvl(x.usLevel), lvl(x.cnLevel), bn(x.usWelfare), bn(x.cnWelfare), bn(x.jointWelfare)];
  return [
    h('h3', {}, `On ${d.date}: GSIM (${d.form}), producer-surplus weight ${d.producerWeight}`),
    h('p', { class: 'meta' }, `Elasticities: import demand ${d.elasticities.importDemand}, substitution ${d.elasticities.substitution}, export supply ${d.elasticities.exportSupply}.`),
    ...d.players.map(p => h('p', { class: 'meta' }, `${p.player} imports from ${p.imports.exporter}: ${bn(p.imports.value)}, instrument ${p.instrument} covers ${bn(p.imports.coveredValue)} (${p.imports.source}).`)),
    dataTable('Levels and welfare change against the truce',
      [{ label: 'Point' }, { label: 'US level', num: true }, { label: 'CN level', num: true }, { label: 'US welfare', num: true }, { label: 'CN welfare', num: true }, { label: 'Joint', num: true }],
      [point('truce', d.truce), point('Nash', d.nash), point('cooperative', d.cooperative)], { class: 'data game-points' }),
    dataTable('Value of the truce to each side',
      [{ label: 'Player' }, { label: 'Best response', num: true }, { label: 'Gain from defecting', num: true }, { label: 'Loss if the other defects', num: true },
       { label: 'Loss if the other snaps back', num: true }, { label: 'Truce over Nash', num: true }, { label: 'δ*', num: true }],
      [us, cn].map(p => [p.player, lvl(p.nashLevel), bn(p.truce.gainFromDefecting), bn(p.truce.lossIfRivalDefects),
        p.truce.lossIfRivalSnapsBack == null ? '–' : bn(p.truce.lossIfRivalSnapsBack), bn(p.truce.truceOverNash),
        p.truce.criticalDiscountFactor == null ? 'none' : p.truce.criticalDiscountFactor.toFixed(3)]), { class: 'data game-truce' }),
    dataTable('The record\'s moves: US welfare, CN welfare (* = equilibrium)',
      [{ label: 'US \\ CN' }, ...cn.moves.map(m => ({ label: `${m.name} ${lvl(m.level)}`, num: true }))],
      us.moves.map(m => [`${m.name} ${lvl(m.level)}`, ...cn.moves.map(n => {
        const c = d.discrete.find(x => x.usMove === m.name && x.cnMove === n.name);
        return `${bn(c.usWelfare)}, ${bn(c.cnWelfare)}${c.equilibrium ? ' *' : ''}`;
      })]), { class: 'data game-moves' }),
    ...d.notes.map(n => h('p', { class: 'meta' }, n)),
  ];
}
