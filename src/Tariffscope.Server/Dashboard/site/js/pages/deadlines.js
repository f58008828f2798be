// Deadlines: what changes next, with the days counting down, and what a truce's end means.
import { h, field, clear, errorBox, formParams, fillForm, setPermalink, today, show } from '../dom.js';
import { get } from '../api.js';
import { scenarioSelect } from './common.js';

function countdown(days) {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export async function render(main, params) {
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-label': 'Deadlines' },
    h('div', { class: 'fields' },
      field('From', h('input', { name: 'from', type: 'date', value: today() }), 'Days count from here'),
      field('Days ahead', h('input', { name: 'days', type: 'number', min: 1, max: 3660, value: 120 })),
      field('Origin', h('input', { name: 'origin', maxlength: 2, value: 'CN', autocomplete: 'off' }), 'Two letters; empty for all'),
      field('Importer', h('select', { name: 'importer' }, h('option', { value: '' }, 'Both'), h('option', { value: 'US' }, 'US'), h('option', { value: 'CN' }, 'CN'))),
      field('Scenario', await scenarioSelect('scenario'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show deadlines')));

  async function run() {
    const p = formParams(form);
    show(out, h('p', { class: 'meta' }, 'Reading the calendar…'));
    try {
      const d = await get('/deadlines', p);
      setPermalink('/deadlines', p);
      const past = d.until > d.horizon ? h('div', { class: 'alert warning', role: 'status' },
        `The policy data was last checked on ${d.horizon}: changes decided after that are not known.`) : null;
      show(out, 
        h('h2', {}, `${d.events.length} change${d.events.length === 1 ? '' : 's'} from ${d.from} to ${d.until}`),
        h('p', { class: 'meta' }, `Scenario ${d.scenario}${d.origin ? ` · origin ${d.origin}` : ''}${d.importer ? ` · importer ${d.importer}` : ''}`),
        past,
        d.events.length === 0 ? h('p', {}, 'Nothing written into the rules changes in this window.') :
          h('ol', { class: 'deadline-list' }, d.events.map(e => h('li', { class: `deadline${(e.kind === 'suspensionEnds' || e.kind === 'exclusionEnds') && !e.what.includes('extension takes over') ? ' snap' : ''}` },
            h('div', { class: 'when' }, e.date, h('span', { class: 'count' }, countdown(e.daysAway))),
            h('div', {},
              h('h3', {}, `${e.importer}: ${e.title}`),
              h('p', {}, e.what),
              h('p', { class: 'src' }, `Source: ${[e.source.instrument, e.source.citation].filter(Boolean).join('; ')}${e.source.heading ? ` · HTS ${e.source.heading}` : ''}`))))));
    } catch (e) { show(out, errorBox(e)); }
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  main.append(h('h1', {}, 'Deadlines'),
    h('p', { class: 'lead' }, 'What the rules say changes next: measures starting, rates changing, truces ending (a snap-back unless extended).'),
    form, out);
  fillForm(form, params);
  run();
}
