package io.carbonx.chain.timestamp;

import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.ValidationResult;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.Certificates;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.bc.BcECSignerInfoVerifierBuilder;
import org.bouncycastle.cms.bc.BcEdDSASignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Verifies an RFC 3161 time-stamp over an expected SHA-256 hash (a block hash), offline, against the consortium
 * root through the registry's {@link CertificateValidator}.
 *
 * <p>Checks, reporting the first failure ({@link TimestampStatus}):
 * <ol>
 *   <li>form: exactly one canonical DER {@code TimeStampResp} (or {@code TimeStampToken}); status plain
 *       {@code granted} without text or failure info; a CMS SignedData of version 3 with one SignerInfo (version 1,
 *       issuer and serial), no CRLs, no unsigned attributes, its digest algorithm the only one listed, and the
 *       embedded certificates, if any, exactly the TSA certificate;</li>
 *   <li>imprint: SHA-256 and equal to the expected hash;</li>
 *   <li>signer: the given TSA certificate (or the single embedded one) is the SignerInfo's signer and matches the
 *       signed ESSCertID(v2);</li>
 *   <li>signature over the signed attributes, which bind the TSTInfo (genTime, serial, policy, nonce, imprint);</li>
 *   <li>certificate: valid at genTime, critical EKU id-kp-timeStamping only, chain to the root, not revoked at
 *       genTime per the validator's CRLs, a TSA role ({@link CertificateValidator#validateTimestampAuthority}).</li>
 * </ol>
 * Thread-safe if the validator is.
 */
public final class TimestampVerifier {

    private final CertificateValidator trust;

