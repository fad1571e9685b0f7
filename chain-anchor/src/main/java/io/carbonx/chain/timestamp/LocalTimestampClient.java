package io.carbonx.chain.timestamp;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The consortium TSA in this process (the embedded default, where the court node runs in the same JVM): the same
 * request/response exchange as over HTTP, without the network. genTime is read from {@code clock} here, in the
 * adapter; the TSA itself takes time as a parameter.
 */
public final class LocalTimestampClient implements TimestampClient {

    private final TimestampAuthority authority;
    private final Clock clock;
    private final SecureRandom random;

    /** A client of {@code authority} stamping with {@code clock}'s time. */
    public LocalTimestampClient(TimestampAuthority authority, Clock clock, SecureRandom random) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public CompletionStage<IssuedTimestamp> timestamp(byte[] sha256) {
        try {
            TimestampExchange exchange = TimestampExchange.forDigest(sha256, authority.policy().policyOid(), random);
            byte[] response = authority.respond(exchange.requestDer(), clock.instant());
            return CompletableFuture.completedFuture(exchange.accept(response, authority.name()));
        } catch (TimestampException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String tsaName() {
        return authority.name();
    }
}
