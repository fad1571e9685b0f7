package io.carbonx.chain.timestamp;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Serves the consortium TSA over HTTP (RFC 3161 §3.4) with Vert.x core: {@code POST} with
 * {@code Content-Type: application/timestamp-query}, at most {@link #MAX_REQUEST_BYTES}; answers {@code 200} with
 * {@code application/timestamp-reply} holding the {@code TimeStampResp} (a refused request is a rejection
 * response, still HTTP 200, as the RFC intends). Other methods get 405, other content types 415, larger bodies
 * 413. genTime is {@code clock}'s time when the request body has arrived.
 *
 * <p>Mount it on any path of an {@code HttpServer}: {@code server.requestHandler(new TsaHttpHandler(tsa, clock))}.
 */
public final class TsaHttpHandler implements Handler<HttpServerRequest> {

    /** Largest request accepted (a TimeStampReq is about 60–100 bytes). */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final TimestampAuthority authority;
    private final Clock clock;

    /** Serves {@code authority}, stamping with {@code clock}'s time. */
    public TsaHttpHandler(TimestampAuthority authority, Clock clock) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            request.response().setStatusCode(405).putHeader("Allow", "POST").end();
            return;
        }
        String type = Objects.toString(request.getHeader("Content-Type"), "").toLowerCase(Locale.ROOT);
        if (!type.startsWith(HttpTimestampClient.QUERY_TYPE)) {
            request.response().setStatusCode(415).end();
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && tooLong(length)) {
            request.response().setStatusCode(413).end();
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() <= MAX_REQUEST_BYTES) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(done -> {
            if (body.length() > MAX_REQUEST_BYTES) {
                request.response().setStatusCode(413).end();
                return;
            }
            byte[] reply = authority.respond(body.getBytes(), clock.instant());
            request.response().setStatusCode(200).putHeader("Content-Type", HttpTimestampClient.REPLY_TYPE)
                    .end(Buffer.buffer(reply));
        });
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_REQUEST_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
