package io.carbonx.chain.timestamp;

import static io.carbonx.chain.testing.TestPki.T1;
import static io.carbonx.chain.testing.TestPki.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.testing.Processes;
import io.carbonx.chain.testing.TestPki;
import io.carbonx.chain.testing.TestPki.Participant;
import io.carbonx.events.BlockTimestamped;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.ValidationStatus;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.schemas.EventCodec;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consortium TSA issues RFC 3161 tokens that the verifier, and OpenSSL, accept for exactly the stamped hash. */
class TimestampAuthorityTest {

    @TempDir
    static Path caDir;

    static TestPki pki;
    static Participant court;
    static TimestampAuthority tsa;
    static final Instant STAMP_TIME = T2.plusMillis(123);
    static final Clock CLOCK = Clock.fixed(STAMP_TIME, ZoneOffset.UTC);

    @BeforeAll
    static void pki() {
        pki = TestPki.create(caDir, Duration.ofDays(365));
        court = pki.register("High Court of Carbon", Role.COURT, false, T1);
        tsa = pki.timestampAuthority(court, T1, new SecureRandom());
    }

    static byte[] hash(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void localClientGetsTokenThatVerifiesForTheStampedHash() throws Exception {
        byte[] blockHash = hash("block 7");
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(blockHash).toCompletableFuture().join();

        TimestampCheck check = new TimestampVerifier(pki.validator()).verifyResponse(stamp.responseDer(), blockHash, null);

        assertThat(check.status()).as(check.detail()).isEqualTo(TimestampStatus.VALID);
        assertThat(check.genTime()).isEqualTo(STAMP_TIME);
        assertThat(check.tsaParticipantId()).isEqualTo(court.id());
        assertThat(check.policyOid()).isEqualTo(TsaPolicy.CONSORTIUM_POLICY_OID);
        assertThat(stamp.genTime()).isEqualTo(STAMP_TIME);
        assertThat(new TimestampVerifier(pki.validator()).verifyToken(stamp.tokenDer(), blockHash,
                tsa.certificate()).status()).isEqualTo(TimestampStatus.VALID);
    }

    @Test
    void tokenOverAnotherHashIsRejectedAsImprintMismatch() throws Exception {
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(hash("block 7")).toCompletableFuture().join();

        TimestampCheck check = new TimestampVerifier(pki.validator())
                .verifyResponse(stamp.responseDer(), hash("block 8"), tsa.certificate());

        assertThat(check.status()).isEqualTo(TimestampStatus.IMPRINT_MISMATCH);
    }

    @Test
    void tsaCertificateFromAnotherConsortiumIsRejected(@TempDir Path otherDir) throws Exception {
        TestPki foreign = TestPki.create(otherDir, Duration.ofDays(365));
        Participant foreignCourt = foreign.register("Foreign Court", Role.COURT, false, T1);
        TimestampAuthority foreignTsa = foreign.timestampAuthority(foreignCourt, T1, new SecureRandom());
        byte[] h = hash("block 1");
        IssuedTimestamp stamp = new LocalTimestampClient(foreignTsa, CLOCK, new SecureRandom())
                .timestamp(h).toCompletableFuture().join();

        TimestampCheck check = new TimestampVerifier(pki.validator()).verifyResponse(stamp.responseDer(), h, null);

        assertThat(check.status()).isEqualTo(TimestampStatus.TSA_CERTIFICATE_INVALID);
        assertThat(check.certificateStatus()).isEqualTo(ValidationStatus.UNTRUSTED_CHAIN);
    }

    @Test
    void tokenMadeAfterTsaCertificateExpiredIsRejected() throws Exception {
        Instant late = tsa.certificate().getNotAfter().toInstant().plusSeconds(3600);
        byte[] h = hash("late block");
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, Clock.fixed(late, ZoneOffset.UTC), new SecureRandom())
                .timestamp(h).toCompletableFuture().join();

        TimestampCheck check = new TimestampVerifier(pki.validator()).verifyResponse(stamp.responseDer(), h, null);

        assertThat(check.status()).isEqualTo(TimestampStatus.TSA_CERTIFICATE_INVALID);
    }

