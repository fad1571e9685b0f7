package io.carbonx.node.demo.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Side;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.EnterpriseSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderFlowTest {

    private static final long SEED = 20_261_121L;

    private static List<Cast.Enterprise> flowEnterprises(long seed) {
        List<Cast.Enterprise> out = new ArrayList<>();
        for (EnterpriseSpec s : EnterpriseSpec.draw(24, seed)) {
            if (s.inFlow()) {
                out.add(new Cast.Enterprise(s, null));
            }
        }
        return out;
    }

    private static List<OrderFlow.Intent> day(long seed) {
        List<Cast.Enterprise> who = flowEnterprises(seed);
        OrderFlow flow = new OrderFlow(seed);
        List<OrderFlow.Intent> all = new ArrayList<>(flow.planCall(who, Market.SESSION, 40));
        all.addAll(flow.plan(who, List.of(Market.CONTINUOUS, Market.OFFSET, Market.ENERGY), new int[] {6, 2, 2}, 900));
        all.addAll(flow.plan(who, List.of(Market.SESSION, Market.CONTINUOUS, Market.OFFSET), new int[] {11, 4, 2},
                2_100));
        all.addAll(flow.planCall(who, Market.SESSION, 40));
        return all;
    }

    private static String describe(OrderFlow.Intent i) {
        return i.who().spec().index() + " " + i.market().id() + " " + i.side() + " " + i.quantity() + "@"
                + i.priceMinor();
    }

    @Test
    void theSameSeedDrawsTheSameOrders_inTheSameOrder_andAnotherSeedOthers() {
        List<String> a = day(SEED).stream().map(OrderFlowTest::describe).toList();
        List<String> b = day(SEED).stream().map(OrderFlowTest::describe).toList();
        List<String> c = day(SEED + 1).stream().map(OrderFlowTest::describe).toList();

        assertThat(a).as("seed %d", SEED).hasSize(3_080).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void enterprisesTakeBothSidesOfTheCallInstruments_soTheUncrossesMeetSelfTradePrevention() {
        Map<String, Set<Side>> sides = new HashMap<>();
        for (OrderFlow.Intent i : day(SEED)) {
            if (i.market() == Market.SESSION || i.market() == Market.OFFSET) {
                sides.computeIfAbsent(i.who().spec().index() + "/" + i.market().id(), k -> new HashSet<>())
                        .add(i.side());
            }
        }

        assertThat(sides.values()).as("seed %d", SEED).anySatisfy(s -> assertThat(s).hasSize(2));
    }

    @Test
    void thinlyFundedEnterprisesOnlyBuyImmediateOrCancel_onTheContinuousBooks_andStayOutOfTheCalls() {
        List<OrderFlow.Intent> thin = day(SEED).stream()
                .filter(i -> i.who().spec().kind() == EnterpriseSpec.Kind.THIN).toList();

        assertThat(thin).as("seed %d", SEED).isNotEmpty().allSatisfy(i -> {
            assertThat(i.side()).isEqualTo(Side.BUY);
            assertThat(i.tif()).isEqualTo(io.carbonx.events.TimeInForce.IOC);
            assertThat(i.market()).isIn(Market.SESSION, Market.CONTINUOUS);
        });
        List<Cast.Enterprise> who = flowEnterprises(SEED);
        assertThat(new OrderFlow(SEED).planCall(who, Market.SESSION, 40))
                .noneMatch(i -> i.who().spec().kind() == EnterpriseSpec.Kind.THIN);
    }

    @Test
    void sellersNeverSellMoreThanTheyWereAllocated_andPricesStayOnTickWithinTheBand() {
        Map<String, Long> sold = new HashMap<>();
        for (OrderFlow.Intent i : day(SEED)) {
            Market m = i.market();
            assertThat(i.priceMinor() % m.tick()).as(describe(i)).isZero();
            assertThat(Math.abs(i.priceMinor() - m.reference()) * 10_000 / m.reference()).as(describe(i))
                    .isLessThanOrEqualTo(1_500);
            assertThat(i.quantity() % m.lot()).isZero();
            if (i.side() == Side.SELL && !m.energy()) {
                sold.merge(i.who().spec().index() + "/" + m.id(), i.quantity(), Long::sum);
            }
        }
        for (Cast.Enterprise e : flowEnterprises(SEED)) {
            EnterpriseSpec s = e.spec();
            assertThat(sold.getOrDefault(s.index() + "/" + Market.SESSION.id(), 0L))
                    .isLessThanOrEqualTo(s.allowances());
            assertThat(sold.getOrDefault(s.index() + "/" + Market.CONTINUOUS.id(), 0L))
                    .isLessThanOrEqualTo(s.nextAllowances());
            assertThat(sold.getOrDefault(s.index() + "/" + Market.OFFSET.id(), 0L)).isLessThanOrEqualTo(s.offsets());
        }
    }

    @Test
    void theCastHasTheScriptedRolesFirst_andThinlyFundedEnterprisesInTheFlow() {
        List<EnterpriseSpec> specs = EnterpriseSpec.draw(20, SEED);

        assertThat(specs).hasSize(20);
        assertThat(specs.subList(0, 4)).extracting(EnterpriseSpec::kind).containsExactly(
                EnterpriseSpec.Kind.DEFAULTER, EnterpriseSpec.Kind.ROGUE, EnterpriseSpec.Kind.ANCHOR,
                EnterpriseSpec.Kind.CLEAN);
        assertThat(specs).filteredOn(s -> s.kind() == EnterpriseSpec.Kind.THIN).hasSizeGreaterThanOrEqualTo(2);
        assertThat(specs).extracting(EnterpriseSpec::legalName).doesNotHaveDuplicates();
    }
}
