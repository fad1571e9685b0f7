package io.carbonx.chain.timestamp;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/** Chooses the {@link TimestampClient} a {@link TimestampConfig} names. */
public final class TimestampClients {

    private TimestampClients() {
    }

    /**
     * The client for {@code config}.
     *
     * @param localAuthority the consortium TSA in this process; required in CONSORTIUM mode, ignored otherwise
     * @param http           HTTP client for HTTP mode (share one per process)
     * @throws IllegalArgumentException CONSORTIUM mode without a local authority
     */
    public static TimestampClient create(TimestampConfig config, TimestampAuthority localAuthority, Clock clock,
                                         HttpClient http, SecureRandom random) {
        Objects.requireNonNull(config, "config");
        return switch (config.mode()) {
            case CONSORTIUM -> {
                if (localAuthority == null) {
                    throw new IllegalArgumentException("timestamp.mode=consortium but this process runs no TSA; "
                            + "use timestamp.mode=http with the court node's TSA URL");
                }
                yield new LocalTimestampClient(localAuthority, clock, random);
            }
            case HTTP -> new HttpTimestampClient(http, config.url(), config.timeout(), config.policyOid(),
                    config.tsaName(), random);
        };
    }
}
