// The enterprise's console: market (book, depth, candles, trades) of the selected instrument, signed order entry and
// cancels, the account with its locked deposits, holdings, and the credit rating with its history.
import { h, replace, card, table, money, qty, time, short } from './dom.js';
import { depthChart, candleChart, stepChart } from './charts.js';
import { orderEntry, openOrders } from './orders.js';

const REFRESH_MS = 2500;

export function enterpriseView(session, root) {
  const select = h('select#instrument');
  const stamp = h('span#refreshed.hint');
  const book = h('div#book');
  const price = h('div#price');
  const trades = h('div#trades');
  const orders = h('div#orders');
  const cancelResult = h('p#cancel-result', { role: 'status' });
  const account = h('div#account');
  const holdings = h('div#holdings');
  const rating = h('div#rating');
  let instruments = [];
  let busy = false;
  const refresh = async () => {
    if (busy) {
      return;
    }
    busy = true;
    try {
      await Promise.all([market(session, select.value, book, price, trades), mine(session, account, holdings,
        orders, instruments, select.value, cancelResult, refresh)]);
      stamp.textContent = `updated ${new Date().toISOString().substring(11, 19)} UTC`;
      root.dataset.refreshed = String(Date.now());
    } catch (err) {
      stamp.textContent = `update failed: ${err.message}`;
    } finally {
      busy = false;
    }
  };
  replace(root,
    h('div.toolbar', h('label', 'Instrument ', select),
      h('button#refresh', { type: 'button', onclick: refresh }, 'Refresh'), stamp),
    h('div.grid',
      card('Order book', book),
      card('Price', price, trades),
      orderEntry(session, () => select.value, refresh),
      card('My open orders', orders, cancelResult),
      card('Account and locked deposits', account),
      card('Holdings', holdings),
      card('Credit rating', rating)));
  select.addEventListener('change', refresh);
  const start = async () => {
    const list = await session.get('/api/v1/market/instruments');
    instruments = (list.instruments || []).map(i => (typeof i === 'string' ? i : i.instrumentId || i.id));
    replace(select, instruments.map(i => h('option', { value: i }, i)));
    await Promise.all([refresh(), ratingCard(session, rating)]);
  };
  start().catch(err => { stamp.textContent = `could not load the market: ${err.message}`; });
  const timer = setInterval(refresh, REFRESH_MS);
  const ratingTimer = setInterval(() => ratingCard(session, rating), REFRESH_MS * 4);
  return { stop: () => { clearInterval(timer); clearInterval(ratingTimer); } };
}

async function market(session, instrument, book, price, trades) {
  if (!instrument) {
    return;
  }
  const id = encodeURIComponent(instrument);
  const [depth, bars, prints] = await Promise.all([
    session.get(`/api/v1/market/${id}/book?levels=20`),
    session.get(`/api/v1/market/${id}/ohlc?intervalMs=60000`),
    session.get(`/api/v1/market/${id}/trades?limit=20`)]);
  const level = l => ({ price: money(l.priceMinor), quantity: qty(l.quantity), orders: l.orders });
  const side = (label, levels, cls) => h(`div.book-side.${cls}`, h('h4', label), table([
    { label: 'Price', value: l => level(l).price, cls: 'num' },
    { label: 'Quantity', value: l => level(l).quantity, cls: 'num' },
    { label: 'Orders', value: l => l.orders, cls: 'num' }], levels, { empty: `No ${label.toLowerCase()}.`,
    keyOf: l => String(l.priceMinor), id: `book-${cls}` }));
  replace(book,
    h('p.hint', `Phase ${depth.phase || '–'} · reference ${money(depth.referencePriceMinor)}`),
    h('div.book', side('Bids', depth.bids || [], 'bids'), side('Asks', depth.asks || [], 'asks')),
    depthChart(depth.bids || [], depth.asks || []));
  replace(price, candleChart(bars.bars || []));
  replace(trades, h('h4', 'Recent trades'), table([
    { label: 'Time', value: t => time(t.timeMs) },
    { label: 'Price', value: t => money(t.priceMinor), cls: 'num' },
    { label: 'Quantity', value: t => qty(t.quantity), cls: 'num' },
    { label: 'Aggressor', value: t => t.aggressorSide },
    { label: 'Trade', value: t => h('code', { title: t.tradeId }, short(t.tradeId, 18)) }],
  prints.trades || [], { empty: 'No trades yet.', keyOf: t => t.tradeId, id: 'trade-list' }));
}

