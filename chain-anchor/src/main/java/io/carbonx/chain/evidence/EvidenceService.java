package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Sha256;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The evidence API for the REST layer: access policy ({@link EvidenceAccessPolicy}: COURT, ARBITRATOR, REGULATOR
 * only), bundle building, and a server-side verification of the bundle before it is handed out, so the console can
 * show "verified" (or what failed) next to the download. Every request, granted or refused, is reported to the
 * audit sink first. Thread-safe if the source is.
 */
public final class EvidenceService {

    private final BundleBuilder builder;
    private final EvidenceSource source;
    private final EvidenceVerifier verifier = new EvidenceVerifier();
    private final Consumer<AccessRecord> audit;

    /**
     * Who asked for what, and the decision.
     *
     * @param caller  the caller, or null if unauthenticated
     * @param subject the requested subject
     * @param granted the decision
     * @param reason  the policy's reason
     */
    public record AccessRecord(Caller caller, EvidenceSubject subject, boolean granted, String reason) {
    }

    /**
     * A bundle as handed out.
     *
     * @param subject      what it is about
     * @param fileName     a download name, e.g. {@code carbonx-evidence-trade-T-1.zip}
     * @param zip          the bundle
     * @param sha256       SHA-256 of the bundle, lower-case hex
     * @param verification the server's own verification of it (against the consortium root)
     */
    public record RetrievedBundle(EvidenceSubject subject, String fileName, byte[] zip, String sha256,
                                  VerificationReport verification) {
    }

    /** A service over {@code source}, reporting every access decision to {@code audit}. */
    public EvidenceService(EvidenceSource source, Consumer<AccessRecord> audit) {
        this.source = Objects.requireNonNull(source, "source");
        this.builder = new BundleBuilder(source);
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Builds, verifies and returns the bundle for {@code subject} if {@code caller} may have it.
     *
     * @throws EvidenceAccessDeniedException the policy refuses the caller (nothing is built)
     * @throws EvidenceException             the bundle cannot be built (unknown subject, not yet anchored, ...)
     */
    public RetrievedBundle retrieve(Caller caller, EvidenceSubject subject)
            throws EvidenceAccessDeniedException, EvidenceException {
        Objects.requireNonNull(subject, "subject");
        EvidenceAccessPolicy.Decision decision = EvidenceAccessPolicy.decide(caller, subject);
        audit.accept(new AccessRecord(caller, subject, decision.granted(), decision.reason()));
        if (!decision.granted()) {
            throw new EvidenceAccessDeniedException(decision.reason());
        }
        byte[] zip = builder.build(subject);
        VerificationReport report = verifier.verify(zip, source.certificates().root());
        return new RetrievedBundle(subject, fileName(subject), zip, Sha256.hash(zip).hex(), report);
    }

    /** {@code carbonx-evidence-<kind>-<id>.zip} with characters outside {@code [A-Za-z0-9._-]} replaced by '_'. */
    static String fileName(EvidenceSubject subject) {
        return "carbonx-evidence-" + subject.kind().word() + "-" + subject.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }
}