    @Test
    void tokenCheckedAgainstAnotherCertificateIsACertificateMismatch() throws Exception {
        byte[] h = hash("block 9");
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(h).toCompletableFuture().join();
        TimestampAuthority second = pki.timestampAuthority(court, T1, new SecureRandom());

        TimestampCheck check = new TimestampVerifier(pki.validator())
                .verifyResponse(stamp.responseDer(), h, second.certificate());

        assertThat(check.status()).isEqualTo(TimestampStatus.CERTIFICATE_MISMATCH);
    }

    @Test
    void signerIdentifierReEncodedWithAnotherStringTypeIsACertificateMismatch() throws Exception {
        byte[] h = hash("block 10");
        byte[] der = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(h).toCompletableFuture().join().responseDer();
        // The SignerInfo's issuer name is the last "CarbonX Consortium" UTF8String (tag 0x0C) of the response:
        // the embedded TSA certificate comes before the SignerInfo. GeneralString (0x1B) has the same meaning to a
        // name comparison but is not the certificate's issuer encoding, and the signature does not cover it.
        byte[] text = "CarbonX Consortium".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i + 2 + text.length <= der.length; i++) {
            if (der[i] == 0x0C && der[i + 1] == text.length
                    && java.util.Arrays.equals(der, i + 2, i + 2 + text.length, text, 0, text.length)) {
                at = i;
            }
        }
        assertThat(at).isPositive();
        byte[] tampered = der.clone();
        tampered[at] = 0x1B;

        TimestampCheck check = new TimestampVerifier(pki.validator()).verifyResponse(tampered, h, tsa.certificate());

