package io.carbonx.chain.evidence;

import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DefaultReported;
import io.carbonx.events.TradeExecuted;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the evidence bundle for a subject from an {@link EvidenceSource}: one canonical ZIP ({@link StoredZip})
 * in the layout of {@link BundlePaths}, documented in {@code chain-anchor/docs/evidence-bundle.md}.
 *
 * <p>Which events: the source's events about the subject; for a trade also the events of its buy and sell orders
 * (their {@code OrderSubmitted} carry the signed requests); for a default also its trade's events and orders.
 * The bundle then holds, for blocks from the lowest one holding an event up to the latest committed block: every
 * header (the hash chain); the commit certificate of the latest block, which through the hash chain authenticates
 * every earlier header; for each block holding an event, the time-stamps of the first time-stamped block at or
 * after it. Plus the consortium's certificates and CRL, each signed request's signer certificate, the writer
 * schemas, {@code SHA256SUMS} and {@code REPORT.md}.
 *
 * <p>The output is deterministic: the same source state gives the same bytes. The builder does not judge the
 * evidence; {@link EvidenceVerifier} does (and {@link EvidenceService} runs it before handing a bundle out).
 */
public final class BundleBuilder {

    /** Most events in one bundle. */
    public static final int MAX_EVENTS = 10_000;
    /** Most block headers in one bundle (the distance from the oldest event's block to the latest block). */
    public static final long MAX_HEADERS = 200_000;

    private final EvidenceSource source;
    private final EventCodec codec;

    /** A builder over {@code source}, decoding with the current contract. */
    public BundleBuilder(EvidenceSource source) {
        this(source, EventCodec.standard());
    }

    /** A builder over {@code source} with {@code codec} (one that knows earlier schemas, if the log holds any). */
    public BundleBuilder(EvidenceSource source, EventCodec codec) {
        this.source = source;
        this.codec = codec;
    }

    private record Found(AnchoredEvent anchored, SpecificRecord record) {
    }

