/**
 * Consortium identity: the CA's decisions, the registry state they build, and the certificate checks every
 * other service uses.
 *
 * <ul>
 *   <li>{@link io.carbonx.registry.identity.IdentityService} — opens or creates the CA data directory, decides
 *       on registrations, approvals, rejections and revocations (returning event records), applies records.</li>
 *   <li>{@link io.carbonx.registry.identity.IdentityRegistry} — the state as a deterministic fold of
 *       {@link io.carbonx.registry.identity.IdentityRecord}s, with {@code stateHash()}.</li>
 *   <li>{@link io.carbonx.registry.identity.CertificateValidator} — THE certificate check: PKIX path to the
 *       root, validity at a given time, revocation, participant profile and role.</li>
 *   <li>{@link io.carbonx.registry.identity.SignatureVerifier} / {@link io.carbonx.registry.identity.ParticipantSigner}
 *       — signatures over bytes with participant keys (ECDSA P-256/P-384, Ed25519, RSA), BouncyCastle
 *       lightweight API.</li>
 *   <li>{@link io.carbonx.registry.identity.CertificateProfile} — the certificate profile and its OIDs.</li>
 * </ul>
 * BouncyCastle is used here and in {@code pki}; this package is an adapter, never a {@code core}.
 */
package io.carbonx.registry.identity;
