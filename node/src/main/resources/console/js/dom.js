// Small DOM helpers: elements are built with textContent only (no HTML strings from data), so nothing the API
// returns can inject markup into the page.

/** h('div.card#id', {attr: v, onclick: fn}, ...children): an element; strings become text nodes. */
export function h(spec, attrs, ...children) {
  const m = /^([a-z0-9]+)?((?:[.#][A-Za-z0-9_-]+)*)$/.exec(spec);
  const el = document.createElement(m && m[1] ? m[1] : 'div');
  for (const part of (m ? m[2] : '').match(/[.#][A-Za-z0-9_-]+/g) || []) {
    if (part[0] === '.') {
      el.classList.add(part.substring(1));
    } else {
      el.id = part.substring(1);
    }
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.substring(2), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k === 'value') {
      el.value = v;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(el, c);
    } else if (c instanceof Node) {
      el.appendChild(c);
    } else {
      el.appendChild(document.createTextNode(String(c)));
    }
  }
}

/** Replaces the children of {@code el}. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A table: columns [{label, value: row => text|Node, cls?}], rows; an empty message when there are none.
 * Rows get data-key from keyOf(row) when given (tests find rows by it).
 */
export function table(columns, rows, { empty = 'Nothing yet.', keyOf = null, id = null } = {}) {
  if (!rows || rows.length === 0) {
    return h('p.empty', id ? { id } : null, empty);
  }
  return h('table', id ? { id } : null,
    h('thead', h('tr', columns.map(c => h('th', c.cls ? { class: c.cls } : null, c.label)))),
    h('tbody', rows.map(r => h('tr', keyOf ? { dataset: { key: keyOf(r) } } : null,
      columns.map(c => h('td', c.cls ? { class: c.cls } : null, cell(c.value(r))))))));
}

function cell(v) {
  return v === null || v === undefined ? '–' : v;
}

/** Minor units as a decimal amount with two places: 8000 -> "80.00", -5 -> "-0.05". */
export function money(minor) {
  if (minor === null || minor === undefined) {
    return '–';
  }
  const v = BigInt(minor);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const units = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${units}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** "80", "80.5", "80.05" -> minor units 8000, 8050, 8005; null for anything else. */
export function parseMoney(text) {
  const m = /^\s*(\d{1,15})(?:\.(\d{1,2}))?\s*$/.exec(text || '');
  if (!m) {
    return null;
  }
  return Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0'));
}

export function qty(n) {
  return n === null || n === undefined ? '–' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function time(ms) {
  if (ms === null || ms === undefined) {
    return '–';
  }
  return new Date(Number(ms)).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function short(id, n = 14) {
  if (!id) {
    return '–';
  }
  const s = String(id);
  return s.length <= n ? s : `${s.substring(0, n - 1)}…`;
}

/** A status line: ok | error | info. */
export function status(el, kind, text) {
  el.className = `status ${kind}`;
  el.textContent = text;
}

/** A labelled form field. */
export function field(label, input) {
  return h('label.field', h('span', label), input);
}

/** A section card with a heading. */
export function card(title, ...body) {
  return h('section.card', h('h3', title), ...body);
}
