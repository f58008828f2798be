// A small hand-written SVG step chart: rates that hold until the next change, several series overlaid,
// numbered event markers, a hover/keyboard cursor with a tooltip. No library, no network.
import { dayNumber, isoOfDay } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const COLORS = ['#0b4fb3', '#b42318', '#166534', '#7a3e9d', '#8a5a00', '#334155'];
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 2'];

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== '') el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

export const seriesStyle = i => ({ color: COLORS[i % COLORS.length], dash: DASHES[i % DASHES.length] });

/** The value a step series holds on a day: that of its last point on or before it (null before the first). */
export function valueAt(points, day) {
  let v = null;
  for (const p of points) { if (dayNumber(p.date) <= day) v = p.value; else break; }
  return v;
}

function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v * 1.08) return m * p;
  return 10 * p;
}

/**
 * stepChart({series: [{name, points: [{date, value}]}], from, to, markers: [{date, label}], format, title, description, onSelect})
 * returns an <svg>; svg.select(isoDate) moves the cursor from outside (a slider, a date field).
 */
export function stepChart({ series, from, to, markers = [], format = v => String(v), title, description, onSelect }) {
  const W = 800, H = 340, m = { l: 58, r: 18, t: 34, b: 42 };
  const d0 = dayNumber(from), d1 = Math.max(dayNumber(to), d0 + 1);
  const maxY = niceMax(Math.max(0, ...series.flatMap(x => x.points.map(p => p.value))));
  const X = d => m.l + (Math.min(Math.max(d, d0), d1) - d0) / (d1 - d0) * (W - m.l - m.r);
  // markers closer than a circle's width go on rows above one another, and the plot starts below the last row
  const R = 9, rowOf = [], rowEnds = [];
  for (const mk of markers) {
    const x = X(dayNumber(mk.date));
    let row = rowEnds.findIndex(end => x - end >= 2 * R + 2);
    if (row < 0) { row = rowEnds.length; rowEnds.push(-Infinity); }
    rowEnds[row] = x;
    rowOf.push(row);
  }
  m.t += Math.max(0, rowEnds.length - 1) * (2 * R + 2);
  const Y = v => H - m.b - (v / maxY) * (H - m.t - m.b);
  const dayAt = px => Math.round(d0 + (px - m.l) / (W - m.l - m.r) * (d1 - d0));

  const titleId = `chart-title-${Math.random().toString(36).slice(2)}`;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'group', tabindex: 0, 'aria-labelledby': titleId,
    'aria-roledescription': 'step chart' },
    s('title', { id: titleId }, title ?? 'Chart'), s('desc', {}, description ?? ''));

  // y grid and labels
  const grid = s('g', { class: 'grid' }), axis = s('g', { class: 'axis' });
  for (let i = 0; i <= 5; i++) {
    const v = maxY * i / 5, y = Y(v);
    grid.append(s('line', { x1: m.l, x2: W - m.r, y1: y, y2: y }));
    axis.append(s('text', { x: m.l - 6, y: y + 4, 'text-anchor': 'end' }, format(v)));
  }
  // x ticks on month starts, thinned to at most ~8
  const start = new Date(d0 * 86400000), months = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); dayNumber(d.toISOString().slice(0, 10)) <= d1;
       d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.push(d.toISOString().slice(0, 10));
  const every = Math.max(1, Math.ceil(months.length / 8));
  months.filter((_, i) => i % every === 0).forEach(iso => {
    const x = X(dayNumber(iso));
    // a label near either end is anchored inward, so none is cut off at the edge
    const anchor = x > W - m.r - 24 ? 'end' : x < m.l + 24 ? 'start' : 'middle';
    axis.append(s('line', { x1: x, x2: x, y1: H - m.b, y2: H - m.b + 5 }), s('text', { x, y: H - m.b + 18, 'text-anchor': anchor }, iso.slice(0, 7)));
  });
  axis.append(s('line', { x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b }), s('line', { x1: m.l, x2: m.l, y1: m.t, y2: H - m.b }));
  svg.append(grid, axis);

  // one step path per series
  const lines = s('g', { class: 'series' });
  series.forEach((x, i) => {
    const pts = x.points.filter(p => dayNumber(p.date) <= d1);
    if (pts.length === 0) return;
    let path = `M${X(dayNumber(pts[0].date)).toFixed(1)},${Y(pts[0].value).toFixed(1)}`;
    for (const p of pts.slice(1)) path += `H${X(dayNumber(p.date)).toFixed(1)}V${Y(p.value).toFixed(1)}`;
    path += `H${X(d1).toFixed(1)}`;
    const st = seriesStyle(i);
    lines.append(s('path', { d: path, stroke: st.color, 'stroke-dasharray': st.dash, 'data-series': x.name }));
  });
  svg.append(lines);

  // numbered event markers, each focusable with its label as its name
  const markerGroup = s('g', {});
  markers.forEach((mk, i) => {
    const x = X(dayNumber(mk.date)), cy = m.t - 14 - rowOf[i] * (2 * R + 2);
    const g = s('g', { class: 'marker', tabindex: 0, role: 'img', 'aria-label': `${i + 1}: ${mk.date} ${mk.label}` },
      s('title', {}, `${mk.date}: ${mk.label}`),
      s('line', { x1: x, x2: x, y1: cy + R, y2: H - m.b }),
      s('circle', { cx: x, cy, r: R }),
      s('text', { x, y: cy + 3.5 }, i + 1));
    g.addEventListener('focus', () => select(mk.date, true));
    markerGroup.append(g);
  });
  svg.append(markerGroup);

  // cursor and tooltip
  const cursor = s('line', { class: 'cursor', y1: m.t, y2: H - m.b, visibility: 'hidden' });
  const tip = s('g', { class: 'tip', visibility: 'hidden', 'pointer-events': 'none' });
  const overlay = s('rect', { x: m.l, y: m.t, width: W - m.l - m.r, height: H - m.t - m.b, fill: 'transparent' });
  svg.append(cursor, overlay, tip);

  function showTip(day) {
    const x = X(day);
    cursor.setAttribute('x1', x); cursor.setAttribute('x2', x); cursor.setAttribute('visibility', 'visible');
    const rows = [isoOfDay(day), ...series.map(x => `${x.name}: ${valueAt(x.points, day) === null ? '–' : format(valueAt(x.points, day))}`)];
    const width = Math.max(...rows.map(r => r.length)) * 7 + 16, height = rows.length * 16 + 10;
    const left = x + width + 12 > W ? x - width - 8 : x + 8;
    tip.replaceChildren(s('rect', { x: left, y: m.t + 4, width, height, rx: 4 }),
      ...rows.map((r, i) => s('text', { x: left + 8, y: m.t + 20 + i * 16 }, r)));
    tip.setAttribute('visibility', 'visible');
  }

  let selected = null;
  function select(iso, notify) {
    const day = Math.min(Math.max(dayNumber(iso), d0), d1);
    selected = day;
    showTip(day);
    if (notify && onSelect) onSelect(isoOfDay(day));
  }
  svg.select = iso => select(iso, false);

  const toDay = ev => {
    const r = svg.getBoundingClientRect();
    return Math.min(Math.max(dayAt((ev.clientX - r.left) / r.width * W), d0), d1);
  };
  overlay.addEventListener('pointermove', ev => showTip(toDay(ev)));
  overlay.addEventListener('pointerleave', () => { if (selected === null) { tip.setAttribute('visibility', 'hidden'); cursor.setAttribute('visibility', 'hidden'); } else showTip(selected); });
  overlay.addEventListener('click', ev => select(isoOfDay(toDay(ev)), true));

  // keyboard: arrows jump between change dates, Home/End to the ends
  const stops = [...new Set([d0, d1, ...series.flatMap(x => x.points.map(p => dayNumber(p.date))), ...markers.map(mk => dayNumber(mk.date))])]
    .filter(d => d >= d0 && d <= d1).sort((a, b) => a - b);
  svg.addEventListener('keydown', ev => {
    if (ev.target !== svg) return;
    const cur = selected ?? d0;
    let next = null;
    if (ev.key === 'ArrowRight') next = stops.find(d => d > cur);
    else if (ev.key === 'ArrowLeft') next = [...stops].reverse().find(d => d < cur);
    else if (ev.key === 'Home') next = d0;
    else if (ev.key === 'End') next = d1;
    if (next === undefined || next === null) return;
    ev.preventDefault();
    select(isoOfDay(next), true);
  });
  return svg;
}
