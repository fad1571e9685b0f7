package io.carbonx.chain.timestamp;

import io.carbonx.registry.identity.pki.BcProvider;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The consortium's RFC 3161 time-stamping authority (run by the court node by default): answers
 * {@code TimeStampReq}s with {@code TimeStampResp}s signed by its own key, whose certificate the registry CA issued
 * with the time-stamping profile (critical EKU id-kp-timeStamping only).
 *
 * <p>Tokens carry: the request's SHA-256 message imprint (other digest algorithms are refused with
 * {@code badAlg}), its nonce, the TSA policy OID ({@link TsaPolicy}; a request naming another policy is refused with
 * {@code unacceptedPolicy}), the accuracy, a random 127-bit serial number (unique per TSA with overwhelming
 * probability, across restarts too), genTime with millisecond resolution, the TSA name (the certificate's
 * subject), an ESSCertIDv2 (SHA-256) binding the signer certificate, and the TSA certificate itself when the
 * request sets {@code certReq}. Time comes in as a parameter: the TSA reads no clock.
 *
 * <p>Thread-safe: {@link #respond} is synchronised (BouncyCastle's generators are not).
 */
public final class TimestampAuthority {

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(TSPAlgorithms.SHA256);

    private final X509Certificate certificate;
    private final TsaPolicy policy;
    private final String name;
    private final SecureRandom random;
    private final Set<ASN1ObjectIdentifier> policies;
    private final TimeStampTokenGenerator tokens;

    /**
     * A TSA signing with {@code key} under {@code certificate}.
     *
     * @param name    who this TSA is for the events it feeds ({@code BlockTimestamped.tsaId}): the operating
     *                participant's id
     * @param random  source of serial numbers
     * @throws IllegalArgumentException if the key cannot sign (EC P-256/P-384 or Ed25519 expected)
     */
    public TimestampAuthority(PrivateKey key, X509Certificate certificate, TsaPolicy policy, String name,
                              SecureRandom random) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.name = Objects.requireNonNull(name, "name");
        this.random = Objects.requireNonNull(random, "random");
        try {
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BcProvider.get())
                    .build(signatureAlgorithm(key), key, certificate);
            DigestCalculator essCertIdDigest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            this.tokens = new TimeStampTokenGenerator(signer, essCertIdDigest,
                    new ASN1ObjectIdentifier(policy.policyOid()), false);
            tokens.setAccuracyMillis(policy.accuracyMillis());
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            tokens.setTSA(new GeneralName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())));
            tokens.addCertificates(new JcaCertStore(java.util.List.of(certificate)));
            this.policies = Set.of(new ASN1ObjectIdentifier(policy.policyOid()));
        } catch (OperatorCreationException | TSPException | CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot sign time-stamps with this key and certificate: " + e, e);
        }
    }

    /** The TSA certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The policy. */
    public TsaPolicy policy() {
        return policy;
    }

    /** The TSA's name (operating participant id). */
    public String name() {
        return name;
    }

    /**
     * Answers one DER {@code TimeStampReq} at {@code genTime}. Never throws for bad input: a request that does not
     * parse gets {@code rejection/badDataFormat}, an unsupported digest {@code badAlg}, another policy
     * {@code unacceptedPolicy}, a malformed imprint {@code badDataFormat}.
     *
     * @return the DER {@code TimeStampResp}
     */
    public synchronized byte[] respond(byte[] requestDer, Instant genTime) {
        Objects.requireNonNull(genTime, "genTime");
        // A fresh response generator per answer: BouncyCastle's keeps the failure info of a rejection it made.
        TimeStampResponseGenerator generator = new TimeStampResponseGenerator(tokens, DIGESTS, policies);
        try {
            TimeStampResponse response;
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException e) {
                response = generator.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "request is not a DER TimeStampReq");
                return response.getEncoded(ASN1Encoding.DER);
            }
            try {
                request.validate(DIGESTS, policies, null);
            } catch (TSPValidationException e) {
                response = generator.generateFailResponse(PKIStatus.REJECTION, e.getFailureCode(), e.getMessage());
                return response.getEncoded(ASN1Encoding.DER);
            }
            BigInteger serial = new BigInteger(127, random).setBit(0);
            response = generator.generateGrantedResponse(request, serial, Date.from(genTime));
            return response.getEncoded(ASN1Encoding.DER);
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("the TSA failed to produce a response", e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported TSA key algorithm " + key.getAlgorithm());
        };
    }
}
