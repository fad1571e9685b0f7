package io.carbonx.node.demo.check;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.Role;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeVenue;
import io.carbonx.node.demo.facts.DayFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Did the day contain what it must, according to the event log (not to what the demo believes it did)? Each check
 * reads {@link DayFacts} only, so a day missing a step fails its check.
 */
public final class ScenarioChecks {

    private final DayFacts facts;

    /** @param facts the log's events */
    public ScenarioChecks(DayFacts facts) {
        this.facts = facts;
    }

    /** At least {@code min} enterprises and one participant of each oversight role got certificates. */
    public CheckResult participants(int min) {
        long enterprises = facts.all(io.carbonx.events.ParticipantRegistered.class).stream()
                .filter(p -> p.getRole() == Role.ENTERPRISE).count();
        List<String> problems = new ArrayList<>();
        if (enterprises < min) {
            problems.add(enterprises + " enterprises registered, fewer than " + min);
        }
        for (Role r : List.of(Role.REGULATOR, Role.VERIFIER, Role.COURT)) {
            if (facts.all(io.carbonx.events.ParticipantRegistered.class).stream().noneMatch(p -> p.getRole() == r)) {
                problems.add("no " + r + " registered");
            }
        }
        return CheckResult.of("participants", problems, enterprises + " enterprises, a regulator, a verifier and a"
                + " court hold certificates of the consortium CA", "participants missing");
    }

    /** An uncross of {@code kind} on {@code instrument} executed something. */
    public CheckResult auction(String name, String instrument, AuctionKind kind) {
        List<AuctionCleared> found = facts.all(AuctionCleared.class).stream()
                .filter(a -> a.getKind() == kind && a.getInstrumentId().equals(instrument)).toList();
        long volume = found.stream().mapToLong(AuctionCleared::getExecutedQuantity).sum();
        List<String> problems = found.isEmpty() ? List.of("no " + kind + " auction of " + instrument + " cleared")
                : volume == 0 ? List.of(found.size() + " " + kind + " auction(s) of " + instrument + " executed nothing")
                : List.of();
        return CheckResult.of(name, problems, found.size() + " " + kind + " uncross(es) of " + instrument
                + ", " + volume + " units executed" + (found.isEmpty() ? "" : ", last at "
                + found.get(found.size() - 1).getClearingPriceMinor()), "missing");
    }

    /**
     * Every primary-auction win ({@code AuctionAllocated}) was credited by the registry ({@code QuotaAllocated} of
     * source PRIMARY_AUCTION with its allocation id and quantity) or refused to the winner ({@code RequestRejected
     * AUCTION_ALLOCATION}). SKIPPED when the registry answered none of them (a build whose registry does not consume
     * the exchange's {@code AuctionAllocated}).
     */
    public CheckResult primaryAllocations() {
        String name = "primary auction allocations credited";
        List<io.carbonx.events.AuctionAllocated> won = facts.all(io.carbonx.events.AuctionAllocated.class);
        java.util.Map<String, Long> credited = new java.util.TreeMap<>();
        facts.all(io.carbonx.events.QuotaAllocated.class).stream()
                .filter(q -> q.getSource() == io.carbonx.events.AllocationSource.PRIMARY_AUCTION)
                .forEach(q -> credited.put(q.getAllocationId(), q.getQuantity()));
        java.util.Set<String> refused = new java.util.TreeSet<>();
        facts.all(io.carbonx.events.RequestRejected.class).stream()
                .filter(r -> "AUCTION_ALLOCATION".equals(r.getRequestType()))
                .forEach(r -> refused.add(String.valueOf(r.getClientRequestId())));
        if (won.isEmpty()) {
            return CheckResult.failed(name, "the primary auction allocated nothing", List.of());
        }
        if (credited.isEmpty() && refused.isEmpty()) {
            return CheckResult.skipped(name, "the registry does not consume AuctionAllocated on this build: the "
                    + won.size() + " wins were published by the exchange but neither credited nor refused");
        }
        List<String> problems = new ArrayList<>();
        long units = 0;
        for (io.carbonx.events.AuctionAllocated a : won) {
            Long q = credited.get(a.getAllocationId());
            if (q == null && !refused.contains(a.getAllocationId())) {
                problems.add(a.getAllocationId() + ": won " + a.getQuantity() + " but neither credited nor refused");
            } else if (q != null && q != a.getQuantity()) {
                problems.add(a.getAllocationId() + ": won " + a.getQuantity() + " but credited " + q);
            } else if (q != null) {
                units += q;
            }
        }
        return CheckResult.of(name, problems, won.size() + " wins: " + credited.size() + " credited (" + units
                + " units, paid at the clearing price), " + refused.size() + " refused", "wins lost");
    }

