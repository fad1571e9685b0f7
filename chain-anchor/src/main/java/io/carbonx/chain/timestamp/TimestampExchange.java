package io.carbonx.chain.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * One request/response exchange with a TSA, client side: builds the {@code TimeStampReq} for a SHA-256 digest
 * (64-bit random nonce, {@code certReq = true}, optional policy) and checks the answer against it.
 *
 * <p>{@link #accept} checks the response's form and that it answers this request (status granted, imprint, nonce,
 * policy, certificate present); it does not judge the TSA's certificate: that is
 * {@link TimestampVerifier}'s job, done again by whoever relies on the token.
 */
public final class TimestampExchange {

    /** Length of a SHA-256 digest. */
    public static final int DIGEST_LENGTH = 32;

    private final TimeStampRequest request;

    private TimestampExchange(TimeStampRequest request) {
        this.request = request;
    }

    /**
     * Starts an exchange for {@code sha256} (a block hash).
     *
     * @param policyOid the policy to ask for, or {@code null} to accept the TSA's default
     * @throws TimestampException BAD_DIGEST if {@code sha256} is not 32 bytes
     */
    public static TimestampExchange forDigest(byte[] sha256, String policyOid, SecureRandom random) {
        if (sha256 == null || sha256.length != DIGEST_LENGTH) {
            throw new TimestampException(TimestampFailure.BAD_DIGEST,
                    "expected a 32-byte SHA-256 digest, got " + (sha256 == null ? "null" : sha256.length + " bytes"));
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (policyOid != null) {
            generator.setReqPolicy(new ASN1ObjectIdentifier(policyOid));
        }
        BigInteger nonce = new BigInteger(64, random);
        return new TimestampExchange(generator.generate(TSPAlgorithms.SHA256, sha256.clone(), nonce));
    }

    /** The DER {@code TimeStampReq} to send. */
    public byte[] requestDer() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a generated request does not encode", e);
        }
    }

    /** The request's nonce. */
    public BigInteger nonce() {
        return request.getNonce();
    }

    /**
     * Checks a response to this request.
     *
     * @param tsaName recorded in the result as the issuer's name
     * @throws TimestampException MALFORMED_RESPONSE, REJECTED or RESPONSE_MISMATCH
     */
    public IssuedTimestamp accept(byte[] responseDer, String tsaName) {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(responseDer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException(TimestampFailure.MALFORMED_RESPONSE, "not a TimeStampResp: " + e.getMessage(), e);
        }
        if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
            throw new TimestampException(TimestampFailure.REJECTED, "status " + response.getStatus()
                    + ", failInfo " + (response.getFailInfo() == null ? "-" : response.getFailInfo().intValue())
                    + ", text " + response.getStatusString());
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampException(TimestampFailure.MALFORMED_RESPONSE, "granted response without a token");
        }
        try {
            response.validate(request);
        } catch (TSPException | RuntimeException e) {
            throw new TimestampException(TimestampFailure.RESPONSE_MISMATCH, e.getMessage(), e);
        }
        if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), request.getMessageImprintDigest())) {
            throw new TimestampException(TimestampFailure.RESPONSE_MISMATCH, "imprint differs");
        }
        try {
            return new IssuedTimestamp(response.getEncoded(ASN1Encoding.DER), token.getEncoded(ASN1Encoding.DER),
                    token.getTimeStampInfo().getGenTime().toInstant(), token.getTimeStampInfo().getSerialNumber(),
                    tsaName);
        } catch (IOException e) {
            throw new TimestampException(TimestampFailure.MALFORMED_RESPONSE, "token does not re-encode", e);
        }
    }
}
