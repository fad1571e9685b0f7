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
            } else if (kind == 19) {
                inputs.add(venueRequest(r, n, id, inputTime));
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
            b.setOrderType(OrderType.MARKET).setPriceMinor(null)
                    .setProtectionPriceMinor(r.nextBoolean() ? price : null);
        }
        if (r.nextInt(8) == 0) {
            b.setExpiresAtMs(time + r.nextInt(30_000));
        }
        return b;
    }

    /** An agreement or a primary-auction request (some refused: band, chain, unknown auction, early close). */
    private static SpecificRecord venueRequest(Random r, int n, String instrument, long time) {
        String auction = "PA-" + instrument + "-" + r.nextInt(3);
        return switch (r.nextInt(4)) {
            case 0 -> Inputs.agreement(io.carbonx.requests.AgreementTerms.newBuilder()
                    .setChainId(r.nextInt(10) == 0 ? "other" : MarketFixtures.CHAIN).setAgreementId("AG-" + n)
                    .setInstrumentId(instrument).setBuyerId("ENT-" + r.nextInt(3)).setSellerId("ENT-" + (3 + r.nextInt(3)))
                    .setPriceMinor(6_000 + 5 * r.nextInt(800)).setQuantity(100 + 10 * r.nextInt(50))
                    .setSettlementDateMs(time + 86_400_000).setExpiresAtMs(time + 60_000).build(), "ENT-1", time);
            case 1 -> Inputs.schedule(auction, instrument, "REG", io.carbonx.events.Role.REGULATOR, 1_000,
                    5_000, time, time + 120_000, time);
            case 2 -> Inputs.bid(auction, instrument, "ENT-" + r.nextInt(5), "b" + n, "SUBMIT",
                    4_000 + r.nextInt(4_000), 1 + r.nextInt(600), time);
            default -> Inputs.close(auction, instrument, "REG", time);
        };
    }
}
