package io.carbonx.chain.timestamp;

import io.carbonx.registry.identity.ValidationStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link TimestampVerifier} concluded about one time-stamp.
 *
 * @param status            VALID or the reason
 * @param detail            human-readable explanation
 * @param genTime           the token's genTime when the token could be read, else null
 * @param serial            the token's serial number when readable, else null
 * @param policyOid         the token's policy when readable, else null
 * @param tsaParticipantId  the participant the TSA certificate names, when it validated, else null
 * @param certificateStatus the TSA certificate's validation status when it was checked, else null
 */
public record TimestampCheck(TimestampStatus status, String detail, Instant genTime, BigInteger serial,
                             String policyOid, String tsaParticipantId, ValidationStatus certificateStatus) {

    /** Requires status and detail. */
    public TimestampCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** True for {@link TimestampStatus#VALID}. */
    public boolean isValid() {
        return status == TimestampStatus.VALID;
    }

    static TimestampCheck failure(TimestampStatus status, String detail) {
        return new TimestampCheck(status, detail, null, null, null, null, null);
    }
}
