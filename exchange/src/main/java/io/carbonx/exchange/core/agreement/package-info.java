/**
 * Negotiated block (agreement) trades: terms both parties signed (signatures checked by the adapter) are validated
 * against the instrument's rules — price band around the reference price (±30 % by default), minimum size, lot and
 * tick, a settlement date in the future and within the horizon, distinct parties, known instrument, this chain,
 * unexpired, unique id — and registered for the registry to settle. Entry point:
 * {@link io.carbonx.exchange.core.agreement.AgreementDesk}.
 *
 * <p>Pure core: java.* only; no clock, no randomness.
 */
package io.carbonx.exchange.core.agreement;