    /**
     * Builds the bundle.
     *
     * @return the ZIP bytes
     * @throws EvidenceException SUBJECT_NOT_FOUND, NOT_YET_ANCHORED, NOT_YET_TIMESTAMPED, SOURCE_INCONSISTENT or
     *                           TOO_LARGE
     */
    public byte[] build(EvidenceSubject subject) throws EvidenceException {
        List<Found> events = find(subject);
        long first = events.get(0).anchored().height();
        long last = events.get(events.size() - 1).anchored().height();
        long latest = source.latestHeight();
        if (latest < last) {
            throw new EvidenceException(EvidenceFailure.NOT_YET_TIMESTAMPED, "an event about " + subject
                    + " is in block " + last + "; bundles end at block " + latest
                    + " (the newest time-stamped block); retry shortly");
        }
        if (latest - first + 1 > MAX_HEADERS) {
            throw new EvidenceException(EvidenceFailure.TOO_LARGE, "blocks " + first + ".." + latest + ": more than "
                    + MAX_HEADERS + " headers");
        }
        List<StoredBlock> blocks = source.blocks(first, latest);
        if (blocks.size() != latest - first + 1) {
            throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "blocks " + first + ".." + latest + " incomplete");
        }
        Set<Long> eventHeights = new TreeSet<>();
        events.forEach(f -> eventHeights.add(f.anchored().height()));
        SortedMap<String, byte[]> members = new TreeMap<>();
        ConsortiumCertificates certs;
        try {
            certs = source.certificates();
        } catch (IllegalStateException e) {
            throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, e.getMessage());
        }
        members.put(BundlePaths.INFO, new BundleInfo(source.chainId(), subject.kind(), subject.id()).render());
        members.put(BundlePaths.ROOT, Pems.encode(certs.root()));
        members.put(BundlePaths.ISSUING, Pems.encode(certs.issuingCa()));
        members.put(BundlePaths.CRL, Pems.encode(certs.crl()));
        for (int v = 0; v < certs.validators().size(); v++) {
            members.put(BundlePaths.validator(v), Pems.encode(certs.validators().get(v)));
        }
        for (int i = 0; i < blocks.size(); i++) {
            StoredBlock block = blocks.get(i);
            if (block.height() != first + i) {
                throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "block " + block.height() + " out of order");
            }
            members.put(BundlePaths.header(block.height()), block.headerBytes());
            if (block.height() == latest) {
                commits(members, block);
            }
        }
        new BundleStamps(source, members).addFor(List.copyOf(eventHeights), latest);
        for (int n = 1; n <= events.size(); n++) {
            event(members, n, events.get(n - 1));
        }
        return finish(members);
    }

    private List<Found> find(EvidenceSubject s) throws EvidenceException {
        Set<EventLocation> locations = new LinkedHashSet<>(switch (s.kind()) {
            case TRADE -> source.eventsByTrade(s.id());
            case ORDER -> source.eventsByOrder(s.id());
            case DEFAULT -> source.eventsByDefault(s.id());
            case PENALTY -> source.eventsByPenalty(s.id());
            case PARTICIPANT -> source.eventsByParticipant(s.id(), s.fromMs(), s.toMsExclusive());
        });
        if (locations.isEmpty()) {
            Optional<String> pending = source.unanchoredMention(s);
            if (pending.isPresent()) {
                throw new EvidenceException(EvidenceFailure.NOT_YET_ANCHORED, pending.get());
            }
            throw new EvidenceException(EvidenceFailure.SUBJECT_NOT_FOUND, "no event about " + s);
        }
        Map<EventLocation, Found> found = new LinkedHashMap<>();
        for (EventLocation l : locations) {
            found.put(l, load(l));
        }
        if (s.kind() == EvidenceKind.DEFAULT) {
            for (Found f : List.copyOf(found.values())) {
                Optional<String> trade = f.record() instanceof DefaultRecorded || f.record() instanceof DefaultReported
                        ? EventFacts.string(f.record(), "tradeId") : Optional.empty();
                if (trade.isPresent()) {
                    addAll(found, source.eventsByTrade(trade.get()));
                }
            }
        }
        if (s.kind() == EvidenceKind.TRADE || s.kind() == EvidenceKind.DEFAULT) {
            for (Found f : List.copyOf(found.values())) {
                if (f.record() instanceof TradeExecuted t) {
                    for (String order : new String[] {t.getBuyOrderId(), t.getSellOrderId()}) {
                        if (order != null) {
                            addAll(found, source.eventsByOrder(order));
                        }
                    }
                }
            }
        }
        if (found.size() > MAX_EVENTS) {
            throw new EvidenceException(EvidenceFailure.TOO_LARGE, found.size() + " events, at most " + MAX_EVENTS);
        }
        Map<String, Found> unique = new TreeMap<>();
        for (Found f : found.values()) {
            unique.putIfAbsent(String.format("%020d/%020d", f.anchored().height(), f.anchored().proof().leafIndex()), f);
        }
        List<Found> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparingLong((Found f) -> f.anchored().height())
                .thenComparingLong(f -> f.anchored().proof().leafIndex()));
        return sorted;
    }

    private void addAll(Map<EventLocation, Found> found, List<EventLocation> more) throws EvidenceException {
        for (EventLocation l : more) {
            if (!found.containsKey(l)) {
                found.put(l, load(l));
            }
        }
    }

    private Found load(EventLocation location) throws EvidenceException {
        AnchoredEvent a;
        try {
            a = source.anchoredEvent(location).orElseThrow(() -> new EvidenceException(
                    EvidenceFailure.NOT_YET_ANCHORED, "event " + location + " is not in a committed block yet"));
        } catch (IllegalStateException e) {
            throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "event " + location + ": " + e.getMessage());
        }
        try {
            return new Found(a, codec.decode(a.bytes()));
        } catch (EventDecodingException e) {
            throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "event " + location + ": " + e.getMessage());
        }
    }

    private void commits(SortedMap<String, byte[]> members, StoredBlock block) throws EvidenceException {
        CommitCertificate certificate = block.commitCertificate().orElseThrow(() -> new EvidenceException(
                EvidenceFailure.NOT_YET_ANCHORED, "block " + block.height() + " has no commit certificate in the store"));
        for (SignedMessage<Commit> c : certificate.commits()) {
            members.put(BundlePaths.commitMessage(block.height(), c.author()), c.signingBytes(source.chainId()));
            members.put(BundlePaths.commitSignature(block.height(), c.author()), c.signature());
        }
    }

    private void event(SortedMap<String, byte[]> members, int n, Found f) throws EvidenceException {
        byte[] bytes = f.anchored().bytes();
        members.put(BundlePaths.event(n), bytes);
        members.put(BundlePaths.proof(n), new ProofText(f.anchored().height(), f.anchored().proof()).render());
        schema(members, f.record(), bytes);
        List<EventFacts.SignedRequest> requests = EventFacts.signedRequests(f.record());
        for (int k = 1; k <= requests.size(); k++) {
            EventFacts.SignedRequest r = requests.get(k - 1);
            members.put(BundlePaths.request(n, k), r.bytes());
            members.put(BundlePaths.requestSignature(n, k), EventFacts.bytes(r.signature().getValue()));
            var signer = source.participantCertificate(r.signature().getSignerId(), r.signature().getCertificateSerial())
                    .orElseThrow(() -> new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "no certificate "
                            + r.signature().getCertificateSerial() + " of " + r.signature().getSignerId()));
            members.put(BundlePaths.requestSigner(n, k), Pems.encode(signer));
            try {
                schema(members, codec.decode(r.bytes()), r.bytes());
            } catch (EventDecodingException e) {
                throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, "signed request of event " + n + ": "
                        + e.getMessage());
            }
        }
    }

    private void schema(SortedMap<String, byte[]> members, SpecificRecord record, byte[] bytes) throws EvidenceException {
        long fingerprint = EventCodec.fingerprintOf(bytes);
        Schema schema = codec.schemaFor(fingerprint).orElseThrow(() -> new EvidenceException(
                EvidenceFailure.SOURCE_INCONSISTENT, "unknown writer schema of a " + record.getSchema().getName()));
        members.put(BundlePaths.schema(record.getSchema().getFullName(), Arrays.copyOfRange(bytes, 2, 10)),
                EventVerification.schemaText(schema).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] finish(SortedMap<String, byte[]> members) throws EvidenceException {
        members.put(BundlePaths.REPORT, new byte[0]);
        members.put(BundlePaths.SUMS, new byte[0]);
        BundleContents contents;
        try {
            contents = BundleParser.parse(members, codec);
        } catch (BundleFormatException e) {
            throw new EvidenceException(EvidenceFailure.SOURCE_INCONSISTENT, e.getMessage());
        }
        members.put(BundlePaths.REPORT, ReportRenderer.render(contents));
        members.put(BundlePaths.SUMS, Checksums.render(members));
        try {
            return StoredZip.write(members);
        } catch (IllegalArgumentException e) {
            throw new EvidenceException(EvidenceFailure.TOO_LARGE, e.getMessage());
        }
    }
}