        assertThat(check.status()).as(check.detail()).isEqualTo(TimestampStatus.CERTIFICATE_MISMATCH);
        assertThat(new TimestampVerifier(pki.validator()).verifyResponse(der, h, tsa.certificate()).status())
                .isEqualTo(TimestampStatus.VALID);
    }

    @Test
    void garbageAndTruncatedResponsesAreMalformed() throws Exception {
        byte[] h = hash("block 9");
        byte[] good = new LocalTimestampClient(tsa, CLOCK, new SecureRandom()).timestamp(h)
                .toCompletableFuture().join().responseDer();
        TimestampVerifier verifier = new TimestampVerifier(pki.validator());

        assertThat(verifier.verifyResponse(new byte[] {0x30, 0x03, 1, 2, 3}, h, null).status())
                .isEqualTo(TimestampStatus.MALFORMED);
        assertThat(verifier.verifyResponse(java.util.Arrays.copyOf(good, good.length - 1), h, null).status())
                .isEqualTo(TimestampStatus.MALFORMED);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertThat(verifier.verifyResponse(trailing, h, null).status()).isEqualTo(TimestampStatus.MALFORMED);
    }

    @Test
    void tsaRefusesUnparsableRequestsOtherDigestsAndOtherPolicies() throws Exception {
        TimeStampResponse garbage = new TimeStampResponse(tsa.respond(new byte[] {1, 2, 3}, STAMP_TIME));
        assertThat(garbage.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(garbage.getFailInfo().intValue() & PKIFailureInfo.badDataFormat).isNotZero();

        TimeStampRequestGenerator sha1 = new TimeStampRequestGenerator();
        byte[] sha1Request = sha1.generate(TSPAlgorithms.SHA1, new byte[20], BigInteger.ONE).getEncoded();
        TimeStampResponse badAlg = new TimeStampResponse(tsa.respond(sha1Request, STAMP_TIME));
        assertThat(badAlg.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(badAlg.getFailInfo().intValue() & PKIFailureInfo.badAlg).isNotZero();

        TimeStampRequestGenerator otherPolicy = new TimeStampRequestGenerator();
        otherPolicy.setReqPolicy(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"));
        byte[] policyRequest = otherPolicy.generate(TSPAlgorithms.SHA256, hash("x"), BigInteger.TWO).getEncoded();
        TimeStampResponse unaccepted = new TimeStampResponse(tsa.respond(policyRequest, STAMP_TIME));
        assertThat(unaccepted.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(unaccepted.getFailInfo().intValue() & PKIFailureInfo.unacceptedPolicy).isNotZero();
    }

    @Test
    void grantedResponseAfterARejectionCarriesNoFailureInfo() throws Exception {
        tsa.respond(new byte[] {9, 9, 9}, STAMP_TIME);
        byte[] h = hash("after rejection");
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(h).toCompletableFuture().join();

        TimeStampResponse response = new TimeStampResponse(stamp.responseDer());
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(response.getFailInfo()).isNull();
        assertThat(response.getStatusString()).isNull();
        assertThat(new TimestampVerifier(pki.validator()).verifyResponse(stamp.responseDer(), h, null).status())
                .isEqualTo(TimestampStatus.VALID);
    }

    @Test
    void clientRefusesNon32ByteDigests() {
        assertThatThrownBy(() -> new LocalTimestampClient(tsa, CLOCK, new SecureRandom()).timestamp(new byte[31])
                .toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimestampException.class)
                .satisfies(e -> assertThat(((TimestampException) e.getCause()).reason())
                        .isEqualTo(TimestampFailure.BAD_DIGEST));
    }

    @Test
    void serialNumbersDifferBetweenTokens() throws Exception {
        LocalTimestampClient client = new LocalTimestampClient(tsa, CLOCK, new SecureRandom());
        byte[] h = hash("same block");
        BigInteger a = client.timestamp(h).toCompletableFuture().join().serial();
        BigInteger b = client.timestamp(h).toCompletableFuture().join().serial();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void grantedTokenBecomesABlockTimestampedEventThatRoundTrips() throws Exception {
        byte[] h = hash("block 12");
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(h).toCompletableFuture().join();

        BlockTimestamped event = BlockTimestamps.toEvent("cx-test", 12, h, stamp, "ts-12", "bc-12",
                STAMP_TIME.toEpochMilli(), "chain-anchor");
        BlockTimestamped decoded = EventCodec.standard().decode(EventCodec.standard().encode(event),
                BlockTimestamped.class);

        assertThat(decoded.getTsaId()).isEqualTo(court.id());
        assertThat(decoded.getGenTimeMs()).isEqualTo(STAMP_TIME.toEpochMilli());
        byte[] token = new byte[decoded.getTimestampToken().remaining()];
        decoded.getTimestampToken().get(token);
        assertThat(new TimestampVerifier(pki.validator()).verifyToken(token, h, null).status())
                .isEqualTo(TimestampStatus.VALID);
    }

    @Test
    void opensslTsVerifyAcceptsTheResponseForTheStampedDigestOnly(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Processes.available("openssl", "version"), "openssl not on PATH");
        byte[] h = hash("block 3");
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, CLOCK, new SecureRandom())
                .timestamp(h).toCompletableFuture().join();
        Files.write(work.resolve("token.tsr"), stamp.responseDer());
        Files.writeString(work.resolve("root.pem"), Certificates.pem(pki.root()));
        Files.writeString(work.resolve("chain.pem"), Certificates.pem(tsa.certificate()) + Certificates.pem(pki.issuing()));
        String at = Long.toString(STAMP_TIME.getEpochSecond());

        Processes.Result ok = Processes.openssl(work, "ts", "-verify", "-digest", java.util.HexFormat.of().formatHex(h),
                "-in", "token.tsr", "-CAfile", "root.pem", "-untrusted", "chain.pem", "-attime", at);
        Processes.Result wrong = Processes.openssl(work, "ts", "-verify", "-digest",
                java.util.HexFormat.of().formatHex(hash("block 4")), "-in", "token.tsr", "-CAfile", "root.pem",
                "-untrusted", "chain.pem", "-attime", at);

        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Verification: OK");
        assertThat(wrong.exit()).as(wrong.output()).isNotZero();
    }
}
