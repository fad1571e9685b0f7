package io.carbonx.exchange.gateway;

import io.carbonx.exchange.core.gateway.GatewayReason;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * The body of a signed-request call: {@code {"request": base64, "signature": base64, "certificateSerial": hex}}
 * where {@code request} is the single-object Avro encoding of the request ({@code EventCodec.encode}), exactly the
 * bytes that were signed. Standard or URL-safe base64, padding optional.
 *
 * @param requestBytes      the signed bytes
 * @param signature         the signature
 * @param certificateSerial the signer's certificate serial, lower-case hex without leading zeros
 */
record SignedBody(byte[] requestBytes, byte[] signature, String certificateSerial) {

    static SignedBody parse(JsonObject body) throws Refusal {
        if (body == null) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, "the body must be a JSON object");
        }
        byte[] request = base64(body, "request");
        if (request.length == 0) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, "request is empty");
        }
        byte[] signature = base64(body, "signature");
        Object serial = body.getValue("certificateSerial");
        if (!(serial instanceof String s) || !s.matches("[0-9a-f]{1,64}")) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, "certificateSerial must be lower-case hex");
        }
        return new SignedBody(request, signature, s);
    }

    private static byte[] base64(JsonObject body, String field) throws Refusal {
        Object value = body.getValue(field);
        if (!(value instanceof String text)) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, field + " must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/').strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(GatewayReason.MALFORMED_BODY, field + " is not valid base64");
        }
    }
}