async function mine(session, accountEl, holdingsEl, ordersEl, instruments, selected, cancelResult, refresh) {
  const id = encodeURIComponent(session.participantId);
  const [account, holdings] = await Promise.all([
    session.get(`/api/v1/accounts/${id}`),
    session.get(`/api/v1/accounts/${id}/holdings`)]);
  replace(accountEl,
    h('dl.facts#account-facts',
      h('dt', 'Status'), h('dd#account-status', account.status),
      h('dt', 'Cash available'), h('dd#account-cash', money(account.cashMinor)),
      h('dt', 'Locked cash (deposits)'), h('dd#account-locked', money(account.lockedCashMinor)),
      h('dt', 'Debt'), h('dd', money(account.debtMinor)),
      h('dt', 'Trades awaiting settlement'), h('dd', String((account.pendingTradeIds || []).length)),
      h('dt', 'Defaults'), h('dd', String(account.defaults ?? 0))),
    h('h4', 'Locked deposits'),
    table([
      { label: 'Lock', value: l => h('code', { title: l.lockId }, short(l.lockId, 30)) },
      { label: 'Cash', value: l => money(l.cashMinor), cls: 'num' },
      { label: 'Quantity', value: l => l.instrumentId ? `${qty(l.quantity)} ${l.instrumentId}` : '–' }],
    account.locks || [], { empty: 'No locked deposits.', keyOf: l => l.lockId, id: 'locks' }));
  replace(ordersEl, openOrders(session, account, instruments, selected, cancelResult, refresh));
  replace(holdingsEl, table([
    { label: 'Instrument', value: i => i.instrumentId },
    { label: 'Available', value: i => qty(i.available), cls: 'num' },
    { label: 'Locked', value: i => qty(i.locked), cls: 'num' }],
  holdings.items || [], { empty: 'No holdings.', keyOf: i => i.instrumentId, id: 'holdings-table' }));
}

/** Current grade with what it means for trading, the score history and the latest change's reasons. */
export async function ratingCard(session, el, participantId = session.participantId) {
  const id = encodeURIComponent(participantId);
  let current = null;
  try {
    current = await session.get(`/api/v1/ratings/${id}`);
  } catch (err) {
    if (err.status !== 404) {
      replace(el, h('p.status.error', `Rating unavailable: ${err.message}`));
      return;
    }
  }
  const history = current ? await session.get(`/api/v1/ratings/${id}/history`) : { changes: [] };
  if (!current) {
    replace(el, h('p#rating-grade.empty', { dataset: { grade: 'UNRATED' } }, 'Not rated yet.'));
    return;
  }
  const r = current.rating;
  const e = current.effects;
  replace(el,
    h('p.grade', h('span#rating-grade.badge', { dataset: { grade: r.grade } }, r.grade), ` score ${r.score}`,
      h('span.hint', ` (model ${r.modelVersion})`)),
    h('dl.facts',
      h('dt', 'Deposit share'), h('dd', `${(e.depositShareBps / 100).toFixed(2)} % of notional`),
      h('dt', 'Priority tier'), h('dd', String(e.priorityTier)),
      h('dt', 'Max open notional'), h('dd', money(e.maxOpenNotionalMinor)),
      h('dt', 'May open orders'), h('dd', e.canOpenOrders ? 'yes' : 'no')),
    stepChart((history.changes || []).map(c => ({ t: c.logicalTimeMs, value: c.score,
      label: `${time(c.logicalTimeMs)}: ${c.previousGrade} → ${c.grade} (${c.causeEventType})` })),
    { title: 'Credit score over time' }),
    h('h4', 'Why (latest change)'),
    table([{ label: 'Factor', value: b => b.factor }, { label: 'Points', value: b => b.points, cls: 'num' },
      { label: 'How', value: b => b.detail }], r.breakdown || [], { empty: 'No breakdown.' }),
    h('h4', 'History'),
    table([
      { label: 'When', value: c => time(c.logicalTimeMs) },
      { label: 'Grade', value: c => `${c.previousGrade} → ${c.grade}` },
      { label: 'Score', value: c => `${c.previousScore} → ${c.score}`, cls: 'num' },
      { label: 'Cause', value: c => c.causeEventType }],
    [...(history.changes || [])].reverse(), { empty: 'No changes.', id: 'rating-history' }));
}
