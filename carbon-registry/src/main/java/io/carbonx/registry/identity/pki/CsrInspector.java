package io.carbonx.registry.identity.pki;

import io.carbonx.registry.identity.IdentityRefusal;
import io.carbonx.registry.identity.IdentityRefusedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Decodes and checks a PKCS#10 certification request (RFC 2986), in PEM or DER.
 *
 * <p>Checks, in this order, each with its own refusal: size and encoding ({@code MALFORMED_CSR}); the public
 * key ({@link KeyPolicy}: {@code WEAK_KEY}, {@code UNSUPPORTED_CURVE}, {@code UNSUPPORTED_KEY_ALGORITHM}); the
 * signature algorithm ({@code UNSUPPORTED_SIGNATURE_ALGORITHM}: only ECDSA, RSA PKCS#1 v1.5 or PSS with SHA-256/
 * 384/512, and Ed25519); the proof of possession ({@code BAD_CSR_SIGNATURE}). The CSR's subject and attributes
 * are ignored: the CA writes the subject and extensions itself.
 */
public final class CsrInspector {

    /** Largest CSR accepted, in bytes (PEM or DER). */
    public static final int MAX_CSR_BYTES = 64 * 1024;

    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            EdECObjectIdentifiers.id_Ed25519);

    private CsrInspector() {
    }

    /** A CSR that passed every check. */
    public record InspectedCsr(byte[] der, SubjectPublicKeyInfo publicKey, KeyKind keyKind, String participantId) {
    }

    /**
     * Decodes and checks a CSR.
     *
     * @param encoded PEM text (as bytes, {@code CERTIFICATE REQUEST} or {@code NEW CERTIFICATE REQUEST}) or DER
     * @throws IdentityRefusedException with the reason of the first failing check
     */
    public static InspectedCsr inspect(byte[] encoded) throws IdentityRefusedException {
        if (encoded == null || encoded.length == 0) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "empty CSR");
        }
        if (encoded.length > MAX_CSR_BYTES) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR,
                    "CSR of " + encoded.length + " bytes exceeds " + MAX_CSR_BYTES);
        }
        byte[] der = toDer(encoded);
        PKCS10CertificationRequest csr;
        try {
            csr = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR,
                    "not a DER PKCS#10 request: " + e.getMessage(), e);
        }
        SubjectPublicKeyInfo spki = csr.getSubjectPublicKeyInfo();
        KeyKind kind = KeyPolicy.classify(spki);
        ASN1ObjectIdentifier sigAlg = csr.getSignatureAlgorithm().getAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(sigAlg)) {
            throw new IdentityRefusedException(IdentityRefusal.UNSUPPORTED_SIGNATURE_ALGORITHM,
                    "CSR signature algorithm " + sigAlg.getId() + " is not accepted");
        }
        verifySignature(csr, spki);
        return new InspectedCsr(der, spki, kind, KeyPolicy.participantId(spki));
    }

    private static byte[] toDer(byte[] encoded) throws IdentityRefusedException {
        if (!Pem.looksLikePem(encoded)) {
            return encoded.clone();
        }
        try {
            return Pem.decodeSingle(new String(encoded, StandardCharsets.US_ASCII),
                    Set.of(Pem.CERTIFICATE_REQUEST, Pem.NEW_CERTIFICATE_REQUEST));
        } catch (IOException e) {
            throw new IdentityRefusedException(IdentityRefusal.MALFORMED_CSR, "bad PEM: " + e.getMessage(), e);
        }
    }

    private static void verifySignature(PKCS10CertificationRequest csr, SubjectPublicKeyInfo spki)
            throws IdentityRefusedException {
        boolean valid;
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(BcProvider.get()).build(spki);
            valid = csr.isSignatureValid(verifier);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new IdentityRefusedException(IdentityRefusal.BAD_CSR_SIGNATURE,
                    "CSR signature cannot be verified with its public key: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new IdentityRefusedException(IdentityRefusal.BAD_CSR_SIGNATURE,
                    "CSR signature does not verify with its public key");
        }
    }
}