    /** Trades on {@code venue} happened. */
    public CheckResult venue(String name, TradeVenue venue, String instrument) {
        List<TradeExecuted> trades = facts.all(TradeExecuted.class).stream()
                .filter(t -> t.getVenue() == venue && (instrument == null || t.getInstrumentId().equals(instrument)))
                .toList();
        long volume = trades.stream().mapToLong(TradeExecuted::getQuantity).sum();
        return CheckResult.of(name, trades.isEmpty() ? List.of("no " + venue + " trade") : List.of(),
                trades.size() + " " + venue + " trades, " + volume + " units", "missing");
    }

    /** Agreement {@code id} was registered and settled delivery-versus-payment. */
    public CheckResult agreementSettled(String id) {
        boolean registered = facts.all(io.carbonx.events.AgreementRegistered.class).stream()
                .anyMatch(a -> a.getAgreementId().equals(id));
        Optional<TradeSettled> settled = facts.all(TradeSettled.class).stream()
                .filter(t -> t.getTradeId().equals(id)).findFirst();
        List<String> problems = new ArrayList<>();
        if (!registered) {
            problems.add("agreement " + id + " was not registered");
        }
        if (settled.isEmpty()) {
            problems.add("agreement " + id + " did not settle");
        }
        return CheckResult.of("agreement trade", problems, "agreement " + id + " registered with both signatures and"
                + settled.map(t -> " settled: " + t.getQuantity() + " units for " + t.getNotionalMinor()).orElse(""),
                "agreement incomplete");
    }

    /**
     * A default of {@code kind} by {@code defaulter} whose deposit moved to the counterparty.
     *
     * @return the check and the default's id (null if none)
     */
    public Found defaultMoved(String name, String defaulter, DefaultKind kind) {
        for (DefaultRecorded d : facts.all(DefaultRecorded.class)) {
            if (d.getDefaulterId().equals(defaulter) && d.getKind() == kind) {
                Optional<DepositForfeited> f = facts.all(DepositForfeited.class).stream()
                        .filter(x -> x.getDefaultId().equals(d.getDefaultId())).findFirst();
                List<String> problems = f.isEmpty() ? List.of("no forfeit of default " + d.getDefaultId())
                        : !f.get().getToParticipantId().equals(d.getCounterpartyId())
                        ? List.of("the deposit went to " + f.get().getToParticipantId() + ", not the counterparty "
                        + d.getCounterpartyId()) : f.get().getAmountMinor() <= 0
                        ? List.of("the forfeited deposit is " + f.get().getAmountMinor()) : List.of();
                return new Found(CheckResult.of(name, problems, kind + " default " + d.getDefaultId() + " of "
                        + defaulter + ": deposit " + f.map(DepositForfeited::getAmountMinor).orElse(0L)
                        + " moved to the counterparty " + d.getCounterpartyId(), "deposit not moved"),
                        d.getDefaultId());
            }
        }
        return new Found(CheckResult.failed(name, "no " + kind + " default of " + defaulter, List.of()), null);
    }

    /** A check with the id of what it found. */
    public record Found(CheckResult check, String id) {
    }

    /** {@code participant} was frozen and then cancelled. */
    public CheckResult frozenAndCancelled(String participant) {
        boolean frozen = facts.all(AccountFrozen.class).stream().anyMatch(f -> f.getParticipantId().equals(participant));
        boolean cancelled = facts.all(AccountCancelled.class).stream()
                .anyMatch(c -> c.getParticipantId().equals(participant));
        List<String> problems = new ArrayList<>();
        if (!frozen) {
            problems.add(participant + " was never frozen");
        }
        if (!cancelled) {
            problems.add(participant + " was never cancelled");
        }
        long others = facts.all(AccountFrozen.class).stream().filter(f -> !f.getParticipantId().equals(participant))
                .count();
        return CheckResult.of("freeze and cancellation", problems, participant + " frozen by the regulator, then"
                + " cancelled (holdings to escrow); " + others + " other freeze(s) by the rules", "missing");
    }

    /** {@code participant}'s grade fell because of its default. */
    public CheckResult ratingFell(String participant, String defaultId) {
        List<CreditRatingChanged> changes = facts.all(CreditRatingChanged.class).stream()
                .filter(c -> c.getParticipantId().equals(participant) && c.getScore() < c.getPreviousScore())
                .toList();
        long total = facts.all(CreditRatingChanged.class).size();
        List<String> problems = changes.isEmpty() ? List.of("no rating of " + participant + " fell") : List.of();
        return CheckResult.of("rating change", problems, changes.stream().map(c -> c.getPreviousGrade() + " -> "
                + c.getGrade() + " (" + c.getCauseEventType() + ")").toList() + " for " + participant
                + (defaultId == null ? "" : " after default " + defaultId) + "; " + total
                + " rating changes in the day", "no downgrade");
    }

