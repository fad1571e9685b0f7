package io.carbonx.node.demo.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CashConservationTest {

    /** 1,000 deposited, 100 paid as penalty (70 directly, 30 by repaying debt), 20 still owed, 900 held. */
    private static CashConservation.Facts balanced(List<CashConservation.AccountCash> accounts) {
        return new CashConservation.Facts(1_000, 1_000, 0, 70, 50, 30, accounts);
    }

    private static final List<CashConservation.AccountCash> HELD = List.of(
            new CashConservation.AccountCash("p-a", 500, 200, 0),
            new CashConservation.AccountCash("p-b", 150, 0, 20),
            new CashConservation.AccountCash("EXCHANGE", 50, 0, 0));

    @Test
    void givenEveryMinorUnitAccountedFor_thenItPasses() {
        CheckResult r = CashConservation.check(balanced(HELD));

        assertThat(r.status()).as(r.render()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(r.detail()).contains("900 held by 3 accounts");
    }

    @Test
    void givenAccountsHoldingOneMinorUnitMoreThanCameIn_thenItFails() {
        List<CashConservation.AccountCash> more = List.of(new CashConservation.AccountCash("p-a", 501, 200, 0),
                HELD.get(1), HELD.get(2));

        CheckResult r = CashConservation.check(balanced(more));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("difference 1"));
    }

    @Test
    void givenADepositTheLogDoesNotRecord_thenItFails() {
        CheckResult r = CashConservation.check(new CashConservation.Facts(1_100, 1_000, 0, 70, 50, 30, HELD));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("accepted deposits total 1100 but the log records 1000"));
    }

    @Test
    void givenDebtOnTheAccountsThatWasNeverRecorded_thenItFails() {
        List<CashConservation.AccountCash> owing = List.of(HELD.get(0), new CashConservation.AccountCash("p-b", 150,
                0, 25), HELD.get(2));

        CheckResult r = CashConservation.check(balanced(owing));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("the accounts owe 25"));
    }

    @Test
    void givenANegativeBalance_thenItFailsEvenIfTheSumsMatch() {
        List<CashConservation.AccountCash> negative = List.of(new CashConservation.AccountCash("p-a", 710, -10, 0),
                HELD.get(1), HELD.get(2));

        CheckResult r = CashConservation.check(balanced(negative));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("p-a has a negative balance"));
    }
}
