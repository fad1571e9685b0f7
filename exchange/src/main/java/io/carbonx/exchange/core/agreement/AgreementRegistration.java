package io.carbonx.exchange.core.agreement;

/**
 * A registered agreement — published as AgreementRegistered, for the registry to lock deposits and settle on the
 * settlement date.
 *
 * @param sequence            1-based registration number on this desk
 * @param agreementId         the agreement
 * @param instrumentId        the instrument
 * @param buyerId             buyer
 * @param sellerId            seller
 * @param priceMinor          price per tonne
 * @param quantity            tonnes
 * @param notionalMinor       price × quantity
 * @param settlementDateMs    settlement date (logical ms)
 * @param registeredAtMs      logical time of registration
 * @param referencePriceMinor the reference price the band was checked against
 * @param bandBps             the band used
 */
public record AgreementRegistration(long sequence, String agreementId, String instrumentId, String buyerId,
                                    String sellerId, long priceMinor, long quantity, long notionalMinor,
                                    long settlementDateMs, long registeredAtMs, long referencePriceMinor,
                                    int bandBps) {
}
