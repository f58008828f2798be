// Timeline: a line's rate over time under several scenarios, events numbered on the chart, and a date slider
// that shows the layers in force on the chosen day.
import { h, field, clear, errorBox, formParams, fillForm, setPermalink, fmtPct, dayNumber, isoOfDay, show } from '../dom.js';
import { get, scenarios } from '../api.js';
import { stepChart, seriesStyle } from '../chart.js';
import { layerTable } from './common.js';

export async function render(main, params) {
  const list = await scenarios().catch(() => [{ name: 'actual' }]);
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-label': 'Timeline' },
    h('div', { class: 'fields' },
      field('Tariff code', h('input', { name: 'code', required: true, value: '9403.60.80.93', autocomplete: 'off' })),
      field('Origin', h('input', { name: 'origin', required: true, value: 'CN', maxlength: 2, autocomplete: 'off' })),
      field('From', h('input', { name: 'from', type: 'date', value: '2025-01-01' })),
      field('To', h('input', { name: 'to', type: 'date', value: '2026-06-30' })),
      field('Customs value (USD)', h('input', { name: 'value', type: 'number', min: 0, value: 10000 })),
      field('Metal share', h('input', { name: 'metalShare', type: 'number', min: 0, max: 1, step: '0.01' }), '0 to 1, optional')),
    h('fieldset', {}, h('legend', {}, 'Scenarios'),
      h('div', { class: 'checks' }, list.map(sc => h('label', {},
        h('input', { type: 'checkbox', name: 'scenarios', value: sc.name, checked: sc.name === 'actual' }), sc.name)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Draw timeline')));

  async function run() {
    const p = formParams(form);
    show(out, h('p', { class: 'meta' }, 'Building the timeline…'));
    try {
      const t = await get('/timeline', p);
      setPermalink('/timeline', p);
      draw(t);
    } catch (e) { show(out, errorBox(e)); }
  }

  function draw(t) {
    // events: the distinct step dates after the first, each with its causes
    const events = [];
    for (const s of t.series) for (const step of s.steps.slice(1)) {
      const known = events.find(e => e.date === step.date);
      const label = step.causes.join('; ');
      if (!known) events.push({ date: step.date, label, scenarios: [s.scenario] });
      else if (!known.scenarios.includes(s.scenario)) { known.scenarios.push(s.scenario); if (!known.label.includes(label)) known.label += `; ${label}`; }
    }
    events.sort((a, b) => a.date.localeCompare(b.date));

    const layersOut = h('div', { 'aria-live': 'polite' });
    const dateInput = h('input', { type: 'date', min: t.from, max: t.to, value: t.from });
    const span = dayNumber(t.to) - dayNumber(t.from);
    const slider = h('input', { type: 'range', min: 0, max: span, step: 1, value: 0 });
    const showDay = (iso, from) => {
      if (from !== 'date') dateInput.value = iso;
      if (from !== 'slider') slider.value = String(dayNumber(iso) - dayNumber(t.from));
      if (from !== 'chart') chart.select(iso);
      show(layersOut, ...t.series.map(s => {
        const step = [...s.steps].reverse().find(x => x.date <= iso);
        return step ? layerTable(step.layers, step.total, step.rateAfter, `${s.scenario} on ${iso}: ${fmtPct(step.rateAfter)} (in force from ${step.date})`)
          : h('p', { class: 'meta' }, `${s.scenario}: no quote on ${iso}`);
      }));
    };
    const chart = stepChart({
      series: t.series.map(s => ({ name: s.scenario, points: s.steps.map(x => ({ date: x.date, value: x.rateAfter })) })),
      from: t.from, to: t.to, markers: events, format: fmtPct,
      title: `Duty rate on ${t.code} from ${t.origin}, ${t.from} to ${t.to}`,
      description: `Step chart of the effective duty rate for ${t.series.map(s => s.scenario).join(', ')}. Arrow keys move between changes.`,
      onSelect: iso => showDay(iso, 'chart'),
    });
    slider.addEventListener('input', () => showDay(isoOfDay(dayNumber(t.from) + Number(slider.value)), 'slider'));
    dateInput.addEventListener('change', () => { if (dateInput.value) showDay(dateInput.value, 'date'); });

    show(out, 
      h('h2', {}, `${t.code} ${t.description} · origin ${t.origin}`),
      h('ul', { class: 'legend', 'aria-label': 'Series' }, t.series.map((s, i) => {
        const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        const st = seriesStyle(i);
        sw.style.borderTopColor = st.color;
        if (st.dash) sw.style.borderTopStyle = 'dashed';
        return h('li', {}, sw, s.scenario);
      })),
      h('div', { class: 'chart-box' }, chart),
      h('ol', { class: 'events', 'aria-label': 'Changes marked on the chart' }, events.map(e =>
        h('li', {}, h('strong', {}, e.date), t.series.length > 1 ? ` (${e.scenarios.join(', ')})` : '', `: ${e.label}`))),
      h('div', { class: 'slider' }, field('Day to show', slider, 'Drag, or use the arrow keys'), field('Date', dateInput)),
      layersOut);
    showDay(events[0]?.date ?? t.from);
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); run(); });
  main.append(h('h1', {}, 'Rate over time'),
    h('p', { class: 'lead' }, 'Every date on which the duty on one line changes, scenarios overlaid, each change with its cause.'),
    form, out);
  if (params.has('code')) fillForm(form, params);
  run();
}
