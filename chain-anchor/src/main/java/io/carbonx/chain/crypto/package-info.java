/**
 * Adapter: real signatures for the PBFT core's {@link io.carbonx.chain.core.pbft.Signer} and
 * {@link io.carbonx.chain.core.pbft.SignatureVerifier}, Ed25519 through BouncyCastle.
 */
package io.carbonx.chain.crypto;
