// Every table of the dashboard downloads as CSV and XLSX, every chart as SVG and PNG, made here in the browser from
// what is shown (numbers from the cells' data-value, not their formatted text). No library, no network.
import { h } from './dom.js';

/** The table's rows (header, body, footer) as arrays of strings or numbers. */
export function tableRows(table) {
  return [...table.querySelectorAll('tr')].map(tr => [...tr.children].map(c => {
    if (c.dataset.value !== undefined && c.dataset.value !== '' && !Number.isNaN(Number(c.dataset.value))) return Number(c.dataset.value);
    return c.textContent.trim();
  }));
}

export function toCsv(rows) {
  const q = v => typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return rows.map(r => r.map(q).join(',')).join('\r\n') + '\r\n';
}

const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function column(i) {
  let s = '';
  for (i++; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + (i - 1) % 26) + s;
  return s;
}

/** A one-sheet workbook: numbers as numbers, text as inline strings. */
export function toXlsx(rows, sheetName = 'Sheet1') {
  const sheetRows = rows.map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => {
    const ref = `${column(ci)}${ri + 1}`;
    return typeof v === 'number' && Number.isFinite(v)
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  }).join('')}</row>`).join('');
  const files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  return zip(files);
}

// ---- a stored (uncompressed) ZIP, enough for a workbook ----
const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
  return t;
})();
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zip(files) {
  const enc = new TextEncoder();
  const parts = [], central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = enc.encode(name), data = enc.encode(text), crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(8, 0, true);
    local.setUint32(14, crc, true); local.setUint32(18, data.length, true); local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true); cd.setUint16(4, 20, true); cd.setUint16(6, 20, true);
    cd.setUint32(16, crc, true); cd.setUint32(20, data.length, true); cd.setUint32(24, data.length, true);
    cd.setUint16(28, nameBytes.length, true); cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, Object.keys(files).length, true); end.setUint16(10, Object.keys(files).length, true);
  end.setUint32(12, size, true); end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, new Uint8Array(end.buffer)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function svgText(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // the page's stylesheet does not travel with the file: carry the few properties the chart takes from it, written
  // into the text (an inline style set on the page, even on a copy, is refused by its content security policy)
  const style = getComputedStyle(svg);
  const css = `font-family:${style.fontFamily};font-size:${style.fontSize};background:#fff`.replace(/"/g, "'");
  return new XMLSerializer().serializeToString(copy).replace(/^<svg\b/, `<svg style="${css}"`);
}

export function svgToPng(svg) {
  const text = svgText(svg);
  const box = svg.viewBox.baseVal;
  const w = box?.width || svg.clientWidth || 800, hgt = box?.height || svg.clientHeight || 340, scale = 2;
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = w * scale; canvas.height = hgt * scale;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(b => b ? resolve(b) : reject(new Error('the chart could not be drawn')), 'image/png');
    };
    img.onerror = () => reject(new Error('the chart could not be drawn'));
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
  });
}

function save(blob, name) {
  const a = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

const slug = s => (s || 'table').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'table';

/** Puts download buttons beside every table and chart under root that has none yet. */
export function attachDownloads(root) {
  for (const table of root.querySelectorAll('table')) {
    if (table.dataset.downloads) continue;
    table.dataset.downloads = '1';
    const name = slug(table.querySelector('caption')?.textContent);
    const bar = h('div', { class: 'downloads', role: 'group', 'aria-label': `Download ${name}` },
      h('button', { type: 'button', class: 'secondary small', 'data-download': 'csv' }, 'CSV'),
      h('button', { type: 'button', class: 'secondary small', 'data-download': 'xlsx' }, 'XLSX'));
    bar.children[0].addEventListener('click', () => save(new Blob([toCsv(tableRows(table))], { type: 'text/csv' }), `${name}.csv`));
    bar.children[1].addEventListener('click', () => save(toXlsx(tableRows(table), name), `${name}.xlsx`));
    const wrap = table.closest('.table-wrap') ?? table;
    wrap.before(bar);
  }
  for (const svg of root.querySelectorAll('svg.chart')) {
    if (svg.dataset.downloads) continue;
    svg.dataset.downloads = '1';
    const name = slug(svg.querySelector('title')?.textContent ?? 'chart');
    const bar = h('div', { class: 'downloads', role: 'group', 'aria-label': `Download ${name}` },
      h('button', { type: 'button', class: 'secondary small', 'data-download': 'svg' }, 'SVG'),
      h('button', { type: 'button', class: 'secondary small', 'data-download': 'png' }, 'PNG'));
    bar.children[0].addEventListener('click', () => save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`));
    bar.children[1].addEventListener('click', async () => save(await svgToPng(svg), `${name}.png`));
    (svg.closest('.chart-box') ?? svg).before(bar);
  }
}

/** Keeps every table and chart drawn into root downloadable, whenever a page draws one. */
export function watchDownloads(root) {
  attachDownloads(root);
  new MutationObserver(() => attachDownloads(root)).observe(root, { childList: true, subtree: true });
}
