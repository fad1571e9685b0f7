/**
 * Pure, deterministic core of chain-anchor: no I/O, no clock, no threads, no crypto provider.
 * Shared value types ({@link io.carbonx.chain.core.Digest}) and the big-endian codec
 * ({@link io.carbonx.chain.core.ByteWriter}, {@link io.carbonx.chain.core.ByteReader}) of PBFT messages,
 * vote records and stored blocks (block headers inside them are their Avro canonical bytes, length-prefixed). Sub-packages: {@code merkle} (RFC 6962/9162 trees and proofs),
 * {@code block} (block model, cut rule, chain state), {@code pbft} (the consensus state machine).
 */
package io.carbonx.chain.core;
