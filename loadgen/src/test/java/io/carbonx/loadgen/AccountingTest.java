package io.carbonx.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountingTest {

    private static Accounting allAccepted(int orders) {
        Accounting a = new Accounting(orders);
        for (int i = 0; i < orders; i++) {
            a.answered(i, 202);
            a.accepted(i);
        }
        return a;
    }

    @Test
    void passesWhenEveryOrderHasOneOutcomeAndEveryTradeSettlesOnce() {
        Accounting a = new Accounting(3);
        a.answered(0, 202);
        a.accepted(0);
        a.answered(1, 202);
        a.rejected(1);
        a.answered(2, 409);
        a.refused(2);
        a.tradeExecuted("t1");
        assertThat(a.tradeSettled("t1")).isTrue();

        Accounting.Verdict v = a.verify();

        assertThat(v.problems()).isEmpty();
        assertThat(v.exactlyOnce()).isTrue();
        assertThat(a.complete()).isTrue();
        assertThat(v.accepted()).isEqualTo(1);
        assertThat(v.rejected()).isEqualTo(1);
        assertThat(v.refused()).isEqualTo(1);
    }

    @Test
    void failsWhenAnOrderIsNotAccountedFor() {
        Accounting a = new Accounting(4);
        for (int i = 0; i < 3; i++) {
            a.answered(i, 202);
            a.accepted(i);
        }
        a.answered(3, 202);

        Accounting.Verdict v = a.verify();

        assertThat(v.exactlyOnce()).isFalse();
        assertThat(a.complete()).isFalse();
        assertThat(v.problems()).singleElement().asString().startsWith("1 order(s) not accounted for").contains("#3");
    }

    @Test
    void failsWhenAnOrderHasTwoOutcomes() {
        Accounting a = allAccepted(2);
        a.rejected(1);

        assertThat(a.verify().problems()).singleElement().asString().contains("more than one outcome").contains("#1");
    }

    @Test
    void failsWhenAcceptedHttpAnswerMeetsAGatewayRefusal() {
        Accounting a = new Accounting(1);
        a.answered(0, 202);
        a.refused(0);

        assertThat(a.verify().problems()).singleElement().asString().contains("HTTP answer contradicts");
    }

    @Test
    void failsOnDuplicateTradeAndOnUnsettledOrDoublySettledTrades() {
        Accounting a = allAccepted(2);
        a.tradeExecuted("dup");
        a.tradeExecuted("dup");
        a.tradeSettled("dup");
        a.tradeExecuted("open");
        a.tradeExecuted("twice");
        a.tradeSettled("twice");
        a.tradeSettled("twice");

        assertThat(a.verify().problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("read more than once").contains("dup"))
                .anySatisfy(p -> assertThat(p).contains("not settled").contains("open"))
                .anySatisfy(p -> assertThat(p).contains("settled more than once").contains("twice"));
        assertThat(a.complete()).isFalse();
    }

    @Test
    void ignoresSettlementsOfTradesNotOfTheRun() {
        Accounting a = allAccepted(1);

        assertThat(a.tradeSettled("someone-else")).isFalse();
        assertThat(a.verify().exactlyOnce()).isTrue();
    }
}
