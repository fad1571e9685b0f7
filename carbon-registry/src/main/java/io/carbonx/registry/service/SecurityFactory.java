package io.carbonx.registry.service;

import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.ChallengeStore;
import io.carbonx.registry.api.auth.TokenService;
import io.carbonx.registry.directory.ParticipantDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Builds the node's {@link ApiSecurity} from the registry's configuration. */
final class SecurityFactory {
    /** Most challenges outstanding at once. */
    static final int CHALLENGE_CAPACITY = 10_000;

    private SecurityFactory() {
    }

    static ApiSecurity create(RegistryConfig config, ParticipantDirectory directory, Clock clock) {
        SecureRandom random = new SecureRandom();
        String key = config.tokenKeyBase64();
        TokenService tokens = key.isBlank() ? TokenService.withRandomKey(config.tokenTtlMs(), random)
                : new TokenService(Base64.getDecoder().decode(key), config.tokenTtlMs(), random);
        return new ApiSecurity(directory, tokens, new ChallengeStore(config.challengeTtlMs(), CHALLENGE_CAPACITY,
                random), config.chainId(), clock);
    }
}
