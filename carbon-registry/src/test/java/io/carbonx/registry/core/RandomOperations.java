package io.carbonx.registry.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.ChangeCreditGrade;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.command.LedgerCommand.DefineInstrument;
import io.carbonx.registry.core.command.LedgerCommand.DepositFunds;
import io.carbonx.registry.core.command.LedgerCommand.ExpireOrder;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.IssueOffsets;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.command.LedgerCommand.RecordTrade;
import io.carbonx.registry.core.command.LedgerCommand.RecordVerifiedEmissions;
import io.carbonx.registry.core.command.LedgerCommand.RegisterAgreement;
import io.carbonx.registry.core.command.LedgerCommand.ReportExternalDefault;
import io.carbonx.registry.core.command.LedgerCommand.RunAnnualSettlement;
import io.carbonx.registry.core.command.LedgerCommand.SubmitOrder;
import io.carbonx.registry.core.command.LedgerCommand.SurrenderAllowances;
import io.carbonx.registry.core.command.LedgerCommand.UnfreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.WithdrawFunds;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.OpenOrder;
import io.carbonx.registry.core.state.PendingTrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of every ledger command, mostly plausible (so orders fill, trades settle, defaults and
 * penalties happen) and sometimes wrong (unknown ids, reused references, bad amounts, wrong roles), drawn
 * against the current state so that fills match real open orders.
 */
final class RandomOperations {
    static final String REG = "REG";
    static final String VER = "VER";
    static final String ARB = "ARB";
    static final String OPS = "OPS";
    static final String[] INSTRUMENTS = {"ALW-2025", "ALW-2026", "OFS", "NOPE"};

    private final Random rnd;
    private final List<String> enterprises = new ArrayList<>(List.of("E1", "E2", "E3", "E4", "E5"));
    private long now = LedgerFixture.T0;
    private int ids;
    private int complianceYear = 2025;

    RandomOperations(long seed) {
        this.rnd = new Random(seed);
    }

    /** The commands that set up the cast; all must be accepted. */
    List<LedgerCommand> genesis() {
        List<LedgerCommand> out = new ArrayList<>();
        out.add(new OpenAccount(REG, Role.REGULATOR, now));
        out.add(new OpenAccount(VER, Role.VERIFIER, now));
        out.add(new OpenAccount(ARB, Role.ARBITRATOR, now));
        out.add(new OpenAccount(OPS, Role.EXCHANGE, now));
        enterprises.forEach(e -> out.add(new OpenAccount(e, Role.ENTERPRISE, now)));
        out.add(new DefineInstrument(REG, "ALW-2025", InstrumentKind.ALLOWANCE, 2025, now));
        out.add(new DefineInstrument(REG, "ALW-2026", InstrumentKind.ALLOWANCE, 2026, now));
        out.add(new DefineInstrument(REG, "OFS", InstrumentKind.OFFSET, 2024, now));
        return out;
    }

    /** @return current logical time */
    long now() {
        return now;
    }

    /** Tells the generator an annual settlement of {@code year} went through. */
    void yearSettled(int year) {
        complianceYear = year + 1;
    }

    LedgerCommand next(LedgerState s) {
        now += rnd.nextInt(300);
        int roll = rnd.nextInt(150);
        if (roll < 18) {
            return deposit();
        } else if (roll < 26) {
            return withdraw(s);
        } else if (roll < 32) {
            return new AllocateAllowances(ref(), pick(REG, REG, REG, VER), party(), instrument(), qty(400), now);
        } else if (roll < 35) {
            long from = rnd.nextInt(5_000);
            return new IssueOffsets(ref(), REG, party(), pick("OFS", "OFS", "ALW-2025"), from,
                    from + rnd.nextInt(60) - 2, now);
        } else if (roll < 39) {
            CreditGrade g = CreditGrade.values()[rnd.nextInt(CreditGrade.values().length)];
            return new ChangeCreditGrade(party(), g, now);
        } else if (roll < 66) {
            return order(s);
        } else if (roll < 72) {
            return new CancelOrder(orderId(s), now);
        } else if (roll < 75) {
            return new ExpireOrder(orderId(s), now);
        } else if (roll < 97) {
            return trade(s);
        } else if (roll < 102) {
            return new RegisterAgreement("ag" + (++ids), party(), party(), instrument(), price(), qty(30),
                    now + rnd.nextInt(6_000) - 500, now);
        } else if (roll < 111) {
            return new CloseSettlementWindow(rnd.nextInt(20) == 0 ? now - 5_000 : now);
        } else if (roll < 114) {
            return externalDefault(s);
        } else if (roll < 121) {
            return regulator(s);
        } else if (roll < 126) {
            return new RecordVerifiedEmissions(pick(VER, VER, VER, REG), party(), complianceYear + rnd.nextInt(2),
                    rnd.nextInt(60) - 1, now);
        } else if (roll < 140) {
            return surrender(s);
        } else if (roll < 141) {
            return new RunAnnualSettlement(pick(REG, REG, REG, VER), complianceYear + (rnd.nextInt(8) == 0 ? 1 : 0),
                    now);
        } else if (roll < 145) {
            String e = "E" + (enterprises.size() + 1);
            enterprises.add(e);
            return new OpenAccount(e, Role.ENTERPRISE, now);
        }
        return garbage();
    }

