package io.carbonx.registry.identity.pki;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateProfile;
import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The CarbonX identity a participant certificate asserts, read back from its extensions and subject.
 *
 * @param participantId from the subjectAltName URI {@code urn:carbonx:participant:<id>} (also the subject CN)
 * @param legalName     the subject {@code O}
 * @param role          from the carbonxRole extension
 */
public record ParticipantIdentity(String participantId, String legalName, Role role) {

    /**
     * Reads the identity of a participant certificate.
     *
     * @throws CertificateParsingException if the certificate does not follow the participant profile: it is a CA,
     *                                     the role extension is missing or names no role, there is not exactly
     *                                     one participant URI, or CN and URI disagree
     */
    public static ParticipantIdentity of(X509Certificate cert) throws CertificateParsingException {
        if (cert.getBasicConstraints() >= 0) {
            throw new CertificateParsingException("a CA certificate is not a participant certificate");
        }
        Role role = role(cert);
        String id = participantIdFromSan(cert);
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        String cn = single(subject, subject.getRDNs(BCStyle.CN), "CN");
        if (!id.equals(cn)) {
            throw new CertificateParsingException("subject CN '" + cn + "' differs from the participant URI id '" + id + "'");
        }
        String legalName = single(subject, subject.getRDNs(BCStyle.O), "O");
        return new ParticipantIdentity(id, legalName, role);
    }

    private static Role role(X509Certificate cert) throws CertificateParsingException {
        byte[] ext = cert.getExtensionValue(CertificateProfile.ROLE_EXTENSION_OID);
        if (ext == null) {
            throw new CertificateParsingException("no carbonxRole extension (" + CertificateProfile.ROLE_EXTENSION_OID + ")");
        }
        String name;
        try {
            byte[] inner = ASN1OctetString.getInstance(ext).getOctets();
            name = ASN1UTF8String.getInstance(ASN1Primitive.fromByteArray(inner)).getString();
        } catch (IOException | RuntimeException e) {
            throw new CertificateParsingException("carbonxRole extension is not a UTF8String", e);
        }
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new CertificateParsingException("carbonxRole names no known role: '" + name + "'");
    }

    private static String participantIdFromSan(X509Certificate cert) throws CertificateParsingException {
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        String found = null;
        if (names != null) {
            for (List<?> entry : names) {
                if (entry.size() == 2 && Integer.valueOf(GeneralName.uniformResourceIdentifier).equals(entry.get(0))
                        && entry.get(1) instanceof String uri
                        && uri.startsWith(CertificateProfile.PARTICIPANT_URN_PREFIX)) {
                    if (found != null) {
                        throw new CertificateParsingException("more than one participant URI in subjectAltName");
                    }
                    found = uri.substring(CertificateProfile.PARTICIPANT_URN_PREFIX.length());
                }
            }
        }
        if (found == null || found.isEmpty()) {
            throw new CertificateParsingException("no " + CertificateProfile.PARTICIPANT_URN_PREFIX + " URI in subjectAltName");
        }
        return found;
    }

    private static String single(X500Name name, RDN[] rdns, String attribute) throws CertificateParsingException {
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            throw new CertificateParsingException("subject " + name + " must hold exactly one " + attribute);
        }
        if (rdns[0].getFirst().getValue() instanceof ASN1String s) {
            return s.getString();
        }
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
