// Order entry: the browser builds the canonical OrderRequest / CancelRequest bytes itself (requests.js), signs them
// with the participant's key (keys.js) and posts {request, signature, certificateSerial} to the exchange gateway.
import { h, replace, status, field, card, table, money, parseMoney, qty, short } from './dom.js';
import { encodeOrder, encodeCancel, nextSequence, toHex } from './requests.js';

/** Orders this page placed: orderId -> {orderId, clientOrderId, instrumentId, side, priceMinor, quantity}. */
const placed = new Map();

export function placedOrders() {
  return placed;
}

/** The order entry card; {@code instrumentOf()} gives the selected instrument, {@code after()} refreshes. */
export function orderEntry(session, instrumentOf, after) {
  const side = h('select#order-side', h('option', { value: 'BUY' }, 'Buy'), h('option', { value: 'SELL' }, 'Sell'));
  const type = h('select#order-type', h('option', { value: 'LIMIT' }, 'Limit'),
    h('option', { value: 'MARKET' }, 'Market'));
  const tif = h('select#order-tif', ['GTC', 'DAY', 'IOC', 'FOK'].map(t => h('option', { value: t }, t)));
  const price = h('input#order-price', { type: 'text', inputmode: 'decimal', placeholder: '80.00', value: '80.00' });
  const quantity = h('input#order-quantity', { type: 'number', min: '1', step: '1', value: '10' });
  const result = h('div#order-result', { role: 'status' });
  const detail = h('details#order-bytes', h('summary', 'Signed bytes'), h('pre', 'Nothing signed yet.'));
  type.addEventListener('change', () => {
    price.disabled = type.value === 'MARKET';
    if (type.value === 'MARKET' && (tif.value === 'GTC' || tif.value === 'DAY')) {
      tif.value = 'IOC';
    }
  });
  const submit = h('button#order-submit', { type: 'submit' }, 'Sign and place order');
  const form = h('form#order-form', { onsubmit: async e => {
    e.preventDefault();
    const q = Number(quantity.value);
    const p = type.value === 'MARKET' ? null : parseMoney(price.value);
    if (!Number.isSafeInteger(q) || q <= 0) {
      status(result, 'error', 'Quantity must be a positive whole number of tonnes.');
      return;
    }
    if (type.value === 'LIMIT' && p === null) {
      status(result, 'error', 'Price must be an amount like 80 or 80.25.');
      return;
    }
    const sequence = nextSequence(session.participantId);
    const request = { chainId: session.chainId, participantId: session.participantId, sequence,
      clientOrderId: `web-${sequence}`, instrumentId: instrumentOf(), side: side.value, orderType: type.value,
      timeInForce: tif.value, priceMinor: p, quantity: q, expiresAtMs: null };
    submit.disabled = true;
    status(result, 'info', 'Signing…');
    try {
      const bytes = encodeOrder(request);
      const { signature, result: r } = await session.postSigned('/api/v1/orders', bytes);
      placed.set(r.orderId, { ...request, orderId: r.orderId });
      result.dataset.orderId = r.orderId;
      result.dataset.status = r.status;
      status(result, 'ok', `${r.status}: order ${r.orderId} (${request.side} ${q} ${request.instrumentId}`
        + `${p === null ? ' at market' : ' at ' + money(p)}, sequence ${r.sequence})`);
      replace(detail, h('summary', 'Signed bytes'), h('pre', `OrderRequest, Avro single-object encoding `
        + `(${bytes.length} bytes):\n${toHex(bytes)}\n\nsignature (${session.key.kind}):\n${toHex(signature)}`));
      after();
    } catch (err) {
      result.dataset.status = 'REFUSED';
      status(result, 'error', `Refused: ${err.message}`);
    } finally {
      submit.disabled = false;
    }
  } },
  h('div.row', field('Side', side), field('Type', type), field('Time in force', tif)),
  h('div.row', field('Price per tonne', price), field('Quantity (t)', quantity)),
  submit);
  return card('Place a signed order', form, result, detail,
    h('p.hint', 'The order is encoded and signed in this page with your key; the node checks the signature '
      + 'against your certificate before it reaches the book.'));
}

/** Cancels an order with a signed CancelRequest; returns the gateway's answer. */
export async function cancelOrder(session, orderId, instrumentId) {
  const sequence = nextSequence(session.participantId);
  const bytes = encodeCancel({ chainId: session.chainId, participantId: session.participantId, sequence, orderId,
    instrumentId });
  return (await session.postSigned('/api/v1/orders/cancel', bytes)).result;
}

/**
 * The open orders of the account, each with a signed cancel; {@code instruments} for orders placed elsewhere. The
 * outcome of a cancel goes to {@code message}, which lives outside the table (the table is redrawn as it polls).
 */
export function openOrders(session, account, instruments, selected, message, onDone) {
  const ids = account.openOrderIds || [];
  const rows = ids.map(id => ({ id, mine: placed.get(id) }));
  return h('div', table([
    { label: 'Order', value: r => h('code', { title: r.id }, short(r.id, 28)) },
    { label: 'Details', value: r => r.mine ? `${r.mine.side} ${qty(r.mine.quantity)} @ `
        + `${r.mine.priceMinor === null ? 'market' : money(r.mine.priceMinor)}` : 'placed elsewhere' },
    { label: 'Instrument', value: r => {
      if (r.mine) {
        return r.mine.instrumentId;
      }
      return h('select.cancel-instrument', instruments.map(i => h('option', { value: i, selected: i === selected },
        i)));
    } },
    { label: '', value: r => h('button.cancel', { type: 'button', onclick: async e => {
      const row = e.target.closest('tr');
      const pick = row.querySelector('select.cancel-instrument');
      const instrument = r.mine ? r.mine.instrumentId : pick.value;
      e.target.disabled = true;
      try {
        const answer = await cancelOrder(session, r.id, instrument);
        status(message, 'ok', `Cancel ${answer.status}: ${r.id}`);
        message.dataset.cancelled = r.id;
        onDone();
      } catch (err) {
        status(message, 'error', `Cancel refused: ${err.message}`);
        e.target.disabled = false;
      }
    } }, 'Cancel') },
  ], rows, { empty: 'No open orders.', keyOf: r => r.id, id: 'open-orders' }));
}