    private LedgerCommand deposit() {
        String p = rnd.nextInt(15) == 0 ? OPS : party();
        long max = pick(200_00L, 2_000_00L, 20_000_00L, 60_000_00L);
        return new DepositFunds(ref(), p, amount(max), now);
    }

    private LedgerCommand order(LedgerState s) {
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        String p = party();
        String instrument = instrument();
        long qty = qty(60);
        if (side == Side.SELL && rnd.nextInt(4) != 0) {
            // mostly sell what the participant holds
            var holder = s.account(p).filter(a -> !a.holdings().isEmpty());
            if (holder.isPresent()) {
                List<String> held = new ArrayList<>(holder.get().holdings().keySet());
                instrument = held.get(rnd.nextInt(held.size()));
                qty = 1 + rnd.nextInt((int) Math.min(holder.get().holding(instrument), 60));
            }
        }
        long price = side == Side.BUY ? 15_00 + rnd.nextInt(30_00) : 5_00 + rnd.nextInt(30_00);
        return new SubmitOrder("o" + (++ids), p, instrument, side, price, qty, now);
    }

    private LedgerCommand withdraw(LedgerState s) {
        String p = party();
        if (rnd.nextInt(3) == 0) {
            long all = s.account(p).map(a -> a.cashMinor()).orElse(1L);
            return new WithdrawFunds(ref(), p, Math.max(all, 1), now);
        }
        return new WithdrawFunds(ref(), p, amount(20_000_00), now);
    }

    private LedgerCommand surrender(LedgerState s) {
        if (rnd.nextInt(3) != 0) {
            List<String> obliged = new ArrayList<>();
            s.compliance().records().forEach((p, years) -> {
                var r = years.get(complianceYear);
                if (r != null && r.emissionsRecorded() && r.remainingObligation() > 0) {
                    obliged.add(p);
                }
            });
            if (!obliged.isEmpty()) {
                String p = obliged.get(rnd.nextInt(obliged.size()));
                var a = s.account(p).orElseThrow();
                if (!a.holdings().isEmpty()) {
                    List<String> held = new ArrayList<>(a.holdings().keySet());
                    String i = held.get(rnd.nextInt(held.size()));
                    long max = Math.min(a.holding(i), s.compliance().record(p, complianceYear).orElseThrow()
                            .remainingObligation());
                    return new SurrenderAllowances(ref(), p, complianceYear, i, 1 + (long) (rnd.nextDouble() * max),
                            now);
                }
            }
        }
        return new SurrenderAllowances(ref(), party(), complianceYear, instrument(), qty(80), now);
    }

    private LedgerCommand trade(LedgerState s) {
        List<OpenOrder[]> crossing = new ArrayList<>();
        for (OpenOrder b : s.openOrders().values()) {
            for (OpenOrder o : s.openOrders().values()) {
                if (b.side() == Side.BUY && o.side() == Side.SELL && b.instrumentId().equals(o.instrumentId())
                        && b.priceMinor() >= o.priceMinor() && !b.participantId().equals(o.participantId())) {
                    crossing.add(new OpenOrder[] {b, o});
                }
            }
        }
        String tradeId = rnd.nextInt(30) == 0 && !s.pendingTrades().isEmpty()
                ? s.pendingTrades().firstKey() : "t" + (++ids);
        if (crossing.isEmpty() && rnd.nextInt(4) != 0) {
            return order(s);
        }
        if (crossing.isEmpty() || rnd.nextInt(12) == 0) {
            return new RecordTrade(tradeId, orderId(s), orderId(s), price(), qty(10), now);
        }
        OpenOrder[] pair = crossing.get(rnd.nextInt(crossing.size()));
        OpenOrder b = pair[0];
        OpenOrder o = pair[1];
        long price = o.priceMinor() + (long) (rnd.nextDouble() * (b.priceMinor() - o.priceMinor()));
        long max = Math.min(b.remaining(), o.remaining());
        long q = rnd.nextInt(3) == 0 ? max : 1 + rnd.nextInt((int) Math.min(max, 1_000));
        return new RecordTrade(tradeId, b.orderId(), o.orderId(), price, q + (rnd.nextInt(40) == 0 ? 1 : 0), now);
    }

