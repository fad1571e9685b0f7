package io.carbonx.node.client;

import io.carbonx.registry.identity.ParticipantSigner;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A logged-in participant: the bearer token obtained by signing the node's challenge (the API's one
 * authentication mechanism: {@code POST /api/v1/auth/challenge}, sign {@code signedText}, {@code POST
 * /api/v1/auth/token}), and the chain id the challenge named (signed requests must carry it).
 *
 * @param client        the node
 * @param participantId who
 * @param role          the certified role
 * @param chainId       the node's chain id
 * @param token         the bearer token
 * @param expiresAtMs   when it stops working
 */
public record Session(NodeClient client, String participantId, String role, String chainId, String token,
                      long expiresAtMs) {

    /** First line of every challenge text. */
    public static final String CHALLENGE_PREFIX = "carbonx-auth-v1";

    /**
     * Logs in.
     *
     * @throws ClientException {@link ClientException.Kind#DENIED} with the node's reason (BAD_SIGNATURE,
     *                         UNKNOWN_PARTICIPANT, CERTIFICATE_REVOKED, ...) when the login is refused
     */
    public static Session login(NodeClient client, String participantId, ParticipantSigner signer) {
        JsonObject challenge = client.post("/api/v1/auth/challenge", new JsonObject()
                .put("participantId", participantId), null).requireOk("asking the node for a login challenge").json();
        String text = challenge.getString("signedText", "");
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[0].equals(CHALLENGE_PREFIX) || !lines[2].equals(participantId)) {
            throw ClientException.of(ClientException.Kind.FAILURE, "the node's challenge is not a "
                    + CHALLENGE_PREFIX + " challenge for " + participantId + ": " + text.replace("\n", "\\n"));
        }
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        ApiResponse r = client.post("/api/v1/auth/token", new JsonObject()
                .put("challengeId", challenge.getString("challengeId"))
                .put("signatureBase64", Base64.getEncoder().encodeToString(signature)), null);
        if (!r.ok()) {
            ClientException e = ClientException.fromResponse("logging in as " + participantId, r);
            if ("UNKNOWN_PARTICIPANT".equals(e.reasonCode())) {
                throw new ClientException(e.kind(), e.reasonCode(), e.getMessage() + " (has a regulator approved"
                        + " the registration? carbonx approve " + participantId + ")");
            }
            throw e;
        }
        JsonObject token = r.json();
        return new Session(client, token.getString("participantId", participantId), token.getString("role"),
                lines[1], token.getString("token"), token.getLong("expiresAtMs", 0L));
    }

    /** GET with this session's token. */
    public ApiResponse get(String path) {
        return client.get(path, token);
    }

    /** GET accepting {@code accept}, with this session's token. */
    public ApiResponse get(String path, String accept) {
        return client.get(path, token, accept);
    }

    /** POST JSON with this session's token. */
    public ApiResponse post(String path, JsonObject body) {
        return client.post(path, body, token);
    }
}
