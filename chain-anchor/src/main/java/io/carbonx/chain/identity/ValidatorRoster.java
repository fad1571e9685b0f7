package io.carbonx.chain.identity;

import io.carbonx.chain.core.pbft.SignatureVerifier;
import io.carbonx.chain.core.pbft.ValidatorSet;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.ValidationResult;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consortium's validators as registry-issued certificates: validator {@code i} is the {@code i}-th
 * certificate, which must be valid ({@link CertificateValidator}: path to the consortium root, validity,
 * revocation, participant profile) and carry the {@code i}-th configured role. The PBFT
 * {@link ValidatorSet} holds each certificate's DER SubjectPublicKeyInfo, so Ed25519 and ECDSA P-256 keys
 * are both supported; {@link #signatureVerifier()} verifies with them.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidatorRoster {

    /** The roles a validator may hold. */
    public static final Set<Role> VALIDATOR_ROLES =
            EnumSet.of(Role.EXCHANGE, Role.REGULATOR, Role.COURT, Role.ARBITRATOR);
    /** The default consortium: exchange, regulator, court, arbitration (n = 4, f = 1). */
    public static final List<Role> DEFAULT_ROLES = List.of(Role.EXCHANGE, Role.REGULATOR, Role.COURT, Role.ARBITRATOR);

    /**
     * One validator.
     *
     * @param id its index in the validator set
     * @param participantId the participant id its certificate names
     * @param role its role
     * @param certificate its certificate
     * @param publicKey DER SubjectPublicKeyInfo (what the validator set holds)
     * @param serialHex certificate serial, lower-case hex
     * @param algorithm JCA signature algorithm of its votes
     */
    public record Member(int id, String participantId, Role role, X509Certificate certificate, byte[] publicKey,
                         String serialHex, String algorithm) {
    }

    private final List<Member> members;
    private final List<byte[]> encodedCertificates;
    private final CertificateValidator validator;
    private final ValidatorSet validatorSet;
    private final Map<ByteBuffer, io.carbonx.registry.identity.SignatureVerifier> verifiers = new ConcurrentHashMap<>();

    private ValidatorRoster(List<Member> members, CertificateValidator validator) {
        this.members = List.copyOf(members);
        this.validator = validator;
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> ders = new ArrayList<>();
        for (Member m : members) {
            keys.add(m.publicKey());
            ders.add(der(m.certificate()));
        }
        this.validatorSet = new ValidatorSet(keys);
        this.encodedCertificates = List.copyOf(ders);
    }

    /**
     * Builds the roster after checking every certificate at {@code now}.
     *
     * @param certificates validator {@code i}'s certificate at index {@code i}
     * @param roles validator {@code i}'s required role at index {@code i}
     * @throws RosterException naming the first validator whose certificate is not acceptable, a role mismatch,
     *     a duplicate participant or an unsupported key
     */
    public static ValidatorRoster verified(List<X509Certificate> certificates, List<Role> roles,
                                           CertificateValidator validator, Instant now) throws RosterException {
        if (certificates.size() != roles.size() || certificates.isEmpty()) {
            throw new RosterException(certificates.size() + " validator certificates for " + roles.size() + " roles");
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate cert = certificates.get(i);
            Role role = roles.get(i);
            if (!VALIDATOR_ROLES.contains(role)) {
                throw new RosterException("validator " + i + ": role " + role + " may not validate (allowed "
                        + VALIDATOR_ROLES + ")");
            }
            ValidationResult result = validator.validate(cert, role, now);
            if (!result.isValid()) {
                throw new RosterException("validator " + i + " certificate rejected: " + result.status() + " ("
                        + result.detail() + ")");
            }
            for (Member m : members) {
                if (m.participantId().equals(result.participantId())) {
                    throw new RosterException("validators " + m.id() + " and " + i + " are the same participant "
                            + m.participantId());
                }
            }
            String algorithm;
            try {
                algorithm = io.carbonx.registry.identity.SignatureVerifier.forCertificate(cert).keyKind()
                        .signatureAlgorithm();
            } catch (IllegalArgumentException e) {
                throw new RosterException("validator " + i + ": unsupported key: " + e.getMessage(), e);
            }
            if (!algorithm.equals("Ed25519") && !algorithm.equals("SHA256withECDSA")) {
                throw new RosterException("validator " + i + ": votes need Ed25519 or ECDSA P-256 keys, not "
                        + algorithm);
            }
            members.add(new Member(i, result.participantId(), role, cert, cert.getPublicKey().getEncoded(),
                    cert.getSerialNumber().toString(16), algorithm));
        }
        return new ValidatorRoster(members, validator);
    }

    /** n. */
    public int size() {
        return members.size();
    }

    /** The members in id order. */
    public List<Member> members() {
        return members;
    }

    /** Validator {@code id}. */
    public Member member(int id) {
        return members.get(id);
    }

    /** The PBFT validator set (DER SubjectPublicKeyInfo per validator). */
    public ValidatorSet validatorSet() {
        return validatorSet;
    }

    /** The certificate check the roster was built with. */
    public CertificateValidator certificateValidator() {
        return validator;
    }

    /** The validator whose certificate is exactly {@code cert} (DER-equal), if any. */
    public OptionalInt idOf(X509Certificate cert) {
        byte[] der = der(cert);
        for (int i = 0; i < encodedCertificates.size(); i++) {
            if (Arrays.equals(encodedCertificates.get(i), der)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The validator with participant id {@code participantId}, if any. */
    public OptionalInt idOfParticipant(String participantId) {
        for (Member m : members) {
            if (m.participantId().equals(participantId)) {
                return OptionalInt.of(m.id());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The validator {@code cert} identifies at {@code now}: it must be one of the roster's certificates and
     * still valid (not expired, not revoked).
     *
     * @throws RosterException why it is not a validator
     */
    public int authenticate(X509Certificate cert, Instant now) throws RosterException {
        OptionalInt id = idOf(cert);
        if (id.isEmpty()) {
            throw new RosterException("certificate of " + cert.getSubjectX500Principal() + " is not a validator's");
        }
        Member m = members.get(id.getAsInt());
        ValidationResult r = validator.validate(cert, m.role(), now);
        if (!r.isValid()) {
            throw new RosterException("validator " + m.id() + " certificate rejected: " + r.status());
        }
        return m.id();
    }

    /**
     * Verifies vote signatures against the validator set's keys (DER SubjectPublicKeyInfo), Ed25519 or ECDSA,
     * with BouncyCastle; false for any malformed key or signature. Thread-safe.
     */
    public SignatureVerifier signatureVerifier() {
        return (publicKey, message, signature) -> {
            io.carbonx.registry.identity.SignatureVerifier v;
            try {
                v = verifiers.computeIfAbsent(ByteBuffer.wrap(publicKey.clone()), k -> verifierFor(publicKey));
            } catch (IllegalArgumentException e) {
                return false;
            }
            return v.verify(message, signature);
        };
    }

    private io.carbonx.registry.identity.SignatureVerifier verifierFor(byte[] spki) {
        for (Member m : members) {
            if (Arrays.equals(m.publicKey(), spki)) {
                return io.carbonx.registry.identity.SignatureVerifier.forCertificate(m.certificate());
            }
        }
        throw new IllegalArgumentException("not a validator key");
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return Objects.requireNonNull(cert, "cert").getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate does not encode", e);
        }
    }
}
