// CarbonX signed requests, built and encoded in the browser exactly as io.carbonx.schemas.EventCodec encodes them:
// the Avro single-object encoding of io.carbonx.requests.OrderRequest / CancelRequest. The strings below are the
// schemas' Parsing Canonical Forms (SchemaNormalization.toParsingForm in Java); ConsoleCodecIT fails if they drift
// from the Java contract, and checks byte equality on seeded random requests.
import { SingleObjectEncoder } from './avro.js';

export const ORDER_REQUEST_PCF = '{"name":"io.carbonx.requests.OrderRequest","type":"record","fields":['
  + '{"name":"chainId","type":"string"},{"name":"participantId","type":"string"},{"name":"sequence","type":"long"},'
  + '{"name":"clientOrderId","type":"string"},{"name":"instrumentId","type":"string"},'
  + '{"name":"side","type":{"name":"io.carbonx.events.Side","type":"enum","symbols":["BUY","SELL"]}},'
  + '{"name":"orderType","type":{"name":"io.carbonx.events.OrderType","type":"enum","symbols":["LIMIT","MARKET"]}},'
  + '{"name":"timeInForce","type":{"name":"io.carbonx.events.TimeInForce","type":"enum",'
  + '"symbols":["GTC","DAY","IOC","FOK"]}},'
  + '{"name":"priceMinor","type":["null","long"]},{"name":"quantity","type":"long"},'
  + '{"name":"expiresAtMs","type":["null","long"]},{"name":"storage","type":"boolean"}]}';

export const CANCEL_REQUEST_PCF = '{"name":"io.carbonx.requests.CancelRequest","type":"record","fields":['
  + '{"name":"chainId","type":"string"},{"name":"participantId","type":"string"},{"name":"sequence","type":"long"},'
  + '{"name":"orderId","type":"string"},{"name":"instrumentId","type":"string"}]}';

export const ORDER_ENCODER = new SingleObjectEncoder(ORDER_REQUEST_PCF);
export const CANCEL_ENCODER = new SingleObjectEncoder(CANCEL_REQUEST_PCF);

/** The canonical bytes of an OrderRequest ({chainId, participantId, sequence, clientOrderId, instrumentId, side,
 *  orderType, timeInForce, priceMinor|null, quantity, expiresAtMs|null, storage}); storage (a storage operator's
 *  energy offer) is false when absent. Integers may be numbers, BigInts or decimal strings. */
export function encodeOrder(order) {
  return ORDER_ENCODER.encode(order);
}

/** The canonical bytes of a CancelRequest ({chainId, participantId, sequence, orderId, instrumentId}). */
export function encodeCancel(cancel) {
  return CANCEL_ENCODER.encode(cancel);
}

/**
 * Next request sequence number: strictly above the last one this browser used for the participant and at least the
 * current time in ms, so that sequences stay increasing across page reloads and other sessions of the console
 * (the gateway accepts gaps; it refuses a number not above the participant's last with REPLAYED_SEQUENCE).
 * The last number is remembered in localStorage (a number, never a key).
 */
export function nextSequence(participantId, nowMs = Date.now()) {
  const key = `carbonx.sequence.${participantId}`;
  let last = 0;
  try {
    last = Number(window.localStorage.getItem(key) || '0');
  } catch (e) {
    last = 0;
  }
  const next = Math.max(last + 1, nowMs);
  try {
    window.localStorage.setItem(key, String(next));
  } catch (e) {
    // storage unavailable: the time-based number still increases
  }
  return next;
}

/** The JSON body of a signed request: {request, signature, certificateSerial} (standard base64). */
export function signedBody(bytes, signature, certificateSerial) {
  return { request: toBase64(bytes), signature: toBase64(signature), certificateSerial };
}

export function toBase64(bytes) {
  let s = '';
  for (const b of bytes) {
    s += String.fromCharCode(b);
  }
  return btoa(s);
}

export function fromBase64(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    out[i] = s.charCodeAt(i);
  }
  return out;
}

export function toHex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
