// Small helpers to build the page from data without ever parsing data as HTML.

/** h('p', {class: 'x'}, 'text', child) → an element; attributes with null/false are left out; on* are listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let uid = 0;
/** A labelled form field: <div class="field"><label for=id>…</label><input id=id …><span class="hint">…</span></div>. */
export function field(label, input, hint) {
  const id = input.id || `f${++uid}`;
  input.id = id;
  const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl);
}

export function clear(el) { el.replaceChildren(); return el; }

/** Replaces an element's content with the children given (nulls left out, arrays flattened). */
export function show(el, ...children) { return append(clear(el), children); }

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
/** To the cent, as customs reports a duty: "$8,190.00". */
export const fmtMoney = n => money.format(n);
/** A trade or revenue total as people read it: "$429.4 bn", "$12.3 m"; below a million, to the cent. */
export function fmtAmount(n) {
  const a = Math.abs(n), sign = n < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} bn`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} m`;
  return money.format(n);
}
/** A line's rate: 0.819 → "81.9%", 0.0275 → "2.75%" (rates come as fractions; two decimals at most). */
export const fmtPct = f => `${(Math.round(f * 1e4) / 1e2).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
/** An average or a share: one decimal, "12.9%". */
export const fmtShare = f => `${(Math.round(f * 1e3) / 10).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** Today's date as YYYY-MM-DD in the viewer's time zone. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const dayNumber = iso => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
export const isoOfDay = n => new Date(n * 86400000).toISOString().slice(0, 10);

/** A problem (or any error) shown where the user will see it, read out by screen readers. */
export function errorBox(err) {
  const p = err?.problem;
  return h('div', { class: 'alert error', role: 'alert' },
    h('strong', {}, p?.title ?? 'Something went wrong'),
    p?.detail ?? err?.message ?? String(err));
}

/** Reads the form's named fields into URLSearchParams, leaving empty ones out. */
export function formParams(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') params.append(k, String(v).trim());
  return params;
}

/** Fills a form's fields from URL parameters (checkbox groups by value). */
export function fillForm(form, params) {
  for (const el of form.elements) {
    if (!el.name || !params.has(el.name)) continue;
    if (el.type === 'checkbox') el.checked = params.getAll(el.name).includes(el.value);
    else el.value = params.get(el.name);
  }
}

/** Keeps the address bar in step with the question asked, so it can be bookmarked or shared. */
export function setPermalink(path, params) {
  const url = `${path}?${params}`;
  history.replaceState(null, '', url);
  return new URL(url, location.origin).href;
}
