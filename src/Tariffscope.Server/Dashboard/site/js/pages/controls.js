// Export controls: check one shipment (outcome, rules and sources, suspensions, what would change), screen pasted
// shipment lines, and the control deadlines ahead. Built-in control data: works with no imports.
import { h, field, errorBox, formParams, fillForm, setPermalink, today, show } from '../dom.js';
import { get, post } from '../api.js';
import { dataTable, warnings } from './common.js';

const words = {
  noLicenceRequired: 'No licence required', needsReview: 'Needs review', licenceRequired: 'Licence required',
  presumptionOfDenial: 'Licence required, presumption of denial', prohibited: 'Prohibited',
};
const status = r => ({
  applies: 'applies',
  needsReview: `needs review${r.missing?.length ? ` (missing: ${r.missing.join('; ')})` : ''}`,
  suspended: `suspended${r.suspendedThrough ? ` through ${r.suspendedThrough}` : ''}${r.suspendedBy ? ` (${r.suspendedBy})` : ''}`,
  superseded: `set aside by ${r.supersededBy}`,
}[r.status] ?? r.status);
const source = s => [s.instrument, s.citation].filter(Boolean).join('; ') + (s.confidence && s.confidence !== 'high' ? ` (confidence: ${s.confidence})` : '');
const kinds = {
  controlStarts: 'control starts', controlEnds: 'control ends', suspensionStarts: 'suspension starts',
  suspensionEnds: 'suspension ends', partyListed: 'party listed', partyDelisted: 'party delisted',
};

const sampleLines = 'from,to,date,hs,element,eccn,product\nCN,US,2025-05-01,8505.11,Dy,,\nUS,CN,2025-08-01,,,,H20\nCN,DE,2025-13-01,,Ga,,\n';

