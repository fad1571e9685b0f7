package io.carbonx.loadgen;

import java.util.function.Function;

/**
 * An enterprise the generator trades as.
 *
 * @param participantId its participant id
 * @param chainId       the chain id its signed requests name
 * @param token         its bearer token (valid for the run)
 * @param certificateSerial its certificate serial (hex), sent with every order
 * @param firstSequence the first sequence number the run may use (above every one it used before)
 * @param signer        signs canonical request bytes with its key (thread-safe)
 */
public record Trader(String participantId, String chainId, String token, String certificateSerial,
                     long firstSequence, Function<byte[], byte[]> signer) {
}
