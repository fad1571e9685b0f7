package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.schemas.EventCodec;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The project's own offline verifier of evidence bundles: needs only the bundle and the consortium root certificate
 * the user trusts; no network, no clock (every certificate is judged at the time of what it signed).
 *
 * <p>Checks, in order, cheap ones first (names and reason codes in {@link VerificationFailure}):
 * <ol>
 *   <li>container: a canonical ZIP ({@link StoredZip}) — else nothing else runs;</li>
 *   <li>format: every member expected, referenced and canonical ({@link BundleParser}) — else nothing else runs;</li>
 *   <li>{@code SHA256SUMS} lists exactly the other members with their SHA-256;</li>
 *   <li>{@code REPORT.md} is the report of these contents;</li>
 *   <li>each schema file is the contract's writer schema for its fingerprint;</li>
 *   <li>each header's chain id and height, and the previous-hash links;</li>
 *   <li>each event's inclusion proof against its block's Merkle root and tree size;</li>
 *   <li>the subject of {@code BUNDLE.txt} is what the events are about;</li>
 *   <li>the bundle's root is the trusted root; the issuing CA is signed by it; the CRL by the issuing CA — else
 *       the certificate-dependent checks below do not run;</li>
 *   <li>the time-stamps and that each event is covered by one ({@link StampVerification});</li>
 *   <li>the validator set and the commit certificates ({@link ChainVerification});</li>
 *   <li>the signed requests ({@link EventVerification}).</li>
 * </ol>
 * The bundle is valid iff every check passes. Thread-safe (no shared mutable state).
 *
 * <p>The signature checks (commit signatures, signed requests, time-stamp tokens) are independent pure functions
 * of the bundle's bytes; in a full verification they are started ahead on the machine's other cores
 * ({@link RunAhead}: the signatures right after parsing, the time-stamp tokens once the trust is established) and
 * their results taken, and recorded, at their place in the order above: the report is the one a sequential run
 * gives. Nothing is remembered across calls but the trust cache below.
 */
public final class EvidenceVerifier {

    /** Start of the detail of a check failed by the safety net (an input no check anticipated). */
    public static final String UNEXPECTED = "unexpected error while checking: ";
    private static final int TRUST_CACHE_SIZE = 8;

