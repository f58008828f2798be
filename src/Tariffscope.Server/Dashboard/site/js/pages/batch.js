// Batch: upload an entry file, rate it under one or more scenarios, see the accounting and totals, download the
// rated file and the rejects. Every line ends up rated or rejected with its reason.
import { h, field, show, errorBox, fmtAmount, fmtShare } from '../dom.js';
import { ApiError } from '../api.js';

export async function render(main) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.txt,.xlsx,.parquet,text/csv', required: true });
  const scenarios = h('input', { name: 'scenarios', value: 'actual,truce-lapses-aug-2025', autocomplete: 'off' });
  const date = h('input', { type: 'date', name: 'date' });
  // a batch is a write: a server started with an API key needs it, sent in a header (never in the URL)
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', placeholder: 'only if the server has one' });
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-label': 'Batch rating' },
    h('div', { class: 'fields' },
      field('Entry file (CSV, XLSX or Parquet, with a header row)', file, 'Columns: code, origin, entry date, customs value; optional quantity, unit, metal share, programme'),
      field('Scenarios', scenarios, 'Comma-separated; the first is the baseline of the difference'),
      field('Entry date for every line (optional)', date, 'Leave empty to use the file\u2019s date column'),
      field('API key', key, 'The server\u2019s API key (uploads and their results need it)')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Rate the file')));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!file.files.length) { show(out, errorBox(new Error('Choose an entry file first.'))); return; }
    const chosen = file.files[0];
    const type = typeOf(chosen.name);
    if (!type) { show(out, errorBox(new Error(`${chosen.name}: expected a .csv, .xlsx or .parquet file`))); return; }
    const bar = h('progress', { max: 100, value: 0, 'aria-label': 'Progress' });
    const status = h('span', { class: 'meta' }, `Sending ${chosen.name}\u2026`);
    show(out, h('p', { class: 'progress', role: 'status' }, bar, ' ', status));
    const params = new URLSearchParams({ scenarios: scenarios.value });
    if (date.value) params.set('date', date.value);
    try {
      const body = await upload(`/api/v1/batch?${params}`, chosen, type, key.value, (sent, total) => {
        bar.value = Math.round(sent / total * 100);
        if (sent >= total) { bar.removeAttribute('value'); status.textContent = 'Rating every line under each scenario\u2026'; }
      });
      show(out, summary(body, key.value));
    } catch (e) { show(out, errorBox(e)); }
  });
  show(main, h('h1', {}, 'Batch rating'),
    h('p', { class: 'lead' }, 'Rate a whole entry file under several scenarios: every line is rated or rejected with its line number, field and reason.'),
    form, out);
}

const types = { csv: 'text/csv', txt: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', parquet: 'application/vnd.apache.parquet' };
const typeOf = name => types[name.split('.').pop().toLowerCase()];

/** POSTs the file, telling how much is sent (fetch cannot), then the server rates it (the bar turns indeterminate). */
function upload(url, body, type, apiKey, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Api-Key', apiKey);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    xhr.upload.onload = () => onProgress(1, 1);
    xhr.onerror = () => reject(new ApiError({ title: 'The server cannot be reached', detail: 'the upload failed' }, 0));
    xhr.onload = () => {
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch { /* not JSON: reported by status */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer);
      else reject(new ApiError(answer ?? { title: `HTTP ${xhr.status}` }, xhr.status));
    };
    xhr.send(body);
  });
}

// The results need the key too, so a download is a fetch with the header, handed to the browser as a blob.
function download(href, name, apiKey, label, cls) {
  const a = h('a', { href, class: cls }, label);
  a.addEventListener('click', async ev => {
    ev.preventDefault();
    const response = await fetch(href, { headers: { 'X-Api-Key': apiKey } });
    if (!response.ok) { a.replaceWith(errorBox(new ApiError(await response.json(), response.status))); return; }
    const url = URL.createObjectURL(await response.blob());
    const save = h('a', { href: url, download: name });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  return a;
}

function summary(doc, apiKey) {
  const wrap = (label, table) => table && h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: 0 }, table);
  const totals = h('table', { class: 'data' },
    h('caption', {}, 'Totals per scenario'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Scenario'), h('th', { scope: 'col', class: 'num' }, 'Duty'), h('th', { scope: 'col', class: 'num' }, 'Effective rate'))),
    h('tbody', {}, ...doc.totals.map(t => h('tr', {}, h('th', { scope: 'row' }, t.scenario), h('td', { class: 'num', 'data-value': t.duty }, fmtAmount(t.duty)), h('td', { class: 'num', 'data-value': t.effectiveRate }, fmtShare(t.effectiveRate))))));
  const rejects = doc.rejects.length === 0 ? null : h('table', { class: 'data' },
    h('caption', {}, 'Rejected lines by field'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col', class: 'num' }, 'Lines'), h('th', { scope: 'col', class: 'num' }, 'First line'), h('th', { scope: 'col' }, 'Example'))),
    h('tbody', {}, ...doc.rejects.map(r => h('tr', {}, h('td', {}, r.field), h('td', { class: 'num' }, String(r.count)), h('td', { class: 'num' }, String(r.firstLine)), h('td', {}, r.example)))));
  return h('div', { class: 'batch-summary' },
    h('p', { class: doc.accounted ? 'ok' : 'alert error' },
      `${doc.inputLines} input lines = ${doc.rated} rated + ${doc.rejected} rejected`, doc.accounted ? ' (every line accounted for)' : ' (the counts do not add up)'),
    wrap('Totals per scenario', totals), wrap('Rejected lines by field', rejects),
    h('p', { class: 'actions' },
      download(doc.results, 'results.csv', apiKey, 'Download the rated file', 'button'), ' ',
      download(doc.rejectsFile, 'rejects.csv', apiKey, 'Download the rejects', 'button secondary'), ' ',
      doc.report ? download(doc.report, 'report.html', apiKey, 'Download the report', 'button secondary') : null));
}
