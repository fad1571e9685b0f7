package io.carbonx.exchange.core.gateway;

/**
 * Why the order-entry gateway refused a signed request, with the HTTP status it answers. Checks run in the order
 * of this enum's groups (body, identity, signature, chain, sequence, instrument rules); the first failure is
 * reported, and nothing is published but a RequestRejected.
 */
public enum GatewayReason {
    /** The body is not JSON, or lacks {@code request}, {@code signature} or {@code certificateSerial}, or one is
     *  not valid base64. */
    MALFORMED_BODY(400),
    /** The request bytes are not the single-object encoding of the expected request type. */
    MALFORMED_REQUEST(400),
    /** The signature is empty. */
    UNSIGNED(400),
    /** The request's participant is not the authenticated caller. */
    SIGNER_NOT_CALLER(403),
    /** Agreement terms submitted by a participant that is neither their buyer nor their seller. */
    NOT_A_PARTY(403),
    /** The certificate serial is not the signer's current certificate. */
    CERTIFICATE_NOT_CURRENT(403),
    /** The signer's certificate is revoked. */
    CERTIFICATE_REVOKED(403),
    /** The signer's certificate (or its chain) has expired. */
    CERTIFICATE_EXPIRED(403),
    /** The signer's certificate (or its chain) is not valid yet. */
    CERTIFICATE_NOT_YET_VALID(403),
    /** The signer's certificate does not chain to the consortium root, or is malformed. */
    CERTIFICATE_UNTRUSTED(403),
    /** The signer's certificate is not an ENTERPRISE certificate. */
    ROLE_NOT_ENTERPRISE(403),
    /** The signature does not verify over the request bytes with the certificate's key (wrong key, altered
     *  bytes). */
    BAD_SIGNATURE(400),
    /** The request is bound to another chain. */
    WRONG_CHAIN(400),
    /** The sequence number is not above the participant's last accepted one (a replay or a stale request). */
    REPLAYED_SEQUENCE(409),
    /** The instrument is not traded here. */
    UNKNOWN_INSTRUMENT(422),
    /** Zero or negative quantity. */
    NON_POSITIVE_QUANTITY(422),
    /** Quantity below the instrument's minimum. */
    BELOW_MIN_QUANTITY(422),
    /** Quantity above the instrument's maximum. */
    ABOVE_MAX_QUANTITY(422),
    /** Quantity not a multiple of the lot size. */
    OFF_LOT(422),
    /** A LIMIT order without a price. */
    PRICE_REQUIRED(422),
    /** A MARKET order with a price. */
    PRICE_NOT_ALLOWED_FOR_MARKET(422),
    /** MARKET orders are not accepted for this instrument: energy pool bidding needs a limit, and a book without a
     *  price band gives no protection price to bound a market order (and size its deposit) with. */
    MARKET_NOT_ALLOWED(422),
    /** Zero or negative price. */
    NON_POSITIVE_PRICE(422),
    /** Price not a multiple of the tick size. */
    OFF_TICK(422),
    /** Price outside the instrument's configured band around its reference price. */
    OUT_OF_BAND(422),
    /** price × quantity does not fit in 64 bits. */
    NOTIONAL_OVERFLOW(422),
    /** The expiry time is not in the future. */
    EXPIRY_IN_PAST(422),
    /** A storage offer (signed with {@code storage = true}) sent to the order route, or an ordinary order sent to
     *  the storage-offer route: the route must match what was signed. */
    STORAGE_FLAG_MISMATCH(422),
    /** A storage offer on an instrument that is not energy (pool bidding). */
    STORAGE_NOT_ENERGY(422),
    /** A storage offer that buys: storage offers sell stored energy. */
    STORAGE_MUST_SELL(422);

    private final int httpStatus;

    GatewayReason(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the refusal. */
    public int httpStatus() {
        return httpStatus;
    }
}
