package io.carbonx.registry.core.state;

/**
 * Serials {@code from..to} (inclusive) issued once, for good.
 *
 * @param from         first serial
 * @param to           last serial
 * @param instrumentId offset instrument
 * @param issuanceId   issuance reference
 */
public record IssuedRange(long from, long to, String instrumentId, String issuanceId) {
}
