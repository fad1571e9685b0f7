package io.carbonx.benchmarks;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.exchange.core.matching.AdvanceTime;
import io.carbonx.exchange.core.matching.CancelOrder;
import io.carbonx.exchange.core.matching.Command;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.core.matching.MatchEvent;
import io.carbonx.exchange.core.matching.MatchingEngine;
import io.carbonx.exchange.core.matching.OrderAccepted;
import io.carbonx.exchange.core.matching.OrderCancelled;
import io.carbonx.exchange.core.matching.OrderRejected;
import io.carbonx.exchange.core.matching.OrderReplaced;
import io.carbonx.exchange.core.matching.PlaceOrder;
import io.carbonx.exchange.core.matching.ReplaceOrder;
import io.carbonx.exchange.core.matching.SessionSchedule;
import io.carbonx.exchange.core.matching.TradeExecuted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Pre-generated command streams for the matching benchmarks, built by simulating the engine so every
 * cancel and replace targets a live order.
 *
 * <p>The standard mix: passive limit orders (GTC, DAY) near the touch, aggressive limit orders (IOC or GTC
 * through the touch), cancels (more of them while the book is above its target size), replaces (half a
 * quantity reduction keeping priority, half a price move) and market IOC orders; 100 participants with mixed
 * grades, so self-trade prevention happens. {@link #composition} reports the exact shares. The stream ends by cancelling every live order, so it is a
 * closed cycle: replaying it leaves the book empty and can start again with the same order ids.
 */
public final class MatchingWorkload {

    /** The logical time of every command in the mix (continuous-only instrument: time plays no role). */
    public static final long TIME_MS = 1_000_000L;

    private static final CreditGrade[] GRADES = {CreditGrade.AAA, CreditGrade.AA, CreditGrade.A, CreditGrade.BBB,
        CreditGrade.BB, CreditGrade.B, CreditGrade.CCC, CreditGrade.UNRATED};
    private static final long MID = 100_000;

    private MatchingWorkload() {
    }

    /** Continuous-only instrument, tick 1, lot 1, price-grade-time, cancel-resting. */
    public static InstrumentRules continuousRules() {
        return InstrumentRules.builder("BENCH").schedule(SessionSchedule.continuousOnly()).build();
    }

    /** The standard mix: {@code size} commands plus the closing cancels, book held near {@code targetBook}. */
    public static Command[] standardMix(long seed, int size, int targetBook) {
        return new Generator(seed, targetBook).run(size);
    }

    /**
     * Replays the cycle once on {@code engine} and fails if any command is rejected or any order remains:
     * the benchmark must measure real work, not rejections.
     */
    public static void verifyCycle(MatchingEngine engine, Command[] commands) {
        long[] rejected = {0};
        for (Command c : commands) {
            engine.process(c, e -> {
                if (e instanceof OrderRejected) {
                    rejected[0]++;
                }
            });
        }
        if (rejected[0] != 0 || engine.orderCount() != 0) {
            throw new IllegalStateException("workload not a clean cycle: " + rejected[0] + " rejections, "
                    + engine.orderCount() + " orders left");
        }
    }

    /** The composition of a command stream, e.g. "PLACE LIMIT GTC 31.2%, CANCEL 27.9%, ...", largest first. */
    public static String composition(Command[] commands) {
        Map<String, Integer> counts = new HashMap<>();
        for (Command c : commands) {
            String key = c.kind().name();
            if (c instanceof PlaceOrder p) {
                key += " " + p.type() + " " + p.timeInForce();
            }
            counts.merge(key, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries) {
            parts.add(String.format(Locale.ROOT, "%s %.1f%%", e.getKey(),
                    100.0 * e.getValue() / commands.length));
        }
        return commands.length + " commands: " + String.join(", ", parts);
    }

    private static final class Generator {
        private final Random random;
        private final int targetBook;
        private final MatchingEngine engine = new MatchingEngine(continuousRules());
        private final List<Command> commands = new ArrayList<>();
        private final List<String> live = new ArrayList<>();
        private final Map<String, Integer> position = new HashMap<>();
        private final Map<String, long[]> state = new HashMap<>();
        private final Map<String, String> owners = new HashMap<>();
        private final CreditGrade[] participantGrades = new CreditGrade[100];
        private long nextId;

        Generator(long seed, int targetBook) {
            random = new Random(seed);
            this.targetBook = targetBook;
            for (int i = 0; i < participantGrades.length; i++) {
                participantGrades[i] = GRADES[random.nextInt(GRADES.length)];
            }
        }

        Command[] run(int size) {
            engine.process(new AdvanceTime(TIME_MS));
            while (commands.size() < size) {
                emit(next());
            }
            for (String id : new ArrayList<>(live)) {
                emit(new CancelOrder(id, owners.get(id), TIME_MS));
            }
            return commands.toArray(new Command[0]);
        }

        private Command next() {
            int roll = random.nextInt(100);
            int cancelShare = live.size() > targetBook ? 40 : 20;
            if (roll < cancelShare && !live.isEmpty()) {
                String id = live.get(random.nextInt(live.size()));
                return new CancelOrder(id, owners.get(id), TIME_MS);
            }
            roll = random.nextInt(100);
            if (roll < 20 && !live.isEmpty()) {
                return replace(live.get(random.nextInt(live.size())));
            }
            if (roll < 32) {
                return newOrder(OrderType.MARKET, TimeInForce.IOC, 0, 1 + random.nextInt(20));
            }
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            if (roll < 44) {
                long price = side == Side.BUY ? MID + random.nextInt(5) : MID - random.nextInt(5);
                TimeInForce tif = random.nextBoolean() ? TimeInForce.IOC : TimeInForce.GTC;
                return newOrder(side, OrderType.LIMIT, tif, price, 1 + random.nextInt(30));
            }
            long away = 1 + (long) Math.abs(random.nextGaussian() * 15);
            long price = side == Side.BUY ? MID - away : MID + away;
            TimeInForce tif = random.nextInt(4) == 0 ? TimeInForce.DAY : TimeInForce.GTC;
            return newOrder(side, OrderType.LIMIT, tif, price, 1 + random.nextInt(50));
        }

        private Command newOrder(OrderType type, TimeInForce tif, long price, long qty) {
            return newOrder(random.nextBoolean() ? Side.BUY : Side.SELL, type, tif, price, qty);
        }

        private Command newOrder(Side side, OrderType type, TimeInForce tif, long price, long qty) {
            int participant = random.nextInt(participantGrades.length);
            return new PlaceOrder("o" + (++nextId), "P" + participant, side, type, tif, price, qty,
                    participantGrades[participant], TIME_MS);
        }

        private Command replace(String id) {
            long[] s = state.get(id);
            long price = s[0];
            long remaining = s[1];
            if (random.nextBoolean() && remaining > 1) {
                return new ReplaceOrder(id, owners.get(id), price, 1 + random.nextInt((int) (remaining - 1)),
                        TIME_MS);
            }
            long move = random.nextInt(7) - 3;
            return new ReplaceOrder(id, owners.get(id), Math.max(1, price + (move == 0 ? 1 : move)),
                    1 + random.nextInt(50), TIME_MS);
        }

        private void emit(Command command) {
            commands.add(command);
            for (MatchEvent e : engine.process(command)) {
                observe(e);
            }
        }

        private void observe(MatchEvent e) {
            if (e instanceof OrderAccepted a) {
                add(a.orderId(), a.participantId(), a.price(), a.quantity());
            } else if (e instanceof OrderReplaced r) {
                state.get(r.orderId())[0] = r.newPrice();
                state.get(r.orderId())[1] = r.newQuantity();
            } else if (e instanceof TradeExecuted t) {
                remaining(t.buyOrderId(), t.buyRemaining());
                remaining(t.sellOrderId(), t.sellRemaining());
            } else if (e instanceof OrderCancelled c) {
                remove(c.orderId());
            } else if (e instanceof OrderRejected r) {
                throw new IllegalStateException("generator produced a rejected command: " + r);
            }
        }

        private void add(String id, String owner, long price, long qty) {
            position.put(id, live.size());
            live.add(id);
            owners.put(id, owner);
            state.put(id, new long[] {price, qty});
        }

        private void remaining(String id, long remaining) {
            long[] s = state.get(id);
            if (s != null) {
                s[1] = remaining;
            }
            if (remaining == 0) {
                remove(id);
            }
        }

        private void remove(String id) {
            Integer pos = position.remove(id);
            if (pos == null) {
                return;
            }
            state.remove(id);
            owners.remove(id);
            String last = live.remove(live.size() - 1);
            if (pos < live.size()) {
                live.set(pos, last);
                position.put(last, pos);
            }
        }
    }
}
