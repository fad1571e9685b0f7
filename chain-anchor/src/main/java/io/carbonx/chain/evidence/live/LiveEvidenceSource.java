package io.carbonx.chain.evidence.live;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.evidence.AnchoredEvent;
import io.carbonx.chain.evidence.ConsortiumCertificates;
import io.carbonx.chain.evidence.EventFacts;
import io.carbonx.chain.evidence.EventLocation;
import io.carbonx.chain.evidence.EvidenceKind;
import io.carbonx.chain.evidence.EvidenceSource;
import io.carbonx.chain.evidence.EvidenceSubject;
import io.carbonx.chain.evidence.StoredBlock;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Crls;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@link EvidenceSource} of a running chain: the {@link AnchorIndex} the {@link EvidenceIndexer} builds from
 * the blocks topic, and the log itself for the events' exact bytes.
 *
 * <p>Contract, beyond {@link EvidenceSource}:
 * <ul>
 *   <li>Finders answer from the index only: what is in a committed, verified block. A subject is found by the
 *       fields {@link EventKeys} indexes; a participant by its registry id ({@code p-} + 20 hex digits) anywhere in
 *       an event, within the period by the event's logical time.</li>
 *   <li>{@link #anchoredEvent}: the block holding the location is read back from the log by its header's ranges
 *       and checked against the header (count, Merkle root) before any byte or proof is returned
 *       ({@link BlockContent}); the last {@value #CACHED_BLOCKS} blocks read are cached. A log that cannot be read
 *       or does not match throws {@link IllegalStateException} (the builder reports SOURCE_INCONSISTENT).</li>
 *   <li>{@link #latestHeight}: the newest indexed block with a time-stamp token, so every bundle ends at a
 *       certified, time-stamped block.</li>
 *   <li>{@link #certificates}: the consortium root and issuing CA and the validators' certificates as this node's
 *       roster verified them, and the newest CRL among the CA directory's current CRL file (when this node has
 *       it) and those the identity events carried.</li>
 *   <li>{@link #unanchoredMention}: only on a miss, reads the log's tail beyond the indexed head (every partition
 *       of the anchored topics, up to {@code tailScanLimit} records in all) for an event about the subject.</li>
 * </ul>
 * Thread-safe.
 */
public final class LiveEvidenceSource implements EvidenceSource {

    /** Blocks whose content stays cached. */
    public static final int CACHED_BLOCKS = 16;

    /**
     * The consortium's certificates as this node knows them.
     *
     * @param root       the root CA
     * @param issuingCa  the issuing CA
     * @param validators the validators' certificates by id
     * @param crlFile    the CA directory's current CRL file, or null when this node has none
     */
    public record Consortium(X509Certificate root, X509Certificate issuingCa, List<X509Certificate> validators,
                             Path crlFile) {
        /** Copies the list; rejects nulls. */
        public Consortium {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(issuingCa, "issuingCa");
            validators = List.copyOf(validators);
        }
    }

    private final String chainId;
    private final AnchorIndex index;
    private final LogReader reader;
    private final Consortium consortium;
    private final List<String> anchoredTopics;
    private final int tailScanLimit;
    private final EventCodec codec = EventCodec.standard();
    private final Map<Long, BlockContent> cache = new LinkedHashMap<>(CACHED_BLOCKS * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BlockContent> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    /**
     * @param reader         reads the log (used under its own lock)
     * @param anchoredTopics the topics the chain anchors (for the tail scan)
     * @param tailScanLimit  most records one tail scan reads
     */
    public LiveEvidenceSource(String chainId, AnchorIndex index, LogReader reader, Consortium consortium,
                              List<String> anchoredTopics, int tailScanLimit) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        this.index = Objects.requireNonNull(index, "index");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.consortium = Objects.requireNonNull(consortium, "consortium");
        this.anchoredTopics = List.copyOf(anchoredTopics);
        this.tailScanLimit = tailScanLimit;
    }

    @Override
    public String chainId() {
        return chainId;
    }

    @Override
    public List<EventLocation> eventsByTrade(String tradeId) {
        return locations(EvidenceKind.TRADE, tradeId);
    }

    @Override
    public List<EventLocation> eventsByOrder(String orderId) {
        return locations(EvidenceKind.ORDER, orderId);
    }

    @Override
    public List<EventLocation> eventsByDefault(String defaultId) {
        return locations(EvidenceKind.DEFAULT, defaultId);
    }

    @Override
    public List<EventLocation> eventsByPenalty(String penaltyId) {
        return locations(EvidenceKind.PENALTY, penaltyId);
    }

    @Override
    public List<EventLocation> eventsByParticipant(String participantId, long fromMs, long toMsExclusive) {
        return index.find(EventKeys.key(EvidenceKind.PARTICIPANT, participantId)).stream()
                .filter(e -> e.logicalTimeMs() >= fromMs && e.logicalTimeMs() < toMsExclusive)
                .map(AnchorIndex.Entry::location).distinct().toList();
    }

    private List<EventLocation> locations(EvidenceKind kind, String id) {
        return index.find(EventKeys.key(kind, id)).stream().map(AnchorIndex.Entry::location).distinct().toList();
    }

    @Override
    public Optional<AnchoredEvent> anchoredEvent(EventLocation location) {
        OptionalLong height = index.heightOf(location);
        if (height.isEmpty()) {
            return Optional.empty();
        }
        BlockContent content = content(height.getAsLong());
        int i = content.indexOf(location);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(new AnchoredEvent(location, content.bytes().get(i), content.height(),
                content.tree().inclusionProof(i)));
    }

    private BlockContent content(long height) {
        synchronized (cache) {
            BlockContent cached = cache.get(height);
            if (cached != null) {
                return cached;
            }
        }
        BlockContent read;
        try {
            read = BlockContent.read(reader, index.block(height).header());
        } catch (LogReader.LogReadException | BlockContent.MismatchException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        synchronized (cache) {
            cache.put(height, read);
        }
        return read;
    }

    @Override
    public long latestHeight() {
        return index.latestStampedHeight();
    }

    @Override
    public List<StoredBlock> blocks(long fromHeight, long toHeight) {
        return index.blocks(fromHeight, toHeight);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if no CRL is known (no CA directory here and no revocation event yet)
     */
    @Override
    public ConsortiumCertificates certificates() {
        X509CRL crl = index.crl().orElse(null);
        X509CRL file = crlFile();
        if (file != null && (crl == null || Crls.crlNumber(file) > Crls.crlNumber(crl))) {
            crl = file;
        }
        if (crl == null) {
            throw new IllegalStateException("no CRL of the issuing CA is known on this node");
        }
        return new ConsortiumCertificates(consortium.root(), consortium.issuingCa(), crl, consortium.validators());
    }

    private X509CRL crlFile() {
        Path f = consortium.crlFile();
        if (f == null || !Files.isRegularFile(f)) {
            return null;
        }
        try {
            X509CRL crl = Certificates.crlFromDer(Pem.decodeSingle(Files.readString(f, StandardCharsets.US_ASCII),
                    Set.of(Pem.X509_CRL)));
            crl.verify(consortium.issuingCa().getPublicKey(), BcProvider.get());
            return crl;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unusable CRL file " + f + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<X509Certificate> participantCertificate(String participantId, String serialHex) {
        return index.certificate(participantId, serialHex);
    }

    @Override
    public List<byte[]> timestampTokens(long height) {
        return index.tokens(height);
    }

    @Override
    public Optional<String> unanchoredMention(EvidenceSubject subject) {
        String key = EventKeys.key(subject.kind(), subject.id());
        Map<TopicPartition, Long> next = index.head().offsets();
        long indexed = index.height();
        int budget = tailScanLimit;
        try {
            for (String topic : anchoredTopics) {
                for (TopicPartition tp : reader.partitions(topic)) {
                    long from = next.getOrDefault(tp, 0L);
                    long end = reader.endOffset(tp);
                    if (end - from > budget) {
                        return Optional.of("the log holds more than " + tailScanLimit + " events not yet in an indexed "
                                + "committed block (indexed height " + indexed + "); one may be about " + subject
                                + "; retry shortly");
                    }
                    for (ReadEvent e : reader.read(tp, from, end)) {
                        budget--;
                        Optional<String> found = about(e, key, subject, indexed);
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
            }
        } catch (LogReader.LogReadException e) {
            return Optional.of("could not read the log beyond the indexed blocks (" + e.getMessage()
                    + "); an event about " + subject + " may be there; retry shortly");
        }
        return Optional.empty();
    }

    private Optional<String> about(ReadEvent e, String key, EvidenceSubject subject, long indexed) {
        SpecificRecord event;
        try {
            event = codec.decode(e.bytes());
        } catch (EventDecodingException ex) {
            return Optional.empty();
        }
        if (!EventKeys.of(event).contains(key)) {
            return Optional.empty();
        }
        long t = EventFacts.envelope(event).getLogicalTime();
        if (subject.kind() == EvidenceKind.PARTICIPANT && (t < subject.fromMs() || t >= subject.toMsExclusive())) {
            return Optional.empty();
        }
        return Optional.of(EventFacts.type(event) + " " + e.topicPartition() + "@" + e.offset() + " is about "
                + subject + " but is not yet in a committed, indexed block (indexed height " + indexed
                + "); retry shortly");
    }
}
