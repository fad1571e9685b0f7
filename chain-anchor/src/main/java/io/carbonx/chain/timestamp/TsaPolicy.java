package io.carbonx.chain.timestamp;

import io.carbonx.registry.identity.CertificateProfile;
import java.util.Objects;

/**
 * The consortium TSA's published policy parameters.
 *
 * @param policyOid      the TSA policy OID put in every token ({@code TSTInfo.policy}); requests naming another
 *                       policy are rejected with {@code unacceptedPolicy}
 * @param accuracyMillis the accuracy claimed for genTime, 1..999 ms
 */
public record TsaPolicy(String policyOid, int accuracyMillis) {

    /** The CarbonX consortium TSA policy, version 1: {@code <CarbonX arc>.3.1}. */
    public static final String CONSORTIUM_POLICY_OID = CertificateProfile.ARC + ".3.1";

    /** Validates the fields. */
    public TsaPolicy {
        Objects.requireNonNull(policyOid, "policyOid");
        if (!policyOid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
            throw new IllegalArgumentException("not an OID: " + policyOid);
        }
        if (accuracyMillis < 1 || accuracyMillis > 999) {
            throw new IllegalArgumentException("accuracyMillis must be 1..999, got " + accuracyMillis);
        }
    }

    /** The consortium policy with a claimed accuracy of 100 ms. */
    public static TsaPolicy consortiumDefault() {
        return new TsaPolicy(CONSORTIUM_POLICY_OID, 100);
    }
}