    private LedgerCommand externalDefault(LedgerState s) {
        DefaultKind kind = pick(DefaultKind.EXTERNAL_BANK, DefaultKind.ARBITRATION_RULING, DefaultKind.PAYMENT);
        String actor = kind == DefaultKind.EXTERNAL_BANK ? pick(OPS, REG, ARB) : pick(ARB, ARB, "E1");
        if (s.pendingTrades().isEmpty()) {
            return new ReportExternalDefault(ref(), actor, kind, "t-none", "E1", 0, now);
        }
        List<PendingTrade> pending = new ArrayList<>(s.pendingTrades().values());
        PendingTrade t = pending.get(rnd.nextInt(pending.size()));
        String defaulter = pick(t.buyerId(), t.sellerId(), t.buyerId(), t.sellerId(), party());
        long loss = rnd.nextInt(3) == 0 ? -1 + rnd.nextInt(2) : (long) (rnd.nextDouble() * t.notionalMinor());
        return new ReportExternalDefault(ref(), actor, kind, t.tradeId(), defaulter, loss, now);
    }

    private LedgerCommand regulator(LedgerState s) {
        String actor = rnd.nextInt(10) == 0 ? "E1" : REG;
        List<String> frozen = new ArrayList<>();
        s.accounts().values().stream().filter(a -> a.status() == AccountStatus.FROZEN)
                .forEach(a -> frozen.add(a.id()));
        String target = !frozen.isEmpty() && rnd.nextInt(4) != 0 ? frozen.get(rnd.nextInt(frozen.size())) : party();
        return switch (rnd.nextInt(12)) {
            case 0, 1 -> new FreezeAccount(actor, party(), now);
            case 11 -> new CancelAccount(actor, target, now);
            default -> new UnfreezeAccount(actor, target, now);
        };
    }

    private LedgerCommand garbage() {
        return switch (rnd.nextInt(6)) {
            case 0 -> new DepositFunds(null, party(), 10, now);
            case 1 -> new SubmitOrder("o" + (++ids), party(), instrument(), Side.BUY, -price(), qty(5), now);
            case 2 -> new WithdrawFunds(ref(), "GHOST", 10, now);
            case 3 -> new OpenAccount("E1", Role.ENTERPRISE, now);
            case 4 -> new SurrenderAllowances(ref(), party(), 1800, "ALW-2025", 1, now);
            default -> new RecordTrade(null, "x", "y", 1, 1, -1);
        };
    }

    private String orderId(LedgerState s) {
        if (rnd.nextInt(6) == 0 || s.openOrders().isEmpty()) {
            return "o" + rnd.nextInt(ids + 2);
        }
        List<String> open = new ArrayList<>(s.openOrders().keySet());
        return open.get(rnd.nextInt(open.size()));
    }

    private String ref() {
        return rnd.nextInt(40) == 0 && ids > 0 ? "r" + rnd.nextInt(ids) : "r" + (++ids);
    }

    private String party() {
        if (rnd.nextInt(12) != 0) {
            return enterprises.get(rnd.nextInt(enterprises.size()));
        }
        return pick(VER, "EXCHANGE", "REGULATOR-ESCROW", "GHOST");
    }

    private String instrument() {
        int k = rnd.nextInt(20);
        return k < 9 ? INSTRUMENTS[0] : k < 14 ? INSTRUMENTS[1] : k < 19 ? INSTRUMENTS[2] : INSTRUMENTS[3];
    }

    private long price() {
        return 5_00 + rnd.nextInt(40_00);
    }

    private long qty(int max) {
        return rnd.nextInt(30) == 0 ? -rnd.nextInt(2) : 1 + rnd.nextInt(max);
    }

    private long amount(long max) {
        return rnd.nextInt(30) == 0 ? -rnd.nextInt(2) : 1 + (long) (rnd.nextDouble() * max);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