    /** A verifier trusting what {@code trust} trusts. */
    public TimestampVerifier(CertificateValidator trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /**
     * Verifies a DER {@code TimeStampResp} ({@code .tsr}).
     *
     * @param tsaCertificate the TSA certificate to check against, or {@code null} to use the one the token embeds
     */
    public TimestampCheck verifyResponse(byte[] responseDer, byte[] expectedSha256, X509Certificate tsaCertificate) {
        TimeStampResp response;
        try {
            response = TimeStampResp.getInstance(ASN1Primitive.fromByteArray(nonEmpty(responseDer)));
            requireCanonical(response, responseDer);
        } catch (IOException | RuntimeException e) {
            return TimestampCheck.failure(TimestampStatus.MALFORMED, "not a DER TimeStampResp: " + e.getMessage());
        }
        PKIStatusInfo status = response.getStatus();
        if (status.getStatus().intValue() != 0 || status.getStatusString() != null || status.getFailInfo() != null) {
            return TimestampCheck.failure(TimestampStatus.NOT_GRANTED, "status " + status.getStatus()
                    + (status.getStatusString() == null ? "" : " with text") + (status.getFailInfo() == null ? ""
                    : " failInfo " + status.getFailInfo().intValue()));
        }
        if (response.getTimeStampToken() == null) {
            return TimestampCheck.failure(TimestampStatus.MALFORMED, "granted response without a token");
        }
        return verifyContentInfo(response.getTimeStampToken(), expectedSha256, tsaCertificate);
    }

    /**
     * Verifies a DER {@code TimeStampToken} (as a {@code BlockTimestamped} event carries it).
     *
     * @param tsaCertificate the TSA certificate to check against, or {@code null} to use the one the token embeds
     */
    public TimestampCheck verifyToken(byte[] tokenDer, byte[] expectedSha256, X509Certificate tsaCertificate) {
        ContentInfo token;
        try {
            token = ContentInfo.getInstance(ASN1Primitive.fromByteArray(nonEmpty(tokenDer)));
            requireCanonical(token, tokenDer);
        } catch (IOException | RuntimeException e) {
            return TimestampCheck.failure(TimestampStatus.MALFORMED, "not a DER TimeStampToken: " + e.getMessage());
        }
        return verifyContentInfo(token, expectedSha256, tsaCertificate);
    }

    private TimestampCheck verifyContentInfo(ContentInfo contentInfo, byte[] expected, X509Certificate given) {
        TimeStampToken token;
        try {
            String form = strictForm(contentInfo);
            if (form != null) {
                return TimestampCheck.failure(TimestampStatus.MALFORMED, form);
            }
            token = new TimeStampToken(contentInfo);
        } catch (TSPException | IOException | RuntimeException e) {
            return TimestampCheck.failure(TimestampStatus.MALFORMED, "not a time-stamp token: " + e.getMessage());
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        Instant genTime = info.getGenTime().toInstant();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            return failure(TimestampStatus.WRONG_IMPRINT_ALGORITHM, "imprint algorithm " + info.getMessageImprintAlgOID(),
                    info, null);
        }
        if (expected == null || !Arrays.equals(info.getMessageImprintDigest(), expected)) {
            return failure(TimestampStatus.IMPRINT_MISMATCH, "the token time-stamps another hash", info, null);
        }
        X509Certificate cert;
        try {
            cert = signerCertificate(token, contentInfo, given);
        } catch (CertificateException | IOException e) {
            return failure(TimestampStatus.CERTIFICATE_MISMATCH, e.getMessage(), info, null);
        } catch (RuntimeException e) {
            return failure(TimestampStatus.MALFORMED, "embedded certificates do not decode: " + e.getMessage(), info, null);
        }
        TimestampCheck signature = checkSignature(token, cert, info);
        if (signature != null) {
            return signature;
        }
        ValidationResult chain = trust.validateTimestampAuthority(cert, genTime);
        if (!chain.isValid()) {
            return new TimestampCheck(TimestampStatus.TSA_CERTIFICATE_INVALID, chain.status() + ": " + chain.detail(),
                    genTime, info.getSerialNumber(), info.getPolicy().getId(), null, chain.status());
        }
        return new TimestampCheck(TimestampStatus.VALID, "time-stamped at " + genTime + " by " + chain.participantId(),
                genTime, info.getSerialNumber(), info.getPolicy().getId(), chain.participantId(), chain.status());
    }

    private static TimestampCheck checkSignature(TimeStampToken token, X509Certificate cert, TimeStampTokenInfo info) {
        try {
            token.validate(signerVerifier(cert));
            return null;
        } catch (TSPValidationException e) {
            String m = String.valueOf(e.getMessage());
            TimestampStatus status = m.startsWith("signature") ? TimestampStatus.BAD_SIGNATURE
                    : m.startsWith("certificate not valid") || m.contains("ExtendedKeyUsage")
                    ? TimestampStatus.TSA_CERTIFICATE_INVALID : TimestampStatus.CERTIFICATE_MISMATCH;
            return failure(status, m, info, null);
        } catch (TSPException | OperatorCreationException | IOException | java.security.cert.CertificateEncodingException
                 | RuntimeException e) {
            return failure(TimestampStatus.BAD_SIGNATURE, "signature does not verify: " + e.getMessage(), info, null);
        }
    }

    /**
     * A CMS signer verifier for the TSA certificate: BouncyCastle's lightweight EC and EdDSA verifiers (no JCA
     * provider round trip), the JDK's SHA-256 for digests; the BouncyCastle JCA provider for other key types.
     */
    private static SignerInformationVerifier signerVerifier(X509Certificate cert)
            throws OperatorCreationException, java.security.cert.CertificateEncodingException, IOException {
        X509CertificateHolder holder = new X509CertificateHolder(cert.getEncoded());
        ASN1ObjectIdentifier keyAlgorithm = holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlgorithm)) {
            return CmsVerifiers.EC.build(holder);
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(keyAlgorithm)) {
            return CmsVerifiers.ED_DSA.build(holder);
        }
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(BcProvider.get()).build(cert);
    }

    /**
     * The CMS verifier builders, made once: their algorithm-name and identifier tables are immutable and
     * input-independent (building them per token cost more than parsing the token). Each {@code build(holder)}
     * still decodes the given certificate's key; nothing about a token or certificate is kept.
     */
    private static final class CmsVerifiers {
        private static final DigestCalculatorProvider DIGESTS = digests();
        static final BcECSignerInfoVerifierBuilder EC = new BcECSignerInfoVerifierBuilder(
                new DefaultCMSSignatureAlgorithmNameGenerator(), new DefaultSignatureAlgorithmIdentifierFinder(),
                new DefaultDigestAlgorithmIdentifierFinder(), DIGESTS);
        static final BcEdDSASignerInfoVerifierBuilder ED_DSA = new BcEdDSASignerInfoVerifierBuilder(
                new DefaultCMSSignatureAlgorithmNameGenerator(), new DefaultSignatureAlgorithmIdentifierFinder(),
                new DefaultDigestAlgorithmIdentifierFinder(), DIGESTS);

        private CmsVerifiers() {
        }

        private static DigestCalculatorProvider digests() {
            try {
                return new JcaDigestCalculatorProviderBuilder().build();
            } catch (OperatorCreationException e) {
                throw new IllegalStateException("no digest calculator provider", e);
            }
        }
    }

    private static X509Certificate signerCertificate(TimeStampToken token, ContentInfo contentInfo,
                                                     X509Certificate given) throws CertificateException, IOException {
        Collection<X509CertificateHolder> embedded = token.getCertificates().getMatches(null);
        X509Certificate cert = given;
        if (!embedded.isEmpty()) {
            if (embedded.size() != 1) {
                throw new CertificateException("the token embeds " + embedded.size() + " certificates, expected 1");
            }
            byte[] der = embedded.iterator().next().getEncoded();
            if (cert == null) {
                cert = Certificates.fromDer(der);
            } else if (!Arrays.equals(der, encoded(cert))) {
                throw new CertificateException("the token embeds another certificate than the given TSA certificate");
            }
        }
        if (cert == null) {
            throw new CertificateException("no TSA certificate given and none embedded");
        }
        X509CertificateHolder holder = new X509CertificateHolder(encoded(cert));
        if (!token.getSID().match(holder) || !Arrays.equals(signerIdentifierDer(contentInfo),
                new IssuerAndSerialNumber(holder.toASN1Structure()).getEncoded(ASN1Encoding.DER))) {
            throw new CertificateException("the TSA certificate is not the token's signer");
        }
        return cert;
    }

    /**
     * The DER of the SignerInfo's issuer and serial number. The signer identifier is not covered by the signature,
     * and BouncyCastle matches names by their meaning (a GeneralString equals a UTF8String of the same text), so
     * the verifier requires the very bytes of the certificate's issuer and serial: no other encoding of the
     * signer passes.
     */
    private static byte[] signerIdentifierDer(ContentInfo contentInfo) throws IOException {
        SignedData sd = SignedData.getInstance(contentInfo.getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        return si.getSID().getId().toASN1Primitive().getEncoded(ASN1Encoding.DER);
    }

    /** Null when {@code ci} has the strict form described in the class comment, else what is wrong. */
    private static String strictForm(ContentInfo ci) throws IOException {
        if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
            return "content type " + ci.getContentType() + " is not signedData";
        }
        SignedData sd = SignedData.getInstance(ci.getContent());
        if (!sameEncoding(sd, ci.getContent()) || sd.getVersion().intValueExact() != 3
                || sd.getSignerInfos().size() != 1 || sd.getCRLs() != null) {
            return "SignedData must be version 3 with one SignerInfo and no CRLs, in canonical form";
        }
        if (sd.getCertificates() != null) {
            for (ASN1Encodable c : sd.getCertificates()) {
                if (!(c instanceof ASN1Sequence) || !sameEncoding(Certificate.getInstance(c), c)) {
                    return "the certificates set holds something other than X.509 certificates";
                }
            }
        }
        ASN1Encodable signerInfo = sd.getSignerInfos().getObjectAt(0);
        SignerInfo si = SignerInfo.getInstance(signerInfo);
        if (!sameEncoding(si, signerInfo)) {
            return "SignerInfo is not in canonical form";
        }
        if (si.getVersion().intValueExact() != 1 || si.getSID().isTagged() || si.getUnauthenticatedAttributes() != null
                || si.getAuthenticatedAttributes() == null) {
            return "SignerInfo must be version 1 (issuer and serial) with signed and no unsigned attributes";
        }
        if (sd.getDigestAlgorithms().size() != 1
                || !sd.getDigestAlgorithms().getObjectAt(0).toASN1Primitive().equals(si.getDigestAlgorithm().toASN1Primitive())) {
            return "SignedData must list exactly the signer's digest algorithm";
        }
        return null;
    }

    private static byte[] nonEmpty(byte[] der) throws IOException {
        if (der == null || der.length == 0) {
            throw new IOException("empty");
        }
        return der;
    }

    /**
     * The typed structure re-encodes to exactly {@code der}: canonical DER, and no tag or element the typed parser
     * read leniently (BouncyCastle accepts, e.g., any context tag for a SignerInfo's signed attributes).
     */
    private static void requireCanonical(ASN1Encodable typed, byte[] der) throws IOException {
        if (!Arrays.equals(typed.toASN1Primitive().getEncoded(ASN1Encoding.DER), der)) {
            throw new IOException("not in canonical DER form");
        }
    }

    private static boolean sameEncoding(ASN1Encodable typed, ASN1Encodable generic) throws IOException {
        return Arrays.equals(typed.toASN1Primitive().getEncoded(ASN1Encoding.DER),
                generic.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    }

    private static byte[] encoded(X509Certificate cert) throws CertificateEncodingException {
        return cert.getEncoded();
    }

    private static TimestampCheck failure(TimestampStatus status, String detail, TimeStampTokenInfo info,
                                          String participant) {
        return new TimestampCheck(status, detail, info.getGenTime().toInstant(), info.getSerialNumber(),
                info.getPolicy().getId(), participant, null);
    }
}
