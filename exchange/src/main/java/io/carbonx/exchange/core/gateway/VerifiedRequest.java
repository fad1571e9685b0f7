package io.carbonx.exchange.core.gateway;

import io.carbonx.events.RequestSignature;
import java.util.Objects;

/**
 * A signed request whose signature and signer certificate the adapter has verified, and which the authenticated
 * caller signed itself.
 *
 * @param callerId     the authenticated participant (= the signer)
 * @param requestBytes the exact signed bytes (kept in the published event for evidence)
 * @param signature    the signature over them
 * @param nowMs        the gateway's time (the published event's logical time)
 * @param rejectionId  a unique event id to use if the request is refused
 */
public record VerifiedRequest(String callerId, byte[] requestBytes, RequestSignature signature, long nowMs,
                              String rejectionId) {

    /** Validates presence. */
    public VerifiedRequest {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(requestBytes, "requestBytes");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(rejectionId, "rejectionId");
    }
}