    private final EventCodec codec;
    private final boolean concurrent;
    /**
     * Certificate validators already built from exactly these (root, issuing CA, CRL) bytes: building one checks the
     * issuing CA's and the CRL's signatures, a pure function of those bytes, so a verifier that sees bundles of the
     * same consortium does it once. Every bundle-specific certificate and signature is checked on every call.
     */
    private final Map<Digest, CertificateValidator> trustCache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Digest, CertificateValidator> eldest) {
            return size() > TRUST_CACHE_SIZE;
        }
    };

    /** A verifier that knows the current event contract. */
    public EvidenceVerifier() {
        this(EventCodec.standard());
    }

    /** A verifier that also knows earlier schemas ({@link EventCodec#withEarlierSchemas}). */
    public EvidenceVerifier(EventCodec codec) {
        this(codec, true);
    }

    /**
     * @param codec     the event contract
     * @param concurrent whether a full verification runs its signature checks ahead on the other cores
     *                  ({@link RunAhead}: a process-wide pool of at most 3 daemon threads; same report); false:
     *                  everything on the calling thread
     */
    public EvidenceVerifier(EventCodec codec, boolean concurrent) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.concurrent = concurrent;
    }

    /** Verifies {@code bundle} against {@code trustedRoot}, running every check that can run. */
    public VerificationReport verify(byte[] bundle, X509Certificate trustedRoot) {
        return verify(bundle, trustedRoot, false);
    }

    /**
     * Verifies {@code bundle}; with {@code stopAtFirstFailure} the report ends at the first failed check (same
     * verdict, less work: for bulk rejection of tampered copies).
     */
    public VerificationReport verify(byte[] bundle, X509Certificate trustedRoot, boolean stopAtFirstFailure) {
        Objects.requireNonNull(trustedRoot, "trustedRoot");
        Checks checks = new Checks(stopAtFirstFailure);
        BundleContents contents = null;
        try {
            SortedMap<String, byte[]> members;
            try {
                members = StoredZip.read(bundle);
            } catch (StoredZip.FormatException e) {
                checks.fail("container", VerificationFailure.NOT_A_BUNDLE, e.getMessage());
                return report(checks, null);
            }
            checks.pass("container", "canonical ZIP archive, " + members.size() + " members, SHA-256 "
                    + Sha256.hash(bundle).hex());
            try {
                contents = BundleParser.parse(members, codec);
            } catch (BundleFormatException e) {
                checks.fail("format", VerificationFailure.BAD_FORMAT, e.getMessage());
                return report(checks, null);
            }
            checks.pass("format", "every member expected, referenced and canonical");
            RunAhead ahead = concurrent && !stopAtFirstFailure ? RunAhead.onPool() : RunAhead.inline();
            BundleContents parsed = contents;
            RunAhead.Pending<byte[]> rendered = ahead.submit(() -> ReportRenderer.render(parsed));
            VerificationContext ctx = new VerificationContext(contents, checks, ahead);
            EventVerification events = new EventVerification(ctx, codec);
            ChainVerification chain = new ChainVerification(ctx);
            chain.startSignatures();
            events.startSignatures();
            checks.check(Arrays.equals(Checksums.render(members), members.get(BundlePaths.SUMS)), "checksums",
                    VerificationFailure.CHECKSUMS_MISMATCH, "SHA256SUMS lists the " + (members.size() - 1)
                            + " other members", "SHA256SUMS does not match the members");
            checks.check(Arrays.equals(rendered.get(), members.get(BundlePaths.REPORT)), "report",
                    VerificationFailure.REPORT_MISMATCH, "REPORT.md describes exactly these contents",
                    "REPORT.md is not the report of these contents");
            events.schemas();
            chain.headers();
            events.inclusions();
            subject(contents, checks);
            CertificateValidator trust = trust(contents, trustedRoot, checks);
            if (trust != null) {
                ctx.trust(trust);
                new StampVerification(ctx).run();
                chain.certificates();
                events.requests();
            }
        } catch (Checks.Stop stop) {
            // stop-at-first-failure: the failure is recorded
        } catch (RuntimeException e) {
            // A safety net: malformed input no decoder above anticipated. Never expected (the tamper tests check it).
            checks.list().add(new Check("unexpected input", false, VerificationFailure.BAD_FORMAT,
                    UNEXPECTED + e));
        }
        return report(checks, contents);
    }

    private CertificateValidator trust(BundleContents c, X509Certificate trustedRoot, Checks checks) {
        if (!checks.check(Arrays.equals(der(c.root()), der(trustedRoot)), "root certificate",
                VerificationFailure.ROOT_MISMATCH, "the bundle's root is the trusted root "
                        + trustedRoot.getSubjectX500Principal().getName(),
                "the bundle's root " + c.root().getSubjectX500Principal().getName() + " is not the trusted root")) {
            return null;
        }
        Digest key = Sha256.hash(der(trustedRoot), der(c.issuing()), crlDer(c));
        CertificateValidator validator;
        synchronized (trustCache) {
            validator = trustCache.get(key);
        }
        if (validator == null) {
            try {
                validator = CertificateValidator.create(trustedRoot, List.of(c.issuing()));
            } catch (IllegalArgumentException e) {
                checks.fail("issuing CA", VerificationFailure.UNTRUSTED_ISSUING_CA, e.getMessage());
                return null;
            }
            checks.pass("issuing CA", c.issuing().getSubjectX500Principal().getName() + " is signed by the root");
            try {
                validator.updateCrl(crlDer(c));
            } catch (IllegalArgumentException e) {
                checks.fail("CRL", VerificationFailure.BAD_CRL, e.getMessage());
                return null;
            }
            synchronized (trustCache) {
                trustCache.put(key, validator);
            }
        } else {
            checks.pass("issuing CA", c.issuing().getSubjectX500Principal().getName() + " is signed by the root");
        }
        checks.pass("CRL", "signed by the issuing CA, issued " + c.crl().getThisUpdate().toInstant() + ", "
                + (c.crl().getRevokedCertificates() == null ? 0 : c.crl().getRevokedCertificates().size())
                + " revoked certificates");
        return validator;
    }

    private static byte[] crlDer(BundleContents c) {
        try {
            return c.crl().getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("a parsed CRL does not re-encode", e);
        }
    }

    private static void subject(BundleContents c, Checks checks) {
        BundleInfo info = c.info();
        boolean ok = info.kind() == EvidenceKind.PARTICIPANT
                ? c.events().stream().allMatch(e -> EventFacts.involves(e.record(), info.subjectId()))
                : c.events().stream().anyMatch(e -> EventFacts.mentions(e.record(), info.kind(), info.subjectId()));
        checks.check(ok, "subject", VerificationFailure.SUBJECT_NOT_EVIDENCED,
                info.kind() == EvidenceKind.PARTICIPANT ? "every event involves participant " + info.subjectId()
                        : "the events include the " + info.kind().word() + " " + info.subjectId(),
                info.kind() == EvidenceKind.PARTICIPANT ? "an event does not involve participant " + info.subjectId()
                        : "no event is about " + info.kind().word() + " " + info.subjectId());
    }

    private static VerificationReport report(Checks checks, BundleContents c) {
        return new VerificationReport(checks.list(), c == null ? null : c.info().kind().word() + " " + c.info().subjectId(),
                c == null ? 0 : c.events().size(), c == null ? -1 : c.latestHeight());
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate does not re-encode", e);
        }
    }
}
