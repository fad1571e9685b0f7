package io.carbonx.chain.evidence;

import io.carbonx.chain.BlockHeader;
import io.carbonx.chain.core.Digest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.SortedMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * A bundle's members, parsed and in canonical form ({@link BundleParser}), not yet verified: what the report is
 * rendered from and what {@link EvidenceVerifier} checks.
 *
 * @param members    every member by path
 * @param info       {@code BUNDLE.txt}
 * @param root       the bundle's copy of the root certificate
 * @param issuing    the issuing CA certificate
 * @param crl        the issuing CA's CRL
 * @param validators validator certificates by id 0..n-1
 * @param headers    block headers by height, contiguous
 * @param commits    per height, the commit files by validator id
 * @param stamps     per height, the time-stamps (k = 1..)
 * @param events     the events, numbered from 1
 * @param schemas    schema texts by path
 */
public record BundleContents(SortedMap<String, byte[]> members, BundleInfo info, X509Certificate root,
                             X509Certificate issuing, X509CRL crl, List<X509Certificate> validators,
                             SortedMap<Long, Header> headers, SortedMap<Long, SortedMap<Integer, CommitFile>> commits,
                             SortedMap<Long, List<Stamp>> stamps, List<Event> events, SortedMap<String, String> schemas) {

    /**
     * A block header.
     *
     * @param height its height (from the path; checked against the decoded header by the verifier)
     * @param bytes  the exact canonical bytes
     * @param header decoded
     * @param hash   SHA-256 of the bytes: the block hash
     */
    public record Header(long height, byte[] bytes, BlockHeader header, Digest hash) {
    }

    /**
     * One validator's commit over a block.
     *
     * @param validator validator id
     * @param message   the exact signed bytes
     * @param signature the signature
     */
    public record CommitFile(int validator, byte[] message, byte[] signature) {
    }

    /**
     * A time-stamp over a block hash.
     *
     * @param height   the block
     * @param k        its number among the block's time-stamps
     * @param response DER TimeStampResp
     * @param tsa      the TSA certificate
     */
    public record Stamp(long height, int k, byte[] response, X509Certificate tsa) {
    }

    /**
     * A signed request carried by an event.
     *
     * @param k         its number (from 1, in the event's field order)
     * @param bytes     the signed bytes
     * @param signature the signature
     * @param signer    the signer's certificate
     * @param record    the decoded request
     */
    public record Request(int k, byte[] bytes, byte[] signature, X509Certificate signer, SpecificRecord record) {
    }

    /**
     * An anchored event.
     *
     * @param number     its number (from 1)
     * @param bytes      the exact stored bytes
     * @param record     decoded
     * @param schemaPath path of its writer schema
     * @param proof      its inclusion proof
     * @param requests   the signed requests it carries
     */
    public record Event(int number, byte[] bytes, SpecificRecord record, String schemaPath, ProofText proof,
                        List<Request> requests) {
    }

    /** The latest (highest) block height. */
    public long latestHeight() {
        return headers.lastKey();
    }
}
