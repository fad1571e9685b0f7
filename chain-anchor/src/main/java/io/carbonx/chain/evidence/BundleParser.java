package io.carbonx.chain.evidence;

import io.carbonx.chain.BlockHeader;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import io.carbonx.schemas.EventTypes;
import java.security.cert.X509Certificate;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * Parses a bundle's members into {@link BundleContents}, requiring every member to be expected, referenced and in
 * canonical form: the layout of {@link BundlePaths}, contiguous numbering (validators from 0, events, requests and
 * time-stamps from 1, block heights without gaps), canonical PEM, {@code BUNDLE.txt} and {@code proof.txt},
 * records that decode with the contract's codec, one schema file per writer schema used. Cryptographic and
 * linking checks are the verifier's; the first format problem aborts with {@link BundleFormatException}.
 */
public final class BundleParser {

    private static final Pattern VALIDATOR = Pattern.compile("certs/validator-(0|[1-9][0-9]{0,4})\\.pem");
    private static final Pattern BLOCK = Pattern.compile("blocks/(0|[1-9][0-9]{0,17})/(header\\.bin"
            + "|commit-(0|[1-9][0-9]{0,4})\\.(msg|sig)|timestamp-([1-9][0-9]{0,4})\\.tsr|tsa-([1-9][0-9]{0,4})\\.pem)");
    private static final Pattern EVENT = Pattern.compile("events/([0-9]{4,9})/(event\\.bin|proof\\.txt"
            + "|request-([1-9][0-9]{0,2})\\.(bin|sig|pem))");
    private static final Pattern SCHEMA = Pattern.compile("schemas/[A-Za-z_][A-Za-z0-9_.]*-[0-9a-f]{16}\\.avsc");

    private final SortedMap<String, byte[]> members;
    private final EventCodec codec;
    private final Set<String> used = new HashSet<>();
    private final Map<String, X509Certificate> certificates = new HashMap<>();

    private BundleParser(SortedMap<String, byte[]> members, EventCodec codec) {
        this.members = members;
        this.codec = codec;
    }

    /**
     * Parses {@code members} (as {@link StoredZip#read} returns them).
     *
     * @throws BundleFormatException naming the first member that is missing, unexpected or not canonical
     */
    public static BundleContents parse(SortedMap<String, byte[]> members, EventCodec codec) throws BundleFormatException {
        return new BundleParser(Collections.unmodifiableSortedMap(new TreeMap<>(members)), codec).parse();
    }

    private BundleContents parse() throws BundleFormatException {
        for (String path : members.keySet()) {
            if (!known(path)) {
                throw new BundleFormatException("unexpected member " + path);
            }
        }
        BundleInfo info = BundleInfo.parse(take(BundlePaths.INFO));
        take(BundlePaths.REPORT);
        take(BundlePaths.SUMS);
        var root = certificate(BundlePaths.ROOT);
        var issuing = certificate(BundlePaths.ISSUING);
        var crl = Pems.crl(BundlePaths.CRL, take(BundlePaths.CRL));
        List<X509Certificate> validators = new ArrayList<>();
        while (members.containsKey(BundlePaths.validator(validators.size()))) {
            String p = BundlePaths.validator(validators.size());
            validators.add(certificate(p));
        }
        if (validators.isEmpty()) {
            throw new BundleFormatException("no validator certificates (certs/validator-0.pem ...)");
        }
        SortedMap<Long, BundleContents.Header> headers = headers();
        SortedMap<Long, SortedMap<Integer, BundleContents.CommitFile>> commits = commits(headers, validators.size());
        SortedMap<Long, List<BundleContents.Stamp>> stamps = stamps(headers);
        SortedMap<String, String> schemas = new TreeMap<>();
        List<BundleContents.Event> events = events(headers, schemas);
        for (String path : members.keySet()) {
            if (!used.contains(path)) {
                throw new BundleFormatException("member " + path + " is not referenced (numbering gap or unused file)");
            }
        }
        return new BundleContents(members, info, root, issuing, crl, List.copyOf(validators), headers, commits, stamps,
                List.copyOf(events), Collections.unmodifiableSortedMap(schemas));
    }

    private static boolean known(String path) {
        return path.equals(BundlePaths.INFO) || path.equals(BundlePaths.REPORT) || path.equals(BundlePaths.SUMS)
                || path.equals(BundlePaths.ROOT) || path.equals(BundlePaths.ISSUING) || path.equals(BundlePaths.CRL)
                || VALIDATOR.matcher(path).matches() || BLOCK.matcher(path).matches() || EVENT.matcher(path).matches()
                || SCHEMA.matcher(path).matches();
    }

    private SortedMap<Long, BundleContents.Header> headers() throws BundleFormatException {
        SortedMap<Long, BundleContents.Header> headers = new TreeMap<>();
        for (String path : members.keySet()) {
            Matcher m = BLOCK.matcher(path);
            if (m.matches() && m.group(2).equals("header.bin")) {
                long h = Long.parseLong(m.group(1));
                byte[] bytes = take(path);
                BlockHeader header = decode(path, bytes, BlockHeader.class);
                headers.put(h, new BundleContents.Header(h, bytes, header, Sha256.hash(bytes)));
            }
        }
        if (headers.isEmpty()) {
            throw new BundleFormatException("no block headers");
        }
        if (headers.lastKey() - headers.firstKey() + 1 != headers.size()) {
            throw new BundleFormatException("block heights " + headers.firstKey() + ".." + headers.lastKey() + " have gaps");
        }
        return Collections.unmodifiableSortedMap(headers);
    }

