/**
 * PBFT messages, Besu style: a {@link io.carbonx.chain.core.pbft.message.Payload} (the signed content,
 * canonical encoding = type tag + fields), a {@link io.carbonx.chain.core.pbft.message.SignedMessage}
 * (payload + author + signature over domain ‖ chain id ‖ payload), and the certificates built from
 * them: prepared certificates, checkpoint proofs and commit certificates. Decoders are strict: any
 * malformed input raises {@link io.carbonx.chain.core.DecodeException}, and whatever decodes
 * re-encodes to the same bytes.
 */
package io.carbonx.chain.core.pbft.message;
