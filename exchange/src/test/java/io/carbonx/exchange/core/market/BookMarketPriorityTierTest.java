package io.carbonx.exchange.core.market;

import static io.carbonx.exchange.core.market.Inputs.accepted;
import static io.carbonx.exchange.core.market.Inputs.buy;
import static io.carbonx.exchange.core.market.MarketFixtures.DAY;
import static io.carbonx.exchange.core.market.MarketFixtures.EUA;
import static io.carbonx.exchange.core.market.MarketFixtures.EUA_PT;
import static io.carbonx.exchange.core.market.MarketFixtures.cancels;
import static io.carbonx.exchange.core.market.MarketFixtures.trades;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * At an equal price on a price-grade-time instrument, the book ranks by the priority tier the registry stamped on
 * OrderAccepted (its configured grade table at the order's arrival), not by the grade's position in the enum:
 * grades with equal tiers match in time order, and a reconfigured table changes the order. Price-time instruments
 * ignore tiers; a replaced order keeps the tier it arrived with.
 */
class BookMarketPriorityTierTest {

    /** The registry's default table: AAA 0 … D 7, UNRATED 4 (the same tier as BB). */
    private static final Map<CreditGrade, Integer> DEFAULT_TIERS = tiers(0, 1, 2, 3, 4, 5, 6, 7, 4);

    private final Markets markets = MarketFixtures.markets();

    private List<MarketOutput> apply(SpecificRecord input) {
        return markets.apply(input);
    }

    private static Map<CreditGrade, Integer> tiers(int... byOrdinal) {
        Map<CreditGrade, Integer> map = new EnumMap<>(CreditGrade.class);
        for (CreditGrade g : CreditGrade.values()) {
            map.put(g, byOrdinal[g.ordinal()]);
        }
        return map;
    }

    /** A sell as the registry accepts it under {@code table}: the grade and that grade's configured tier. */
    private static OrderAccepted sell(String id, String who, String instrument, long price, long qty,
                                      CreditGrade grade, Map<CreditGrade, Integer> table, long time) {
        return accepted(id, who, instrument, Side.SELL, price, qty, grade, time).setPriorityTier(table.get(grade))
                .build();
    }

    private List<String> sellersFilledBy(String instrument, long price, long qty, long time) {
        return trades(apply(buy("B", "ENT-BUYER", instrument, price, qty, time))).stream()
                .map(TradeExecuted::getSellOrderId).toList();
    }

    @Test
    void givenTwoGradesWithTheSameConfiguredTier_thenTheyMatchInTimeOrder() {
        apply(sell("S-UNRATED", "ENT-1", EUA, 8_000, 50, CreditGrade.UNRATED, DEFAULT_TIERS, DAY + 1));
        apply(sell("S-BB", "ENT-2", EUA, 8_000, 50, CreditGrade.BB, DEFAULT_TIERS, DAY + 2));

        // by enum position BB (4) would precede UNRATED (8); by configured tier both are 4: time decides
        assertThat(sellersFilledBy(EUA, 8_000, 60, DAY + 3)).containsExactly("S-UNRATED", "S-BB");
    }

    @Test
    void givenTheDefaultTable_aBetterTierStillMatchesFirst_evenIfItArrivedLater() {
        apply(sell("S-UNRATED", "ENT-1", EUA, 8_000, 50, CreditGrade.UNRATED, DEFAULT_TIERS, DAY + 1));
        apply(sell("S-A", "ENT-2", EUA, 8_000, 50, CreditGrade.A, DEFAULT_TIERS, DAY + 2));

        assertThat(sellersFilledBy(EUA, 8_000, 60, DAY + 3)).containsExactly("S-A", "S-UNRATED");
    }

    @Test
    void givenAReconfiguredTierTable_thenTheSameArrivalsMatchInTheReverseOrder() {
        Map<CreditGrade, Integer> reversed = tiers(8, 7, 6, 5, 4, 3, 2, 1, 0);
        Markets defaults = MarketFixtures.markets();
        defaults.apply(sell("S-AAA", "ENT-1", EUA, 8_000, 50, CreditGrade.AAA, DEFAULT_TIERS, DAY + 1));
        defaults.apply(sell("S-B", "ENT-2", EUA, 8_000, 50, CreditGrade.B, DEFAULT_TIERS, DAY + 2));
        apply(sell("S-AAA", "ENT-1", EUA, 8_000, 50, CreditGrade.AAA, reversed, DAY + 1));
        apply(sell("S-B", "ENT-2", EUA, 8_000, 50, CreditGrade.B, reversed, DAY + 2));

        List<String> underDefaults = trades(defaults.apply(buy("B", "ENT-BUYER", EUA, 8_000, 60, DAY + 3)))
                .stream().map(TradeExecuted::getSellOrderId).toList();
        assertThat(underDefaults).containsExactly("S-AAA", "S-B");
        assertThat(sellersFilledBy(EUA, 8_000, 60, DAY + 3)).containsExactly("S-B", "S-AAA");
    }

    @Test
    void anEventWithoutATier_ranksByTheGradesPosition_asEventsWrittenBeforeTiers() {
        apply(accepted("S-UNRATED", "ENT-1", EUA, Side.SELL, 8_000, 50, CreditGrade.UNRATED, DAY + 1).build());
        apply(accepted("S-BB", "ENT-2", EUA, Side.SELL, 8_000, 50, CreditGrade.BB, DAY + 2).build());

        assertThat(sellersFilledBy(EUA, 8_000, 60, DAY + 3)).containsExactly("S-BB", "S-UNRATED");
    }

    @Test
    void onAPriceTimeInstrument_tiersAreIgnored() {
        apply(sell("S-CCC", "ENT-1", EUA_PT, 100, 50, CreditGrade.CCC, DEFAULT_TIERS, DAY + 1));
        apply(sell("S-AAA", "ENT-2", EUA_PT, 100, 50, CreditGrade.AAA, DEFAULT_TIERS, DAY + 2));

        assertThat(sellersFilledBy(EUA_PT, 100, 60, DAY + 3)).containsExactly("S-CCC", "S-AAA");
    }

    @Test
    void aReplacedOrderKeepsTheTierItArrivedWith_whenItLosesTimePriority() {
        apply(sell("S-BBB", "ENT-1", EUA, 8_000, 50, CreditGrade.BBB, DEFAULT_TIERS, DAY + 1));
        apply(sell("S-AA", "ENT-2", EUA, 8_005, 50, CreditGrade.AA, DEFAULT_TIERS, DAY + 2));
        // the participant was downgraded meanwhile: the replacement's acceptance carries CCC's tier 6
        apply(accepted("S-AA-R", "ENT-2", EUA, Side.SELL, 8_000, 50, CreditGrade.CCC, DAY + 3).setPriorityTier(6)
                .setReplacesOrderId("S-AA").build());

        // new price: behind S-BBB in time, yet ahead of it by its arrival tier 1 < 3
        assertThat(sellersFilledBy(EUA, 8_000, 60, DAY + 4)).containsExactly("S-AA-R", "S-BBB");
    }

    @Test
    void aTierOutsideZeroToOneThousand_isCancelledInvalidPriorityTier_andTheBookIsUnchanged() {
        apply(sell("S-A", "ENT-1", EUA, 8_000, 50, CreditGrade.A, DEFAULT_TIERS, DAY + 1));

        List<MarketOutput> out = apply(accepted("S-X", "ENT-2", EUA, Side.SELL, 8_000, 50, CreditGrade.AAA, DAY + 2)
                .setPriorityTier(1_001).build());
        List<MarketOutput> negative = apply(accepted("S-Y", "ENT-2", EUA, Side.SELL, 8_000, 50, CreditGrade.AAA,
                DAY + 2).setPriorityTier(-1).build());

        assertThat(cancels(out)).extracting(OrderCancelled::getOrderId, OrderCancelled::getReasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S-X", "INVALID_PRIORITY_TIER"));
        assertThat(cancels(negative)).extracting(OrderCancelled::getReasonCode)
                .containsExactly("INVALID_PRIORITY_TIER");
        assertThat(sellersFilledBy(EUA, 8_000, 100, DAY + 3)).containsExactly("S-A");
    }
}