export async function render(main, params) {
  const checkOut = h('div', { class: 'result', 'aria-live': 'polite' });
  const checkForm = h('form', { class: 'panel', 'aria-label': 'Check a shipment' },
    h('h2', {}, 'Check a shipment'),
    h('div', { class: 'fields' },
      field('From (exporter)', h('input', { name: 'from', required: true, maxlength: 2, value: 'CN', autocomplete: 'off' })),
      field('To (destination)', h('input', { name: 'to', required: true, maxlength: 2, value: 'US', autocomplete: 'off' })),
      field('Date of export', h('input', { name: 'date', type: 'date', value: '2025-05-01' })),
      field('HS code', h('input', { name: 'hs', value: '8505.11', autocomplete: 'off' }), 'Or a prefix; optional'),
      field('Element', h('input', { name: 'element', value: 'Dy', autocomplete: 'off' }), 'Symbol or name, e.g. Dy or gallium'),
      field('ECCN / control number', h('input', { name: 'eccn', autocomplete: 'off' }), 'e.g. 3A090.a'),
      field('Product', h('input', { name: 'product', autocomplete: 'off' }), 'A name a rule uses, e.g. H20'),
      field('Parameters', h('input', { name: 'params', autocomplete: 'off' }), 'NAME=VALUE;…, e.g. tpp=4800'),
      field('Content shares', h('input', { name: 'content', autocomplete: 'off' }), 'KEY=SHARE, e.g. CN-REE=0.5%'),
      field('End user', h('input', { name: 'endUser', autocomplete: 'off' })),
      field('End use', h('input', { name: 'endUse', autocomplete: 'off' }), 'military, wmd, supercomputer, advanced-ic…'),
      field('Scenario', h('input', { name: 'scenario', value: 'actual', autocomplete: 'off' }), 'actual, or e.g. controls-suspension-not-renewed')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Check')));

  async function check() {
    const p = formParams(checkForm);
    show(checkOut, h('p', { class: 'meta' }, 'Screening…'));
    try {
      const a = await get('/controls/check', p);
      setPermalink('/controls', p);
      show(checkOut, answer(a));
    } catch (e) { show(checkOut, errorBox(e)); }
  }
  checkForm.addEventListener('submit', ev => { ev.preventDefault(); check(); });

  const lines = h('textarea', { name: 'lines', rows: 6, spellcheck: 'false', class: 'mono' }, sampleLines);
  const screenScenario = h('input', { name: 'scenario', value: 'actual', autocomplete: 'off' });
  const screenOut = h('div', { class: 'result', 'aria-live': 'polite' });
  const screenForm = h('form', { class: 'panel', 'aria-label': 'Screen shipment lines' },
    h('h2', {}, 'Screen shipment lines'),
    h('div', { class: 'fields' },
      field('Shipment lines (CSV with a header row)', lines, 'Columns from, to, date and optionally hs, element, eccn, product, params, content, end_user, owner, end_use, origin'),
      field('Scenario', screenScenario)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Screen lines')));
  screenForm.addEventListener('submit', async ev => {
    ev.preventDefault();
    show(screenOut, h('p', { class: 'meta' }, 'Screening…'));
    try {
      const d = await post('/controls/screen', new URLSearchParams({ scenario: screenScenario.value.trim() || 'actual' }), lines.value, 'text/csv');
      show(screenOut, screened(d));
    } catch (e) { show(screenOut, errorBox(e)); }
  });

  const deadlinesOut = h('div', { class: 'result', 'aria-live': 'polite' });
  const deadlinesForm = h('form', { class: 'panel', 'aria-label': 'Control deadlines' },
    h('h2', {}, 'Deadlines ahead'),
    h('div', { class: 'fields' },
      field('From', h('input', { name: 'from', type: 'date', value: today() })),
      field('Days ahead', h('input', { name: 'days', type: 'number', min: 0, max: 36500, value: 365 })),
      field('Scenario', h('input', { name: 'scenario', value: 'actual', autocomplete: 'off' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show deadlines')));
  async function deadlines() {
    show(deadlinesOut, h('p', { class: 'meta' }, 'Reading the control calendar…'));
    try {
      const d = await get('/controls/deadlines', formParams(deadlinesForm));
      show(deadlinesOut, d.deadlines.length === 0 ? h('p', {}, `Nothing dated from ${d.from} for ${d.days} days.`)
        : dataTable(`Control deadlines from ${d.from} for ${d.days} days (scenario ${d.scenario})`,
          [{ label: 'Date' }, { label: 'Event' }, { label: 'Id' }, { label: 'By' }, { label: 'What' }, { label: 'Source' }],
          d.deadlines.map(x => [x.date, kinds[x.kind] ?? x.kind, x.id, x.exporter, x.description, source(x.source)]), { class: 'data deadlines' }));
    } catch (e) { show(deadlinesOut, errorBox(e)); }
  }
  deadlinesForm.addEventListener('submit', ev => { ev.preventDefault(); deadlines(); });

  main.append(h('h1', {}, 'Export controls'),
    h('p', { class: 'lead' }, 'Do I need a licence to ship these magnets or this chip to that destination on this date?'),
    checkForm, checkOut, screenForm, screenOut, deadlinesForm, deadlinesOut);
  if (params.has('from')) { fillForm(checkForm, params); check(); }
  deadlines();
}

function answer(a) {
  const q = a.query;
  return [
    h('h3', { class: 'outcome', dataset: { outcome: a.outcome } }, `${a.outcomeText}: ${q.from} → ${q.to} on ${q.date}`),
    h('p', {}, a.summary),
    h('p', { class: 'meta' }, `Scenario ${a.scenario}`),
    a.rules.length ? dataTable('Rules matched',
      [{ label: 'Rule' }, { label: 'Status' }, { label: 'Would mean' }, { label: 'Why' }, { label: 'Source' }],
      a.rules.map(r => [r.controlId, status(r), words[r.ruleOutcome] ?? r.ruleOutcome, r.reasons.join('; '), source(r.source)]), { class: 'data rules' })
      : h('p', {}, 'No rule in the control data matches this shipment.'),
    a.suspensions.length ? dataTable('Suspensions in play',
      [{ label: 'Suspension' }, { label: 'From' }, { label: 'Through' }, { label: 'Pauses' }, { label: 'Source' }],
      a.suspensions.map(s => [s.suspensionId, s.from, s.through ?? 'open-ended', s.controls.join(', '), source(s.source)])) : null,
    a.whatWouldChange.length ? dataTable('What would change the answer',
      [{ label: 'From' }, { label: 'Outcome' }, { label: 'Because' }],
      a.whatWouldChange.map(c => [c.date, words[c.outcome] ?? c.outcome, c.why.join('; ')])) : null,
    warnings(a.warnings),
  ];
}

function screened(d) {
  return [
    h('p', { class: d.balanced ? 'ok' : 'alert error' },
      `${d.inputLines} lines = ${d.screened} screened + ${d.rejected} rejected`, d.balanced ? ' (every line accounted for)' : ' (the counts do not add up)'),
    dataTable(`Screened lines (scenario ${d.scenario})`,
      [{ label: 'Line' }, { label: 'Route' }, { label: 'Date' }, { label: 'Item' }, { label: 'Outcome' }, { label: 'Rules' }, { label: 'Suspended' }],
      d.results.map(r => [String(r.line), `${r.query.from} → ${r.query.to}`, r.query.date,
        [r.query.hs, r.query.element, r.query.eccn, r.query.product].filter(Boolean).join(' · '),
        r.outcomeText, [...r.rules, ...r.needsReview.map(x => `${x} (review)`)].join(', '), r.suspended.join(', ')]), { class: 'data screened' }),
    d.rejects.length ? dataTable('Rejected lines',
      [{ label: 'Line' }, { label: 'Field' }, { label: 'Reason' }, { label: 'Text' }],
      d.rejects.map(r => [String(r.line), r.field, r.reason, r.raw]), { class: 'data rejects' }) : null,
    d.ignoredColumns.length ? h('div', { class: 'alert warning', role: 'status' }, `Columns not read: ${d.ignoredColumns.join(', ')}`) : null,
  ];
}
