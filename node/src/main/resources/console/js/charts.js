// SVG charts drawn here (no library): market depth, OHLC candles with volume, a step line (rating score), grouped
// bars (compliance). Every chart has a <title> and data-* attributes with what it shows, for people using assistive
// technology and for the browser tests.
import { money } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, String(v));
  }
  for (const c of children) {
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

function frame(width, height, title, cls) {
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: `chart ${cls}`, role: 'img',
    'aria-label': title, preserveAspectRatio: 'xMidYMid meet' });
  svg.appendChild(s('title', {}, title));
  return svg;
}

function empty(width, height, title, cls, text) {
  const svg = frame(width, height, title, cls);
  svg.dataset.points = '0';
  svg.appendChild(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' }, text));
  return svg;
}

function scale(d0, d1, r0, r1) {
  const span = d1 - d0 || 1;
  return v => r0 + ((v - d0) / span) * (r1 - r0);
}

function axisLabels(svg, ys, yOf, x, fmt) {
  for (const v of ys) {
    svg.appendChild(s('line', { x1: x, x2: x + 4, y1: yOf(v), y2: yOf(v), class: 'tick' }));
    svg.appendChild(s('text', { x: x - 4, y: yOf(v) + 4, 'text-anchor': 'end', class: 'axis' }, fmt(v)));
  }
}

function niceTicks(lo, hi, n = 4) {
  if (hi === lo) {
    return [lo];
  }
  const out = [];
  for (let i = 0; i <= n; i++) {
    out.push(lo + ((hi - lo) * i) / n);
  }
  return out;
}

/**
 * Depth chart: cumulative quantity by price, bids (green) stepping down to the left of the spread, asks (red) up to
 * the right. bids/asks: [{priceMinor, quantity}] best first.
 */
export function depthChart(bids, asks, { width = 560, height = 220 } = {}) {
  const title = 'Market depth: cumulative bid and ask quantity by price';
  if (bids.length === 0 && asks.length === 0) {
    return empty(width, height, title, 'depth', 'No resting orders');
  }
  const cum = levels => {
    let total = 0;
    return levels.map(l => ({ price: l.priceMinor, total: (total += l.quantity) }));
  };
  const b = cum(bids);
  const a = cum(asks);
  const prices = [...b, ...a].map(p => p.price);
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  const pad = Math.max(1, Math.round((hi - lo) * 0.15), Math.round(hi * 0.02));
  const maxQ = Math.max(...b.map(p => p.total), ...a.map(p => p.total));
  const left = 64;
  const bottom = height - 28;
  const x = scale(lo - pad, hi + pad, left, width - 10);
  const y = scale(0, maxQ, bottom, 12);
  const svg = frame(width, height, title, 'depth');
  svg.dataset.bidLevels = String(bids.length);
  svg.dataset.askLevels = String(asks.length);
  svg.dataset.points = String(bids.length + asks.length);
  const side = (points, cls, dir) => {
    if (points.length === 0) {
      return;
    }
    let d = `M ${x(points[0].price)} ${bottom}`;
    let prevY = bottom;
    for (const p of points) {
      d += ` L ${x(p.price)} ${prevY} L ${x(p.price)} ${y(p.total)}`;
      prevY = y(p.total);
    }
    const edge = dir < 0 ? left : width - 10;
    d += ` L ${edge} ${prevY} L ${edge} ${bottom} Z`;
    svg.appendChild(s('path', { d, class: cls }));
  };
  side(b, 'bid-area', -1);
  side(a, 'ask-area', 1);
  svg.appendChild(s('line', { x1: left, x2: width - 10, y1: bottom, y2: bottom, class: 'axis-line' }));
  axisLabels(svg, niceTicks(0, maxQ), y, left, v => String(Math.round(v)));
  for (const p of niceTicks(lo - pad, hi + pad, 4)) {
    svg.appendChild(s('text', { x: x(p), y: height - 8, 'text-anchor': 'middle', class: 'axis' },
      money(Math.round(p))));
  }
  return svg;
}

/** Candles: bars [{startMs, open, high, low, close, volume}] oldest first; volume bars underneath. */
export function candleChart(bars, { width = 560, height = 240 } = {}) {
  const title = 'Price: open, high, low and close per interval, with traded volume';
  if (!bars || bars.length === 0) {
    return empty(width, height, title, 'candles', 'No trades yet');
  }
  const shown = bars.slice(-60);
  const lo = Math.min(...shown.map(b => b.low));
  const hi = Math.max(...shown.map(b => b.high));
  const pad = Math.max(1, Math.round((hi - lo) * 0.1), Math.round(hi * 0.01));
  const maxV = Math.max(...shown.map(b => b.volume), 1);
  const left = 64;
  const priceBottom = height - 70;
  const volTop = height - 60;
  const volBottom = height - 22;
  const slot = (width - left - 10) / Math.max(shown.length, 1);
  const y = scale(lo - pad, hi + pad, priceBottom, 10);
  const v = scale(0, maxV, volBottom, volTop);
  const svg = frame(width, height, title, 'candles');
  svg.dataset.points = String(shown.length);
  svg.dataset.lastClose = String(shown[shown.length - 1].close);
  shown.forEach((bar, i) => {
    const cx = left + slot * i + slot / 2;
    const up = bar.close >= bar.open;
    const cls = up ? 'up' : 'down';
    const g = s('g', { class: `candle ${cls}` });
    g.appendChild(s('title', {}, `${new Date(bar.startMs).toISOString()} O ${money(bar.open)} H ${money(bar.high)}`
      + ` L ${money(bar.low)} C ${money(bar.close)} V ${bar.volume}`));
    g.appendChild(s('line', { x1: cx, x2: cx, y1: y(bar.high), y2: y(bar.low), class: 'wick' }));
    const top = y(Math.max(bar.open, bar.close));
    const bodyH = Math.max(1.5, Math.abs(y(bar.open) - y(bar.close)));
    const w = Math.max(2, Math.min(14, slot * 0.7));
    g.appendChild(s('rect', { x: cx - w / 2, y: top, width: w, height: bodyH, class: 'body' }));
    g.appendChild(s('rect', { x: cx - w / 2, y: v(bar.volume), width: w, height: volBottom - v(bar.volume),
      class: 'volume' }));
    svg.appendChild(g);
  });
  axisLabels(svg, niceTicks(lo - pad, hi + pad, 4), y, left, p => money(Math.round(p)));
  const first = new Date(shown[0].startMs).toISOString().substring(11, 16);
  const last = new Date(shown[shown.length - 1].startMs).toISOString().substring(11, 16);
  svg.appendChild(s('text', { x: left, y: height - 6, class: 'axis' }, `${first} UTC`));
  svg.appendChild(s('text', { x: width - 10, y: height - 6, 'text-anchor': 'end', class: 'axis' }, `${last} UTC`));
  return svg;
}

/** A step line of values over time: points [{t, value, label}] oldest first. */
export function stepChart(points, { width = 560, height = 180, title = 'Score over time', min = null,
  max = null } = {}) {
  if (!points || points.length === 0) {
    return empty(width, height, title, 'steps', 'No history yet');
  }
  const values = points.map(p => p.value);
  const lo = min ?? Math.min(...values);
  const hi = max ?? Math.max(...values);
  const left = 48;
  const x = scale(0, Math.max(points.length - 1, 1), left + 8, width - 16);
  const y = scale(lo, hi, height - 24, 12);
  const svg = frame(width, height, title, 'steps');
  svg.dataset.points = String(points.length);
  let d = '';
  points.forEach((p, i) => {
    d += i === 0 ? `M ${x(i)} ${y(p.value)}` : ` L ${x(i)} ${y(points[i - 1].value)} L ${x(i)} ${y(p.value)}`;
  });
  svg.appendChild(s('path', { d, class: 'step-line' }));
  points.forEach((p, i) => {
    const dot = s('circle', { cx: x(i), cy: y(p.value), r: 4, class: 'step-dot' });
    dot.appendChild(s('title', {}, p.label || String(p.value)));
    svg.appendChild(dot);
  });
  axisLabels(svg, niceTicks(lo, hi, 4), y, left, v => String(Math.round(v)));
  return svg;
}

/** Grouped bars: groups [{label, values: [{name, value, cls}]}]. */
export function barChart(groups, { width = 560, height = 220, title = 'Bars' } = {}) {
  if (!groups || groups.length === 0) {
    return empty(width, height, title, 'bars', 'Nothing to show');
  }
  const maxV = Math.max(1, ...groups.flatMap(g => g.values.map(v => v.value)));
  const left = 56;
  const bottom = height - 30;
  const slot = (width - left - 10) / groups.length;
  const y = scale(0, maxV, bottom, 12);
  const svg = frame(width, height, title, 'bars');
  svg.dataset.points = String(groups.length);
  groups.forEach((g, i) => {
    const w = Math.min(24, (slot * 0.8) / g.values.length);
    g.values.forEach((v, j) => {
      const bx = left + slot * i + slot * 0.1 + j * w;
      const rect = s('rect', { x: bx, y: y(v.value), width: w - 2, height: bottom - y(v.value),
        class: `bar ${v.cls || ''}` });
      rect.appendChild(s('title', {}, `${g.label}: ${v.name} ${v.value}`));
      svg.appendChild(rect);
    });
    svg.appendChild(s('text', { x: left + slot * i + slot / 2, y: height - 10, 'text-anchor': 'middle',
      class: 'axis' }, g.label));
  });
  axisLabels(svg, niceTicks(0, maxV, 4), y, left, v => String(Math.round(v)));
  return svg;
}
