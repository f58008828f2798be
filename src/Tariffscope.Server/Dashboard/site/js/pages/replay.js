// Replay: entry lines already made, replayed under the rules of their dates. The page reads the file into columns and
// rows (CSV here, XLSX through the browser's own inflater), sends them to POST /api/v1/entries/replay and shows what
// comes back; every figure, flag, route and date is the server's.
import { h, field, show, errorBox, fmtMoney } from '../dom.js';
import { post } from '../api.js';
import { dataTable, figure, warnings } from './common.js';

export async function render(main) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.txt,.xlsx,text/csv' });
  const pasted = h('textarea', { name: 'lines', rows: 5, spellcheck: 'false', class: 'mono', placeholder: 'entry_number,entry_date,hts,country_of_origin,entered_value,heading_1,duty_1,…' });
  const asOf = h('input', { type: 'date', name: 'asOf' });
  const threshold = h('input', { type: 'number', name: 'threshold', min: 0, step: '0.01', inputmode: 'decimal', placeholder: '1.00' });
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-label': 'Entry replay' },
    h('div', { class: 'fields' },
      field('Entry file (CSV or XLSX, with a header row)', file, 'One row per entry line: entry number, entry date, HTS, origin, value, then each declared number as heading_N / duty_N (see docs/replay.md)'),
      field('Or paste the lines (CSV with a header row)', pasted, 'Used when no file is chosen'),
      field('Refund status as of (optional)', asOf, 'Liquidated or not, days since liquidation: judged on this day; today when empty'),
      field('Flag threshold in US dollars (optional)', threshold, 'A layer is flagged when declared and required differ by more than this; $1 when empty')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Replay the entries')));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    let name = 'pasted lines';
    show(out, h('p', { class: 'meta', role: 'status' }, 'Reading the lines\u2026'));
    try {
      let table;
      if (file.files.length) {
        const chosen = file.files[0];
        name = chosen.name;
        table = await readTable(chosen);
      } else if (pasted.value.trim()) table = parseCsv(pasted.value);
      else throw new Error('Choose an entry file or paste the lines first.');
      if (table.length < 1 || table[0].every(c => c.trim() === '')) throw new Error(`${name}: no header row`);
      const [columns, ...rows] = table;
      const body = { columns, rows };
      if (asOf.value) body.asOf = asOf.value;
      if (threshold.value !== '') body.threshold = Number(threshold.value);
      show(out, h('p', { class: 'meta', role: 'status' }, `Replaying ${rows.length} line${rows.length === 1 ? '' : 's'} of ${name}\u2026`));
      const answer = await post('/entries/replay', null, JSON.stringify(body), 'application/json');
      show(out, summary(answer, name));
    } catch (e) { show(out, errorBox(e)); }
  });
  show(main, h('h1', {}, 'Entry replay'),
    h('p', { class: 'lead' }, 'What each entry paid, what it owed under the rules of its date, and the IEEPA duty that can be claimed back, with the route and the dates that matter.'),
    form, out);
}

async function readTable(f) {
  const ext = f.name.split('.').pop().toLowerCase();
  if (ext === 'csv' || ext === 'txt') return parseCsv(await f.text());
  if (ext === 'xlsx') return readXlsx(await f.arrayBuffer(), f.name);
  if (ext === 'parquet') throw new Error(`${f.name}: the page reads CSV and XLSX; replay a Parquet file with \u201ctariffscope entries replay\u201d`);
  throw new Error(`${f.name}: expected a .csv or .xlsx file`);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; blank lines are skipped. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false, i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte order mark from a spreadsheet
  const endRow = () => { row.push(cell); if (row.length > 1 || row[0] !== '') rows.push(row); row = []; cell = ''; };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') endRow();
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}

// --- XLSX: the first sheet's cells as text (a zip of XML; entries inflated with DecompressionStream). Elements are
// found by local name: some writers prefix the spreadsheet namespace (x:row, x:c). ---

