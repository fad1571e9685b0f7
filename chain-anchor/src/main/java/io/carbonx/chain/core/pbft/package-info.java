/**
 * PBFT (Castro–Liskov) among the consortium's validators as a deterministic state machine,
 * {@link io.carbonx.chain.core.pbft.PbftReplica} (transition table in its Javadoc). Inputs are signed
 * messages and ticks with the logical time; outputs are {@link io.carbonx.chain.core.pbft.Action}s
 * (persist before send, commit block, send/broadcast, diagnostics). Signatures come through
 * {@link io.carbonx.chain.core.pbft.Signer} / {@link io.carbonx.chain.core.pbft.SignatureVerifier};
 * proposals are built and checked against the validator's own log through
 * {@link io.carbonx.chain.core.pbft.ProposalSource} / {@link io.carbonx.chain.core.pbft.ProposalValidator}
 * ({@link io.carbonx.chain.core.pbft.LogProposals} over a {@code LocalLog}). Quorum certificates are
 * checked by {@link io.carbonx.chain.core.pbft.CertificateVerifier}, usable on its own.
 */
package io.carbonx.chain.core.pbft;
