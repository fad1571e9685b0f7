package io.carbonx.registry.core.state;

import io.carbonx.events.InstrumentKind;

/**
 * A registry instrument.
 *
 * @param instrumentId id
 * @param kind         ALLOWANCE, OFFSET, or ENERGY (pool bidding; settled in cash, never held)
 * @param vintage      the allowance's compliance year (the issuance year for offsets)
 */
public record Instrument(String instrumentId, InstrumentKind kind, int vintage) {
}
