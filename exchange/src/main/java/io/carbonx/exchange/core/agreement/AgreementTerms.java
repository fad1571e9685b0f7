package io.carbonx.exchange.core.agreement;

/**
 * The terms of a negotiated block (agreement) trade, field for field the signed request
 * {@code io.carbonx.requests.AgreementTerms}: buyer and seller each sign the same canonical bytes of these terms;
 * the adapter checks both signatures, this core checks the terms.
 *
 * @param chainId          chain the request is bound to
 * @param agreementId      chosen by the parties; unique per chain
 * @param instrumentId     the instrument traded
 * @param buyerId          buying participant
 * @param sellerId         selling participant
 * @param priceMinor       price per tonne, minor units
 * @param quantity         whole tonnes
 * @param settlementDateMs deferred settlement date (logical ms)
 * @param expiresAtMs      the terms must be registered before this time (logical ms)
 */
public record AgreementTerms(String chainId, String agreementId, String instrumentId, String buyerId,
                             String sellerId, long priceMinor, long quantity, long settlementDateMs,
                             long expiresAtMs) {
}
