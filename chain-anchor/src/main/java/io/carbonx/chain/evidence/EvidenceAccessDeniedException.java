package io.carbonx.chain.evidence;

/** The caller may not retrieve evidence ({@link EvidenceAccessPolicy}); nothing was built. Maps to HTTP 403. */
public final class EvidenceAccessDeniedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with the policy's reason. */
    public EvidenceAccessDeniedException(String reason) {
        super(reason);
    }
}