async function readXlsx(buffer, name) {
  const files = unzipIndex(buffer, name);
  const text = async path => {
    const e = files.get(path);
    return e ? new TextDecoder().decode(await inflate(buffer, e)) : null;
  };
  const xml = s => new DOMParser().parseFromString(s, 'application/xml');
  const shared = [];
  const sst = await text('xl/sharedStrings.xml');
  if (sst) for (const si of xml(sst).getElementsByTagNameNS('*', 'si')) shared.push([...si.getElementsByTagNameNS('*', 't')].map(t => t.textContent).join(''));
  const sheetPath = [...files.keys()].filter(p => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
  if (!sheetPath) throw new Error(`${name}: no worksheet found`);
  const doc = xml(await text(sheetPath));
  const dateStyles = datesByStyle(xml(await text('xl/styles.xml') ?? '<styleSheet/>'));
  const epoch = /date1904="(1|true)"/.test(await text('xl/workbook.xml') ?? '') ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const rows = [];
  for (const r of doc.getElementsByTagNameNS('*', 'row')) {
    const cells = [];
    let next = 0;
    for (const c of r.getElementsByTagNameNS('*', 'c')) {
      const col = c.getAttribute('r') ? columnIndex(c.getAttribute('r')) : next;
      next = col + 1;
      const type = c.getAttribute('t');
      const v = c.getElementsByTagNameNS('*', 'v')[0]?.textContent ?? '';
      cells[col] = type === 's' ? shared[Number(v)] ?? ''
        : type === 'inlineStr' ? [...c.getElementsByTagNameNS('*', 't')].map(t => t.textContent).join('')
        : v !== '' && dateStyles[Number(c.getAttribute('s') ?? 0)] ? new Date(epoch + Math.floor(Number(v)) * 86400000).toISOString().slice(0, 10)
        : v;
    }
    rows.push(Array.from(cells, x => x ?? ''));
  }
  const width = rows[0]?.length ?? 0;
  return rows.filter(r => r.some(x => x !== '')).map(r => r.length >= width ? r : [...r, ...Array(width - r.length).fill('')]);
}

/** Which cell styles show a date (a cell holds a day number; its style says it is a date): the built-in date formats
 * 14–22 and 45–47, and custom formats with a day, month or year in them. */
function datesByStyle(styles) {
  const custom = new Map([...styles.getElementsByTagNameNS('*', 'numFmt')].map(f => [Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '']));
  const isDate = id => (id >= 14 && id <= 22) || (id >= 45 && id <= 47)
    || (custom.has(id) && /[dmy]/i.test(custom.get(id).replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')));
  const xfs = styles.getElementsByTagNameNS('*', 'cellXfs')[0];
  return xfs ? [...xfs.getElementsByTagNameNS('*', 'xf')].map(xf => isDate(Number(xf.getAttribute('numFmtId') ?? 0))) : [];
}

const columnIndex = ref => [...ref.match(/^[A-Z]+/)[0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function unzipIndex(buffer, name) {
  const view = new DataView(buffer);
  let end = -1;
  for (let i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 65557); i--) if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  if (end < 0) throw new Error(`${name}: not an XLSX workbook (no zip directory)`);
  const files = new Map();
  let p = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`${name}: a damaged zip directory`);
    const method = view.getUint16(p + 10, true), size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true), extra = view.getUint16(p + 30, true), comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const path = new TextDecoder().decode(new Uint8Array(buffer, p + 46, nameLen));
    files.set(path, { method, size, local });
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

async function inflate(buffer, e) {
  const view = new DataView(buffer);
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  const data = new Uint8Array(buffer, start, e.size);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new Error(`XLSX: compression method ${e.method} is not read`);
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// --- the answer ---

const money = v => figure(fmtMoney(v), v);
/** A fee of the entry as the server computed it; a dash where it does not apply (HMF off ocean cargo). */
const fee = (entry, id) => { const f = entry.fees.find(x => x.id === id); return f ? money(f.amount) : '\u2014'; };

function summary(a, name) {
  const flagged = a.lines.flatMap(l => l.layers.filter(x => x.flag).map(x => ({ line: l, layer: x })));
  return h('div', { class: 'replay-summary' },
    h('p', { class: a.balanced ? 'ok' : 'alert error' },
      `${a.inputLines} lines read = ${a.rated} replayed + ${a.rejected} rejected`, a.balanced ? ' (every line accounted for)' : ' (the counts do not add up)'),
    h('p', { class: 'meta' }, `Rules: ${a.scenario}; refund status as of ${a.asOf}; ${a.entryCount} entr${a.entryCount === 1 ? 'y' : 'ies'}; ${a.flaggedLines} line${a.flaggedLines === 1 ? '' : 's'} flagged`),
    h('dl', { class: 'figures replay-totals' },
      h('div', {}, h('dt', {}, 'Duty required'), h('dd', { 'data-value': a.required }, fmtMoney(a.required))),
      h('div', {}, h('dt', {}, 'Duty declared'), h('dd', { 'data-value': a.declared }, fmtMoney(a.declared))),
      h('div', {}, h('dt', {}, 'Difference'), h('dd', { 'data-value': a.difference }, fmtMoney(a.difference))),
      h('div', {}, h('dt', {}, 'IEEPA refundable'), h('dd', { 'data-value': a.refundable, class: 'refundable' }, fmtMoney(a.refundable))),
      h('div', {}, h('dt', {}, 'Fees'), h('dd', { 'data-value': a.fees }, fmtMoney(a.fees)))),
    a.authorities.length ? dataTable('By authority',
      [{ label: 'Authority' }, { label: 'Required', num: true }, { label: 'Declared', num: true }, { label: 'Difference', num: true }, { label: 'Refundable', num: true }, { label: 'Flags', num: true }],
      a.authorities.map(t => [`${t.title} (${t.family})`, money(t.required), money(t.declared), money(t.difference), money(t.refundable), String(t.flags)]), { class: 'data authorities' }) : null,
    a.entries.length ? dataTable(a.entries.length < a.entryCount ? `Entries (the first ${a.entries.length} of ${a.entryCount})` : 'Entries',
      [{ label: 'Entry' }, { label: 'Date' }, { label: 'Required', num: true }, { label: 'Declared', num: true }, { label: 'Refundable', num: true },
        { label: 'MPF', num: true }, { label: 'HMF', num: true }, { label: 'Liquidation (est.)' }, { label: 'Protest by' }, { label: 'Route' }],
      a.entries.map(e => [e.entryNumber, e.entryDate, money(e.required), money(e.declared), money(e.refundable), fee(e, 'mpf'), fee(e, 'hmf'),
        e.liquidation ? `${e.liquidation}${e.liquidationEstimated ? ' (est.)' : ''}` : '', e.protestDeadline ?? '',
        e.refundRoute ? `${e.refundRoute}${e.routeUnsure ? ' (unsure)' : ''}${e.routeConfidence ? ` \u2014 confidence: ${e.routeConfidence}` : ''}` : '']),
      { class: 'data entries' }) : null,
    flagged.length ? dataTable('Flagged lines (rows counted from the first line under the header)',
      [{ label: 'Row' }, { label: 'Entry' }, { label: 'Code' }, { label: 'Authority' }, { label: 'Flag' }, { label: 'Required', num: true }, { label: 'Declared', num: true }, { label: 'Reason' }],
      flagged.map(({ line, layer }) => [String(line.row), line.entryNumber, line.code, layer.authorityTitle, layer.flag, money(layer.required), money(layer.declared), layer.reason ?? '']),
      { class: 'data flagged' }) : h('p', {}, 'No line is flagged.'),
    a.rejects.length ? dataTable('Rejected lines, by field (rows counted from the first line under the header)',
      [{ label: 'File' }, { label: 'First row' }, { label: 'Field' }, { label: 'Rows', num: true }, { label: 'Reason (the first)' }],
      a.rejects.map(r => [name, String(r.firstLine), r.field, String(r.count), r.example]), { class: 'data rejects' }) : null,
    warnings([...new Set(a.entries.flatMap(e => e.feeWarnings ?? []))]));
}
