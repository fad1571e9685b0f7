package io.carbonx.node.demo.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.node.client.replay.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayChecksTest {

    private static final Comparison LEDGER = new Comparison("registry", "ledger", "10 entries", "aa", "aa");
    private static final Comparison BOOK = new Comparison("exchange", "EUA-2026", "partition 0", "bb", "bb");

    @Test
    void givenEveryReplayedHashEqualToTheLiveOne_thenItPasses() {
        CheckResult r = ReplayChecks.compare(List.of(LEDGER, BOOK));

        assertThat(r.status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(r.detail()).startsWith("2 state hashes");
    }

    @Test
    void givenAReplayedHashThatDiffers_thenItFailsNamingTheScope() {
        CheckResult r = ReplayChecks.compare(List.of(LEDGER, new Comparison("exchange", "EUA-2026", "partition 0", "bb",
                "cc")));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).containsExactly("exchange EUA-2026 at partition 0: live bb, replayed cc");
    }

    @Test
    void givenAScopeTheLiveServiceDoesNotReport_thenItFails() {
        CheckResult r = ReplayChecks.compare(List.of(new Comparison("exchange", "EUA-2027", "partition 1", null, "dd")));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
    }

    @Test
    void givenNothingCompared_thenItFails() {
        assertThat(ReplayChecks.compare(List.of()).problems()).containsExactly("nothing was compared");
    }
}
