package io.carbonx.exchange.core.market;

import io.carbonx.events.InstrumentKind;
import io.carbonx.exchange.core.agreement.AgreementInstrumentRules;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.TradeExecuted;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.core.matching.PriorityMode;
import io.carbonx.exchange.core.matching.SessionSchedule;
import io.carbonx.exchange.core.pool.PoolConfig;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Instruments and output filters shared by the market tests. */
final class MarketFixtures {

    static final String EUA = "EUA-2026";
    static final String EUA_PT = "EUA-2027";
    static final String CCER = "CCER-OFFSET";
    static final String ENERGY = "ENERGY-PEAK";
    static final String CHAIN = "carbonx-test";
    /** 2026-11-02T00:00:00Z, a day start. */
    static final long DAY = 1_793_577_600_000L;

    private MarketFixtures() {
    }

    /** EUA-2026: continuous, price-grade-time, tick 5, lot 10, band ±10 % around 8 000; agreements from 100 t. */
    static MarketDefinition eua() {
        return MarketDefinition.book(InstrumentKind.ALLOWANCE, 2026, InstrumentRules.builder(EUA).tickSize(5)
                .lotSize(10).priceBand(8_000, 1_000).build(),
                new AgreementInstrumentRules(EUA, 8_000, 3_000, 100, 10, 5));
    }

    /** EUA-2027: continuous, price-time. */
    static MarketDefinition euaPriceTime() {
        return MarketDefinition.book(InstrumentKind.ALLOWANCE, 2027, InstrumentRules.builder(EUA_PT)
                .priorityMode(PriorityMode.PRICE_TIME).build(), null);
    }

    /** CCER-OFFSET: periodic call auctions every minute from 01:00 to 23:00, pre-open from 00:00. */
    static MarketDefinition ccer() {
        return MarketDefinition.book(InstrumentKind.OFFSET, 2025, InstrumentRules.builder(CCER)
                .schedule(SessionSchedule.periodic(0, 3_600_000, 82_800_000, 60_000)).build(), null);
    }

    /** ENERGY-PEAK: pool bidding, 30 s periods from the epoch, default pool price. */
    static MarketDefinition energy() {
        return MarketDefinition.energy(PoolConfig.defaults(ENERGY), 0);
    }

    static Markets markets() {
        return new Markets(CHAIN, List.of(eua(), euaPriceTime(), ccer(), energy()));
    }

    static <T extends SpecificRecord> List<T> of(List<MarketOutput> outputs, Class<T> type) {
        return outputs.stream().map(MarketOutput::event).filter(type::isInstance).map(type::cast).toList();
    }

    static List<TradeExecuted> trades(List<MarketOutput> outputs) {
        return of(outputs, TradeExecuted.class);
    }

    static List<OrderCancelled> cancels(List<MarketOutput> outputs) {
        return of(outputs, OrderCancelled.class);
    }

    static List<OrderExpired> expiries(List<MarketOutput> outputs) {
        return of(outputs, OrderExpired.class);
    }

    static List<OrderRejected> rejections(List<MarketOutput> outputs) {
        return of(outputs, OrderRejected.class);
    }
}
