/**
 * Command line: {@link io.carbonx.chain.evidence.cli.EvidenceVerifyCommand}, {@code carbonx evidence verify <bundle>
 * --root root.pem} (picocli; exit 0 valid, 3 invalid, 2 usage).
 */
package io.carbonx.chain.evidence.cli;
