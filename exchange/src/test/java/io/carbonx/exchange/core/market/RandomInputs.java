package io.carbonx.exchange.core.market;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;

/**
 * A seeded stream of order-topic inputs over the fixture instruments: orders (some invalid: off tick, out of band,
 * grade D, unknown instrument), market orders, IOC/FOK/DAY, GTC expiries, cancels and replaces of earlier ids
 * (live or not), and clock ticks, with logical time advancing (sometimes going backwards, as from a second writer).
 */
final class RandomInputs {

    private static final String[] INSTRUMENTS = {MarketFixtures.EUA, MarketFixtures.EUA_PT, MarketFixtures.CCER,
            MarketFixtures.ENERGY, "UNKNOWN-1"};
    private static final CreditGrade[] GRADES = CreditGrade.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private RandomInputs() {
    }

    static List<SpecificRecord> generate(long seed, int count) {
        Random r = new Random(seed);
        List<SpecificRecord> inputs = new ArrayList<>(count);
        List<String[]> orders = new ArrayList<>(); // {orderId, participant, instrument, side}
        long time = MarketFixtures.DAY + 3_000_000;
        long[] ticks = new long[INSTRUMENTS.length];
        for (int n = 0; n < count; n++) {
            time += r.nextInt(4_000);
            long inputTime = r.nextInt(20) == 0 ? time - r.nextInt(10_000) : time;
            int kind = r.nextInt(20);
            int instrument = r.nextInt(INSTRUMENTS.length);
            String id = INSTRUMENTS[instrument];
            if (kind < 2) {
                inputs.add(Inputs.tick(id, ++ticks[instrument] - (r.nextInt(10) == 0 ? 1 : 0), inputTime));
            } else if (kind < 4 && !orders.isEmpty()) {
                String[] o = orders.get(r.nextInt(orders.size()));
                inputs.add(Inputs.cancel(o[0], o[1], o[2], inputTime));
            } else if (kind < 6 && !orders.isEmpty()) {
                String[] o = orders.get(r.nextInt(orders.size()));
                String newId = "R" + n;
                inputs.add(order(r, newId, o[1], o[2], Side.valueOf(o[3]), inputTime).setReplacesOrderId(o[0])
                        .setOrderType(OrderType.LIMIT).build());
                orders.add(new String[] {newId, o[1], o[2], o[3]});
            } else {
                String orderId = "O" + n;
                String participant = "ENT-" + r.nextInt(6);
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                inputs.add(order(r, orderId, participant, id, side, inputTime).build());
                orders.add(new String[] {orderId, participant, id, side.name()});
            }
        }
        return inputs;
    }

    private static io.carbonx.events.OrderAccepted.Builder order(Random r, String orderId, String participant,
                                                                 String instrument, Side side, long time) {
        long base = instrument.equals(MarketFixtures.EUA) ? 8_000 : 100;
        long step = instrument.equals(MarketFixtures.EUA) ? 5 : 1;
        long price = base + step * (r.nextInt(21) - 10) + (r.nextInt(30) == 0 ? 1 : 0);
        if (r.nextInt(40) == 0) {
            price = base * 2;
        }
        long lot = instrument.equals(MarketFixtures.EUA) ? 10 : 1;
        long quantity = lot * (1 + r.nextInt(20)) + (r.nextInt(40) == 0 ? 3 : 0);
        io.carbonx.events.OrderAccepted.Builder b = Inputs.accepted(orderId, participant, instrument, side, price,
                quantity, GRADES[r.nextInt(GRADES.length)], time).setTimeInForce(TIFS[r.nextInt(TIFS.length)]);
        if (r.nextInt(15) == 0) {
            b.setOrderType(OrderType.MARKET).setPriceMinor(null);
        }
        if (r.nextInt(8) == 0) {
            b.setExpiresAtMs(time + r.nextInt(30_000));
        }
        return b;
    }
}
