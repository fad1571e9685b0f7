package io.carbonx.chain.timestamp;

import java.util.concurrent.CompletionStage;

/**
 * Obtains RFC 3161 time-stamps over block hashes. Two implementations, chosen by {@link TimestampClients}: the
 * consortium's own TSA in this process ({@link LocalTimestampClient}) and any TSA over HTTP
 * ({@link HttpTimestampClient}: the court node's endpoint in a multi-process deployment, or an external TSA).
 *
 * <p>The returned stage fails with {@link TimestampException} (reason code) when no granted token matching the
 * request could be obtained. Implementations are thread-safe.
 */
public interface TimestampClient {

    /** A time-stamp over {@code sha256} (a 32-byte block hash). */
    CompletionStage<IssuedTimestamp> timestamp(byte[] sha256);

    /** The name recorded as the token's issuer ({@code BlockTimestamped.tsaId}). */
    String tsaName();
}
