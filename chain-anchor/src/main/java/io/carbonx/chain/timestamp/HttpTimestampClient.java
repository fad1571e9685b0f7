package io.carbonx.chain.timestamp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A TSA over HTTP (RFC 3161 §3.4): POSTs the DER {@code TimeStampReq} as {@code application/timestamp-query} and
 * expects {@code 200} with {@code application/timestamp-reply}. Used for the court node's endpoint
 * ({@link TsaHttpHandler}) in multi-process deployments and for an external TSA.
 *
 * <p>Failures: connection errors, timeouts, non-200 statuses, other content types and bodies over
 * {@link #MAX_RESPONSE_BYTES} are {@code TSA_UNAVAILABLE}; the body is then checked by
 * {@link TimestampExchange#accept}.
 */
public final class HttpTimestampClient implements TimestampClient {

    /** Content type of a request. */
    public static final String QUERY_TYPE = "application/timestamp-query";
    /** Content type of a response. */
    public static final String REPLY_TYPE = "application/timestamp-reply";
    /** Largest response accepted. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http;
    private final URI uri;
    private final Duration timeout;
    private final String policyOid;
    private final String tsaName;
    private final SecureRandom random;

    /**
     * A client of the TSA at {@code uri}.
     *
     * @param policyOid policy to request, or {@code null} for the TSA's default
     * @param tsaName   the name recorded for tokens from this TSA
     */
    public HttpTimestampClient(HttpClient http, URI uri, Duration timeout, String policyOid, String tsaName,
                               SecureRandom random) {
        this.http = Objects.requireNonNull(http, "http");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.policyOid = policyOid;
        this.tsaName = Objects.requireNonNull(tsaName, "tsaName");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public CompletionStage<IssuedTimestamp> timestamp(byte[] sha256) {
        TimestampExchange exchange;
        try {
            exchange = TimestampExchange.forDigest(sha256, policyOid, random);
        } catch (TimestampException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", QUERY_TYPE).header("Accept", REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.requestDer())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        throw new TimestampException(TimestampFailure.TSA_UNAVAILABLE,
                                uri + ": " + cause, cause);
                    }
                    return exchange.accept(checked(response), tsaName);
                });
    }

    @Override
    public String tsaName() {
        return tsaName;
    }

    private byte[] checked(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new TimestampException(TimestampFailure.TSA_UNAVAILABLE, uri + " answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith(REPLY_TYPE)) {
            throw new TimestampException(TimestampFailure.TSA_UNAVAILABLE, uri + " answered content type '" + type + "'");
        }
        if (response.body().length > MAX_RESPONSE_BYTES) {
            throw new TimestampException(TimestampFailure.TSA_UNAVAILABLE,
                    uri + " answered " + response.body().length + " bytes (limit " + MAX_RESPONSE_BYTES + ")");
        }
        return response.body();
    }
}
