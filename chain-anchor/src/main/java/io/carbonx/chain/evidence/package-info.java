/**
 * Court-ready evidence bundles (format in {@code chain-anchor/docs/evidence-bundle.md}).
 *
 * <ul>
 *   <li>{@link io.carbonx.chain.evidence.EvidenceSource}: what the anchoring runtime provides (events by subject,
 *       anchoring and proofs, headers and commit certificates, certificates, time-stamp tokens);
 *       {@link io.carbonx.chain.evidence.InMemoryEvidenceSource} builds one from real objects.</li>
 *   <li>{@link io.carbonx.chain.evidence.BundleBuilder}: one canonical ZIP ({@link io.carbonx.chain.evidence.StoredZip})
 *       per {@link io.carbonx.chain.evidence.EvidenceSubject}, with its {@code REPORT.md} and {@code SHA256SUMS}.</li>
 *   <li>{@link io.carbonx.chain.evidence.EvidenceVerifier}: offline verification from the bundle and the root
 *       certificate alone, every check listed in a {@link io.carbonx.chain.evidence.VerificationReport}.</li>
 *   <li>{@link io.carbonx.chain.evidence.EvidenceService} and {@link io.carbonx.chain.evidence.EvidenceAccessPolicy}:
 *       the API the REST layer calls; COURT, ARBITRATOR and REGULATOR only.</li>
 * </ul>
 * An adapter package (BouncyCastle, the registry's certificate checks), not a core.
 */
package io.carbonx.chain.evidence;