    /** The order accepted after the downgrade locked a larger share of the same notional than the one before. */
    public CheckResult depositShare(String beforeOrder, String afterOrder) {
        Optional<io.carbonx.events.OrderAccepted> before = accepted(beforeOrder);
        Optional<io.carbonx.events.OrderAccepted> after = accepted(afterOrder);
        if (before.isEmpty() || after.isEmpty()) {
            return CheckResult.failed("deposit share follows the grade", "the probe orders " + beforeOrder + " / "
                    + afterOrder + " are not both accepted in the log", List.of());
        }
        var b = before.get();
        var a = after.get();
        List<String> problems = new ArrayList<>();
        if (a.getDepositShareBps() <= b.getDepositShareBps() || a.getDepositLockedMinor() <= b.getDepositLockedMinor()) {
            problems.add("the deposit did not grow: " + b.getDepositShareBps() + " -> " + a.getDepositShareBps()
                    + " bps");
        }
        return CheckResult.of("deposit share follows the grade", problems, "same notional, grade " + b.getGrade()
                + " locked " + b.getDepositLockedMinor() + " (" + b.getDepositShareBps() + " bps), grade "
                + a.getGrade() + " locks " + a.getDepositLockedMinor() + " (" + a.getDepositShareBps() + " bps)",
                "deposit unchanged");
    }

    /**
     * At one price, the better-graded later order was filled before the earlier worse-graded one: the first fill of
     * either (trades of one instrument are in execution order in the log) is the better one's. The worse one may be
     * filled later in the day.
     */
    public CheckResult priority(String worseEarlier, String betterLater) {
        String first = facts.all(TradeExecuted.class).stream().map(TradeExecuted::getBuyOrderId)
                .filter(id -> betterLater.equals(id) || worseEarlier.equals(id)).findFirst().orElse(null);
        Optional<io.carbonx.events.OrderAccepted> w = accepted(worseEarlier);
        Optional<io.carbonx.events.OrderAccepted> b = accepted(betterLater);
        List<String> problems = betterLater.equals(first) ? List.of() : List.of("the first fill at that price went to "
                + (first == null ? "neither order" : "the earlier worse-graded " + worseEarlier));
        return CheckResult.of("priority follows the grade", problems, "at equal price the " + b.map(x ->
                x.getGrade().toString()).orElse("?") + " order (second in time) was filled before the " + w.map(x ->
                x.getGrade().toString()).orElse("?") + " order (first in time)", "time won over grade");
    }

    private Optional<io.carbonx.events.OrderAccepted> accepted(String orderId) {
        return facts.all(io.carbonx.events.OrderAccepted.class).stream().filter(o -> o.getOrderId().equals(orderId))
                .findFirst();
    }

    /** The annual settlement covered every enterprise still active and penalised every shortfall by policy. */
    public CheckResult compliance(int year, long expectedSettled) {
        List<ComplianceSettled> settled = facts.all(ComplianceSettled.class).stream()
                .filter(c -> c.getYear() == year).toList();
        List<PenaltyApplied> penalties = facts.all(PenaltyApplied.class).stream().filter(p -> p.getYear() == year)
                .toList();
        List<String> problems = new ArrayList<>();
        if (settled.size() < expectedSettled) {
            problems.add(settled.size() + " enterprises settled for " + year + ", expected " + expectedSettled);
        }
        long shortfalls = settled.stream().filter(c -> c.getShortfallTonnes() > 0).count();
        if (penalties.size() != shortfalls) {
            problems.add(shortfalls + " shortfalls but " + penalties.size() + " penalties");
        }
        for (PenaltyApplied p : penalties) {
            if (p.getAmountMinor() != Math.multiplyExact(p.getShortfallTonnes(), p.getRatePerTonneMinor())
                    || p.getPaidMinor() + p.getDebtMinor() != p.getAmountMinor()) {
                problems.add("penalty " + p.getPenaltyId() + " is not shortfall x rate = paid + debt");
            }
        }
        if (penalties.isEmpty()) {
            problems.add("no penalty in the " + year + " settlement");
        }
        return CheckResult.of("annual compliance", problems, settled.size() + " enterprises settled for " + year
                + ", " + shortfalls + " shortfalls, " + penalties.size() + " penalties = shortfall x rate",
                "settlement incomplete");
    }
}
