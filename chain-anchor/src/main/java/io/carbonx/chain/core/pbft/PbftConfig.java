package io.carbonx.chain.core.pbft;

import java.util.Objects;

/**
 * Static parameters of a PBFT replica.
 *
 * @param chainId chain id (inside every signature and block header)
 * @param validators the validator set
 * @param checkpointInterval K: a checkpoint every K blocks
 * @param watermarkWindow L: heights accepted are {@code (low, low + L]}, low = stable checkpoint
 * @param baseViewTimeoutMs timeout without progress before a view change; doubles per failed view change
 * @param maxViewTimeoutMs cap of the doubled timeout
 * @param retransmitIntervalMs period of retransmitting own unfinished votes
 * @param statusIntervalMs period of STATUS heartbeats
 * @param maxBlocksPerResponse blocks per BLOCK-RESPONSE
 */
public record PbftConfig(String chainId, ValidatorSet validators, int checkpointInterval, int watermarkWindow,
                         long baseViewTimeoutMs, long maxViewTimeoutMs, long retransmitIntervalMs,
                         long statusIntervalMs, int maxBlocksPerResponse) {

    /** Validates ranges: K ≥ 1, L ≥ K and a multiple of K, positive timers. */
    public PbftConfig {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(validators, "validators");
        if (checkpointInterval < 1 || watermarkWindow < checkpointInterval
                || watermarkWindow % checkpointInterval != 0) {
            throw new IllegalArgumentException("need K >= 1 and L a positive multiple of K");
        }
        if (baseViewTimeoutMs <= 0 || maxViewTimeoutMs < baseViewTimeoutMs || retransmitIntervalMs <= 0
                || statusIntervalMs <= 0 || maxBlocksPerResponse < 1) {
            throw new IllegalArgumentException("timers and batch sizes must be positive");
        }
    }

    /** Defaults: K = 16, L = 64, 1 s base view timeout (max 16 s), 200 ms retransmit, 500 ms status. */
    public static PbftConfig defaults(String chainId, ValidatorSet validators) {
        return new PbftConfig(chainId, validators, 16, 64, 1_000, 16_000, 200, 500, 64);
    }
}
