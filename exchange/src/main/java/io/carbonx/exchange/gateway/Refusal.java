package io.carbonx.exchange.gateway;

import io.carbonx.exchange.core.gateway.GatewayReason;

/** A request refused before the core decides (body, decoding, signer, certificate, signature). */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final GatewayReason reason;

    Refusal(GatewayReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    GatewayReason reason() {
        return reason;
    }
}
