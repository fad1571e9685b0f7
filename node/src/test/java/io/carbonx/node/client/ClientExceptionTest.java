package io.carbonx.node.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientExceptionTest {

    private static ApiResponse problem(int status, String reason, String detail) {
        String body = "{\"type\":\"urn:carbonx:problem:" + reason + "\",\"title\":\"t\",\"status\":" + status
                + ",\"reasonCode\":\"" + reason + "\",\"detail\":\"" + detail + "\"}";
        return new ApiResponse(status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProblemAnswerNamesTheActionTheReasonCodeAndTheDetail() {
        ClientException e = ClientException.fromResponse("placing the order",
                problem(400, "BAD_SIGNATURE", "the signature does not verify"));

        assertThat(e.kind()).isEqualTo(ClientException.Kind.REFUSED);
        assertThat(e.reasonCode()).isEqualTo("BAD_SIGNATURE");
        assertThat(e.getMessage()).isEqualTo("placing the order failed: BAD_SIGNATURE (HTTP 400): the signature"
                + " does not verify");
    }

    @Test
    void statusesMapToKinds() {
        assertThat(ClientException.kindOf(409)).isEqualTo(ClientException.Kind.REFUSED);
        assertThat(ClientException.kindOf(422)).isEqualTo(ClientException.Kind.REFUSED);
        assertThat(ClientException.kindOf(401)).isEqualTo(ClientException.Kind.DENIED);
        assertThat(ClientException.kindOf(403)).isEqualTo(ClientException.Kind.DENIED);
        assertThat(ClientException.kindOf(404)).isEqualTo(ClientException.Kind.NOT_FOUND);
        assertThat(ClientException.kindOf(503)).isEqualTo(ClientException.Kind.UNAVAILABLE);
        assertThat(ClientException.kindOf(504)).isEqualTo(ClientException.Kind.UNAVAILABLE);
    }

    @Test
    void aNonProblemBodyStillGivesTheStatus() {
        ClientException e = ClientException.fromResponse("fetching evidence",
                new ApiResponse(404, "text/html", "<html>nope</html>".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.kind()).isEqualTo(ClientException.Kind.NOT_FOUND);
        assertThat(e.reasonCode()).isNull();
        assertThat(e.getMessage()).startsWith("fetching evidence failed: HTTP 404");
    }
}
