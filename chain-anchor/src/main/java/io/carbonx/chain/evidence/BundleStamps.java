package io.carbonx.chain.evidence;

import io.carbonx.registry.identity.pki.Certificates;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Adds time-stamps to a bundle being built: for each block holding an event, the tokens of the first time-stamped
 * block at or after it, each wrapped into a granted {@code TimeStampResp} ({@code .tsr}, what
 * {@code openssl ts -verify -in} reads) with the TSA certificate the token embeds.
 */
final class BundleStamps {

    private final EvidenceSource source;
    private final SortedMap<String, byte[]> members;
    private final Map<Long, List<byte[]>> tokens = new HashMap<>();

    BundleStamps(EvidenceSource source, SortedMap<String, byte[]> members) {
        this.source = source;
        this.members = members;
    }

    /**
     * Adds, for each event height, the tokens of the first time-stamped block at or after it (up to {@code latest}).
     *
     * @throws EvidenceException NOT_YET_TIMESTAMPED if no block from an event's height to {@code latest} has a
     *                           token; SOURCE_INCONSISTENT if a token does not parse
     */
    void addFor(List<Long> eventHeights, long latest) throws EvidenceException {
        for (long h : eventHeights) {
            boolean covered = false;
            for (long g = h; g <= latest && !covered; g++) {
                List<byte[]> found = tokens.computeIfAbsent(g, source::timestampTokens);
                if (!found.isEmpty()) {
                    add(g, found);
                    covered = true;
                }
            }
            if (!covered) {
                throw new EvidenceException(EvidenceFailure.NOT_YET_TIMESTAMPED, "no time-stamp on block " + h
                        + " or a later one up to block " + latest + " yet; retry shortly");
            }
        }
    }

    private void add(long height, List<byte[]> found) throws EvidenceException {
        if (members.containsKey(BundlePaths.timestamp(height, 1))) {
            return;
        }
        for (int k = 1; k <= found.size(); k++) {
            try {
                ContentInfo token = ContentInfo.getInstance(found.get(k - 1));
                Collection<X509CertificateHolder> certs = new TimeStampToken(token).getCertificates().getMatches(null);
                if (certs.size() != 1) {
                    throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "time-stamp " + k + " of block "
                            + height + " embeds " + certs.size() + " certificates, expected the TSA's");
                }
                members.put(BundlePaths.timestamp(height, k), new TimeStampResp(new PKIStatusInfo(PKIStatus.granted),
                        token).getEncoded(ASN1Encoding.DER));
                members.put(BundlePaths.tsaCertificate(height, k),
                        Pems.encode(Certificates.fromDer(certs.iterator().next().getEncoded())));
            } catch (TSPException | IOException | CertificateException | RuntimeException e) {
                throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "time-stamp " + k + " of block "
                        + height + ": " + e.getMessage());
            }
        }
    }
}
