package io.carbonx.exchange.gateway;

import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.registry.directory.Participant;
import io.carbonx.registry.directory.ParticipantDirectory;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who signed a request, checked in order: a signature is present (UNSIGNED); the signer is the authenticated
 * caller (SIGNER_NOT_CALLER); the serial
 * names the signer's current certificate in the participant directory (CERTIFICATE_NOT_CURRENT); the certificate
 * is valid now for the ENTERPRISE role by the directory's {@code CertificateValidator} — chain to the consortium
 * root, validity, revocation (CERTIFICATE_*, ROLE_NOT_ENTERPRISE); the signature verifies over the exact request
 * bytes with the certificate's key (BAD_SIGNATURE). Thread-safe.
 *
 * <p>The directory answers the certificate check from its verdict cache while it holds (see
 * {@link ParticipantDirectory}); a revocation takes effect on the very next request.
 */
final class SignerCheck {

    private final ParticipantDirectory directory;
    private final Map<String, SignatureVerifier> verifiers = new ConcurrentHashMap<>();

    SignerCheck(ParticipantDirectory directory) {
        this.directory = directory;
    }

    /** Returns the signature to keep with the event; throws the first failed check. */
    RequestSignature check(String callerId, String signerId, SignedBody body, Instant now) throws Refusal {
        if (body.signature().length == 0) {
            throw new Refusal(GatewayReason.UNSIGNED, "the signature is empty");
        }
        if (!callerId.equals(signerId)) {
            throw new Refusal(GatewayReason.SIGNER_NOT_CALLER, "the request is signed for " + signerId
                    + ", the caller is " + callerId);
        }
        Participant p = directory.participant(signerId).orElseThrow(() ->
                new Refusal(GatewayReason.CERTIFICATE_NOT_CURRENT, "no certificate known for " + signerId));
        if (!p.certificateSerial().equals(body.certificateSerial())) {
            throw new Refusal(GatewayReason.CERTIFICATE_NOT_CURRENT, "certificate " + body.certificateSerial()
                    + " is not the current certificate of " + signerId);
        }
        validate(p, now);
        SignatureVerifier verifier = verifiers.computeIfAbsent(p.certificateSerial(),
                serial -> SignatureVerifier.forCertificate(parse(p.certificateDer())));
        if (!verifier.verify(body.requestBytes(), body.signature())) {
            throw new Refusal(GatewayReason.BAD_SIGNATURE, "the signature does not verify with certificate "
                    + p.certificateSerial() + " (" + verifier.keyKind().signatureAlgorithm() + ")");
        }
        return RequestSignature.newBuilder().setSignerId(signerId).setCertificateSerial(p.certificateSerial())
                .setAlgorithm(verifier.keyKind().signatureAlgorithm())
                .setValue(ByteBuffer.wrap(body.signature().clone())).build();
    }

    private void validate(Participant p, Instant now) throws Refusal {
        ValidationResult v = directory.validate(p.participantId(), EnumSet.of(Role.ENTERPRISE), now);
        if (!v.isValid()) {
            throw new Refusal(reason(v), v.status() + ": " + v.detail());
        }
    }

    private static GatewayReason reason(ValidationResult v) {
        return switch (v.status()) {
            case REVOKED -> GatewayReason.CERTIFICATE_REVOKED;
            case EXPIRED -> GatewayReason.CERTIFICATE_EXPIRED;
            case NOT_YET_VALID -> GatewayReason.CERTIFICATE_NOT_YET_VALID;
            case WRONG_ROLE -> GatewayReason.ROLE_NOT_ENTERPRISE;
            default -> GatewayReason.CERTIFICATE_UNTRUSTED;
        };
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("the directory holds an unreadable certificate", e);
        }
    }
}
