package io.carbonx.rating.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import io.carbonx.events.CreditRatingChanged;

/**
 * Per participant, the current rating and the full history of its changes, folded from the CreditRatingChanged
 * events of the ratings topic. Any process can build one (it needs only the topic), so the queries can be served
 * anywhere.
 *
 * <p>Contract: {@link #apply} is called by one feeding thread in topic order (per participant, the order in which the
 * rating service published); the queries may be called from any thread at any time and see, per participant, a
 * consistent prefix of that order. An event whose id was already applied is ignored (the topic is read
 * {@code read_committed}, so this happens only if a feed is replayed). Memory grows with the number of changes, which
 * is what the history endpoint must serve.
 */
public final class RatingReadModel implements RatingQueries {

    /** Histories are replaced, never mutated, so readers need no lock. */
    private final ConcurrentSkipListMap<String, List<RatingView>> histories = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();

    /**
     * @param event a published rating change
     * @return false if an event with the same id was already applied (nothing changes)
     */
    public boolean apply(CreditRatingChanged event) {
        RatingView view = RatingView.of(event);
        if (seen.putIfAbsent(view.eventId(), Boolean.TRUE) != null) {
            return false;
        }
        histories.compute(view.participantId(), (p, old) -> {
            List<RatingView> next = new ArrayList<>(old == null ? 1 : old.size() + 1);
            if (old != null) {
                next.addAll(old);
            }
            next.add(view);
            return List.copyOf(next);
        });
        applied.incrementAndGet();
        return true;
    }

    @Override
    public Optional<RatingView> current(String participantId) {
        List<RatingView> h = participantId == null ? null : histories.get(participantId);
        return h == null ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    @Override
    public List<RatingView> history(String participantId) {
        return participantId == null ? List.of() : histories.getOrDefault(participantId, List.of());
    }

    @Override
    public List<RatingView> all() {
        List<RatingView> latest = new ArrayList<>(histories.size());
        for (List<RatingView> h : histories.values()) {
            latest.add(h.get(h.size() - 1));
        }
        return List.copyOf(latest);
    }

    /** @return the number of participants with a rating */
    public int participants() {
        return histories.size();
    }

    /** @return the number of changes applied */
    public long changesApplied() {
        return applied.get();
    }
}
