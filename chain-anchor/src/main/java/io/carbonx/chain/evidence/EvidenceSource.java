package io.carbonx.chain.evidence;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What {@link BundleBuilder} needs from the anchoring runtime: finding events, their anchoring, block headers,
 * certificates and time-stamp tokens. The runtime implements it over its block store and read models;
 * {@code InMemoryEvidenceSource} implements it for tests.
 *
 * <p>Finders return the locations of the events that mention the id (any order, no duplicates); an empty list
 * means none. Implementations must be safe to call from one thread at a time at least.
 */
public interface EvidenceSource {

    /** The chain id. */
    String chainId();

    /** Events about a trade: its {@code TradeExecuted}, settlement, deposits, defaults referring to it. */
    List<EventLocation> eventsByTrade(String tradeId);

    /** Events about an order: {@code OrderSubmitted} (with the signed request), acceptance, cancellation... */
    List<EventLocation> eventsByOrder(String orderId);

    /** Events about a default: {@code DefaultReported}, {@code DefaultRecorded}, forfeited deposits... */
    List<EventLocation> eventsByDefault(String defaultId);

    /** Events about a penalty: {@code PenaltyApplied}. */
    List<EventLocation> eventsByPenalty(String penaltyId);

    /** Events involving a participant with logical time in {@code [fromMs, toMsExclusive)}. */
    List<EventLocation> eventsByParticipant(String participantId, long fromMs, long toMsExclusive);

    /** The anchoring of a stored event: bytes, block height, inclusion proof; empty if not (yet) in a committed block. */
    Optional<AnchoredEvent> anchoredEvent(EventLocation location);

    /**
     * Height of the newest committed block a bundle may end at: its commit certificate is held and, for a source
     * whose blocks are time-stamped after they commit, it is the newest time-stamped block. An event in a block
     * above it is not yet bundled ({@link EvidenceFailure#NOT_YET_TIMESTAMPED}).
     */
    long latestHeight();

    /** The committed blocks {@code fromHeight..toHeight} (inclusive), ascending, contiguous. */
    List<StoredBlock> blocks(long fromHeight, long toHeight);

    /** Root, issuing CA, newest CRL and the validators' certificates. */
    ConsortiumCertificates certificates();

    /** A participant's certificate by participant id and serial (lower-case hex), revoked ones included. */
    Optional<X509Certificate> participantCertificate(String participantId, String serialHex);

    /** The DER {@code TimeStampToken}s obtained for block {@code height} (as {@code BlockTimestamped} carries them). */
    List<byte[]> timestampTokens(long height);

    /**
     * Asked only when no anchored event mentions {@code subject}: why, if the source can tell that the log holds an
     * event about it which is not yet anchored (or not yet indexed). A non-empty answer makes the failure
     * {@link EvidenceFailure#NOT_YET_ANCHORED} with that detail instead of {@link EvidenceFailure#SUBJECT_NOT_FOUND}.
     * The default: the source cannot tell.
     */
    default Optional<String> unanchoredMention(EvidenceSubject subject) {
        return Optional.empty();
    }
}
