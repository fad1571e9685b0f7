package io.carbonx.registry.service;

import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.ChallengeStore;
import io.carbonx.registry.api.auth.TokenService;
import io.carbonx.registry.directory.ParticipantDirectory;
import java.security.SecureRandom;
import java.time.Clock;

/** Builds the node's {@link ApiSecurity} from the registry's configuration. */
final class SecurityFactory {
    /** Most challenges outstanding at once. */
    static final int CHALLENGE_CAPACITY = 10_000;

    private SecurityFactory() {
    }

    static ApiSecurity create(RegistryConfig config, ParticipantDirectory directory, Clock clock) {
        SecureRandom random = new SecureRandom();
        TokenService tokens = config.tokenKey().map(k -> new TokenService(k, config.tokenTtlMs(), random))
                .orElseGet(() -> TokenService.withRandomKey(config.tokenTtlMs(), random));
        return new ApiSecurity(directory, tokens, new ChallengeStore(config.challengeTtlMs(), CHALLENGE_CAPACITY,
                random), config.chainId(), clock);
    }
}
