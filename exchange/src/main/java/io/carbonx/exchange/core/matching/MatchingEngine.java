package io.carbonx.exchange.core.matching;

import io.carbonx.events.Side;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The matching engine of one instrument: validation, trading sessions, continuous matching and call auction
 * uncrosses over one {@link OrderBook}. Single writer: one thread calls {@link #process}; not thread-safe.
 *
 * <p>Processing a command:
 * <ol>
 *   <li>a command whose time is before the previous command's time is rejected (TIME_WENT_BACKWARDS);</li>
 *   <li>logical time advances to the command's time, crossing every session boundary on the way in order,
 *       including a boundary at exactly the command's time (uncrosses, expiry, {@link PhaseChanged}, stamped
 *       with the boundary's time); this happens whether or not the command is then accepted. The very first
 *       command sets the phase from the timetable and emits a {@link PhaseChanged};</li>
 *   <li>the command is validated ({@link OrderValidator}); a rejection emits one {@link OrderRejected} and
 *       changes nothing else;</li>
 *   <li>otherwise it takes effect: continuous matching in CONTINUOUS, resting without matching in call phases.</li>
 * </ol>
 * The reference price starts at {@link InstrumentRules#referencePrice()} and is replaced by every auction
 * clearing price and {@link SetReferencePrice}; the price band follows it.
 */
public final class MatchingEngine {

    private final InstrumentRules rules;
    private final OrderBook book;
    private final SessionClock clock;
    private final OrderValidator validator;
    private final EventEmitter out;
    private final BookHasher hasher = new BookHasher();
    private long referencePrice;
    private PriceBand band;
    private long lastTimeMs = Long.MIN_VALUE;
    private long arrivalSequence;

    /** An engine with the production order book. */
    public MatchingEngine(InstrumentRules rules) {
        this(rules, FastOrderBook::new);
    }

    /** An engine over a book made by {@code bookFactory} (tests use a reference book). */
    MatchingEngine(InstrumentRules rules, Function<InstrumentRules, OrderBook> bookFactory) {
        this.rules = rules;
        this.book = bookFactory.apply(rules);
        this.clock = new SessionClock(rules.schedule());
        this.validator = new OrderValidator(rules);
        this.out = new EventEmitter(rules.instrumentId());
        setReference(rules.referencePrice());
    }

    /** Processes one command and returns its events in order. */
    public List<MatchEvent> process(Command command) {
        List<MatchEvent> events = new ArrayList<>(4);
        process(command, events::add);
        return events;
    }

    /** Processes one command, handing its events in order to {@code sink}. */
    public void process(Command command, EventSink sink) {
        long time = command.timeMs();
        out.begin(sink, time);
        if (time < lastTimeMs) {
            reject(command, RejectReason.TIME_WENT_BACKWARDS);
            return;
        }
        advanceTo(time);
        lastTimeMs = time;
        if (command instanceof PlaceOrder place) {
            place(place);
        } else if (command instanceof CancelOrder cancel) {
            cancel(cancel);
        } else if (command instanceof ReplaceOrder replace) {
            replace(replace);
        } else if (command instanceof CancelParticipantOrders massCancel) {
            cancelParticipant(massCancel);
        } else if (command instanceof SetReferencePrice reference) {
            referencePrice(reference);
        }
        // AdvanceTime: nothing beyond advancing time.
    }

    private void place(PlaceOrder c) {
        TradingPhase phase = clock.phase();
        RejectReason reason = validator.place(c, phase, band, book);
        if (reason != null) {
            reject(c, reason);
            return;
        }
        long sequence = ++arrivalSequence;
        out.accepted(c);
        if (phase == TradingPhase.CONTINUOUS) {
            book.match(c, sequence, out);
        } else {
            book.rest(c, sequence);
        }
    }

    private void cancel(CancelOrder c) {
        RejectReason reason = validator.cancel(c, book);
        if (reason != null) {
            reject(c, reason);
            return;
        }
        book.cancel(c.orderId(), c.reason() == null ? CancelReason.USER_REQUESTED : c.reason(), out);
    }

    private void replace(ReplaceOrder c) {
        TradingPhase phase = clock.phase();
        RejectReason reason = validator.replace(c, phase, band, book);
        if (reason != null) {
            reject(c, reason);
            return;
        }
        book.replace(c, ++arrivalSequence, phase == TradingPhase.CONTINUOUS, out);
    }

    private void cancelParticipant(CancelParticipantOrders c) {
        if (c.participantId() == null || c.participantId().isBlank()) {
            reject(c, RejectReason.INVALID_PARTICIPANT);
            return;
        }
        book.cancelParticipant(c.participantId(), out);
    }

    private void referencePrice(SetReferencePrice c) {
        RejectReason reason = validator.referencePrice(c);
        if (reason != null) {
            reject(c, reason);
            return;
        }
        setReference(c.price());
        out.referencePriceSet(c.price());
    }

    private void reject(Command c, RejectReason reason) {
        String orderId = null;
        String participantId = null;
        if (c instanceof PlaceOrder p) {
            orderId = p.orderId();
            participantId = p.participantId();
        } else if (c instanceof CancelOrder p) {
            orderId = p.orderId();
            participantId = p.participantId();
        } else if (c instanceof ReplaceOrder p) {
            orderId = p.orderId();
            participantId = p.participantId();
        } else if (c instanceof CancelParticipantOrders p) {
            participantId = p.participantId();
        }
        out.rejected(c.kind(), orderId, participantId, reason);
    }

    private void advanceTo(long time) {
        if (!clock.started()) {
            clock.start(time);
            out.phaseChanged(clock.phase());
            return;
        }
        while (true) {
            clock.skipIdleDays(time);
            long boundary = clock.nextBoundary();
            if (boundary > time) {
                break;
            }
            out.at(boundary);
            SessionClock.Action action = clock.advance();
            switch (action) {
                case OPENING_UNCROSS -> uncross(AuctionKind.OPENING);
                case PERIODIC_UNCROSS -> uncross(AuctionKind.PERIODIC);
                case CLOSING_UNCROSS -> {
                    uncross(AuctionKind.CLOSING);
                    book.expireDayOrders(out);
                }
                default -> { }
            }
            if (action != SessionClock.Action.PERIODIC_UNCROSS) {
                out.phaseChanged(clock.phase());
            }
        }
        out.at(time);
    }

    private void uncross(AuctionKind kind) {
        long price = book.uncross(kind, referencePrice, out);
        if (price > 0) {
            setReference(price);
        }
    }

    private void setReference(long price) {
        referencePrice = price;
        band = PriceBand.around(price, rules.bandBps());
    }

    /** The rules this engine enforces. */
    public InstrumentRules rules() {
        return rules;
    }

    /** The current trading phase (as of the last command's time). */
    public TradingPhase phase() {
        return clock.phase();
    }

    /** The current reference price (0 = none). */
    public long referencePrice() {
        return referencePrice;
    }

    /** The current price band. */
    public PriceBand priceBand() {
        return band;
    }

    /** Best bid price, or 0 if there is no bid. */
    public long bestBid() {
        return book.bestPrice(Side.BUY);
    }

    /** Best ask price, or 0 if there is no ask. */
    public long bestAsk() {
        return book.bestPrice(Side.SELL);
    }

    /** Number of resting orders. */
    public int orderCount() {
        return book.size();
    }

    /** A snapshot of a live order. */
    public Optional<RestingOrder> order(String orderId) {
        OrderView view = book.find(orderId);
        return view == null ? Optional.empty() : Optional.of(RestingOrder.of(view));
    }

    /** Snapshots of a side's resting orders in priority order. */
    public List<RestingOrder> restingOrders(Side side) {
        List<RestingOrder> orders = new ArrayList<>();
        book.forEachResting(side, view -> orders.add(RestingOrder.of(view)));
        return orders;
    }

    /** SHA-256 over the canonical encoding of the resting orders in priority order ({@link BookHasher}). */
    public byte[] bookHash() {
        return hasher.hash(book);
    }

    /**
     * SHA-256 over the book hash and the engine's own state: phase, reference price, trade and auction
     * sequences, last logical time. Equal for engines that processed the same commands.
     */
    public byte[] stateHash() {
        MessageDigest digest = BookHasher.newSha256();
        digest.update(bookHash());
        long[] values = {clock.phase().ordinal(), referencePrice, out.tradeSequence(), out.auctionSequence(),
                lastTimeMs};
        for (long value : values) {
            for (int i = 0; i < 8; i++) {
                digest.update((byte) (value >>> (56 - 8 * i)));
            }
        }
        return digest.digest();
    }
}
