package io.carbonx.node.client;

import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.apache.avro.specific.SpecificRecord;

/**
 * The bodies of signed requests: the request's canonical bytes (its Avro single-object encoding,
 * {@link EventCodec#encode}) and the participant's signature over exactly those bytes, both base64, plus the
 * certificate serial where the endpoint asks for it (order entry).
 */
public final class SignedRequests {

    private static final EventCodec CODEC = EventCodec.standard();

    private SignedRequests() {
    }

    /** The canonical bytes of a request. */
    public static byte[] canonicalBytes(SpecificRecord request) {
        return CODEC.encode(request);
    }

    /**
     * {@code {"request", "signature"[, "certificateSerial"]}}.
     *
     * @param certificateSerial lower-case hex serial, or null to leave it out
     */
    public static JsonObject body(SpecificRecord request, ParticipantSigner signer, String certificateSerial) {
        byte[] bytes = canonicalBytes(request);
        JsonObject body = new JsonObject().put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(signer.sign(bytes)));
        if (certificateSerial != null) {
            body.put("certificateSerial", certificateSerial);
        }
        return body;
    }
}
