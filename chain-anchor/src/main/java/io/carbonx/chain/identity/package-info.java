/**
 * Adapter: validators identified by registry-issued X.509 certificates.
 * {@link io.carbonx.chain.identity.ValidatorEnrolment} issues missing validator identities at first start through
 * the registry's consortium CA ({@code IdentityService}: CSR with the validator's role, approved by the CA's
 * bootstrap regulator) and loads them; {@link io.carbonx.chain.identity.ValidatorRoster} checks every validator
 * certificate with the registry's {@code CertificateValidator} and builds the PBFT validator set from their
 * public keys (Ed25519 or ECDSA P-256).
 */
package io.carbonx.chain.identity;