    private SortedMap<Long, SortedMap<Integer, BundleContents.CommitFile>> commits(
            SortedMap<Long, BundleContents.Header> headers, int validators) throws BundleFormatException {
        SortedMap<Long, SortedMap<Integer, BundleContents.CommitFile>> commits = new TreeMap<>();
        for (long h : headers.keySet()) {
            SortedMap<Integer, BundleContents.CommitFile> block = new TreeMap<>();
            for (int v = 0; v < validators; v++) {
                String msg = BundlePaths.commitMessage(h, v);
                String sig = BundlePaths.commitSignature(h, v);
                if (members.containsKey(msg) != members.containsKey(sig)) {
                    throw new BundleFormatException(msg + " and " + sig + " come in pairs");
                }
                if (members.containsKey(msg)) {
                    block.put(v, new BundleContents.CommitFile(v, take(msg), take(sig)));
                }
            }
            if (!block.isEmpty()) {
                commits.put(h, Collections.unmodifiableSortedMap(block));
            }
        }
        return Collections.unmodifiableSortedMap(commits);
    }

    private SortedMap<Long, List<BundleContents.Stamp>> stamps(SortedMap<Long, BundleContents.Header> headers)
            throws BundleFormatException {
        SortedMap<Long, List<BundleContents.Stamp>> stamps = new TreeMap<>();
        for (long h : headers.keySet()) {
            List<BundleContents.Stamp> list = new ArrayList<>();
            for (int k = 1; members.containsKey(BundlePaths.timestamp(h, k)); k++) {
                String tsa = BundlePaths.tsaCertificate(h, k);
                list.add(new BundleContents.Stamp(h, k, take(BundlePaths.timestamp(h, k)), certificate(tsa)));
            }
            if (!list.isEmpty()) {
                stamps.put(h, List.copyOf(list));
            }
        }
        return Collections.unmodifiableSortedMap(stamps);
    }

    private List<BundleContents.Event> events(SortedMap<Long, BundleContents.Header> headers,
                                              SortedMap<String, String> schemas) throws BundleFormatException {
        List<BundleContents.Event> events = new ArrayList<>();
        for (int n = 1; members.containsKey(BundlePaths.event(n)); n++) {
            byte[] bytes = take(BundlePaths.event(n));
            SpecificRecord record = decode(BundlePaths.event(n), bytes, null);
            if (!EventTypes.isEvent(record.getClass())) {
                throw new BundleFormatException(BundlePaths.event(n) + " holds a " + EventFacts.type(record) + ", not an event");
            }
            ProofText proof = ProofText.parse(BundlePaths.proof(n), take(BundlePaths.proof(n)));
            List<BundleContents.Request> requests = new ArrayList<>();
            for (int k = 1; members.containsKey(BundlePaths.request(n, k)); k++) {
                byte[] request = take(BundlePaths.request(n, k));
                SpecificRecord decoded = decode(BundlePaths.request(n, k), request, null);
                if (!EventTypes.requests().contains(decoded.getClass())) {
                    throw new BundleFormatException(BundlePaths.request(n, k) + " is not a signed request");
                }
                schema(schemas, decoded, request);
                requests.add(new BundleContents.Request(k, request, take(BundlePaths.requestSignature(n, k)),
                        certificate(BundlePaths.requestSigner(n, k)), decoded));
            }
            events.add(new BundleContents.Event(n, bytes, record, schema(schemas, record, bytes), proof, List.copyOf(requests)));
        }
        if (events.isEmpty()) {
            throw new BundleFormatException("no events (events/0001/event.bin ...)");
        }
        return events;
    }

    private String schema(SortedMap<String, String> schemas, SpecificRecord record, byte[] bytes)
            throws BundleFormatException {
        String path = BundlePaths.schema(record.getSchema().getFullName(), Arrays.copyOfRange(bytes, 2, 10));
        if (!schemas.containsKey(path)) {
            byte[] text = take(path);
            try {
                schemas.put(path, StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(text)).toString());
            } catch (CharacterCodingException e) {
                throw new BundleFormatException(path + " is not UTF-8 text");
            }
        }
        return path;
    }

    private <T extends SpecificRecord> T decode(String path, byte[] bytes, Class<T> type) throws BundleFormatException {
        try {
            @SuppressWarnings("unchecked")
            T record = type == null ? (T) codec.decode(bytes) : codec.decode(bytes, type);
            return record;
        } catch (EventDecodingException e) {
            throw new BundleFormatException(path + " does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * The certificate of member {@code path} ({@link Pems#certificate}), parsed once per distinct member text in this
     * bundle: a member byte-for-byte equal to one parsed before (the same TSA for several time-stamps, a signer of
     * several requests) yields the same certificate; any other bytes are parsed and checked on their own.
     */
    private X509Certificate certificate(String path) throws BundleFormatException {
        byte[] text = take(path);
        String key = new String(text, StandardCharsets.ISO_8859_1);
        X509Certificate known = certificates.get(key);
        if (known == null) {
            known = Pems.certificate(path, text);
            certificates.put(key, known);
        }
        return known;
    }

    private byte[] take(String path) throws BundleFormatException {
        byte[] bytes = members.get(path);
        if (bytes == null) {
            throw new BundleFormatException("missing member " + path);
        }
        used.add(path);
        return bytes;
    }

    static Digest hashOf(byte[] bytes) {
        return Sha256.hash(bytes);
    }
}
