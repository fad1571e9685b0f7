package io.carbonx.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bounded end-to-end run on the embedded stack (200 orders at 100/s, four enterprises): the generator's accounting
 * must find every order's outcome once, every trade settled once, cash and units conserved, and write its files.
 * No timing is asserted.
 */
class LoadGeneratorSmokeIT {

    /** One order per request ({@code /api/v1/orders}), then up to 8 per request ({@code /api/v1/order-batches}). */
    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 8})
    void givenEmbeddedStack_whenTwoHundredOrdersAtHundredPerSecond_thenEveryOrderIsAccountedForExactlyOnce(
            int batch, @TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        RunSettings settings = new RunSettings("smoke", 100, false, 2, 200, 0, 100, 4, batch, null, null, null, null,
                dir.resolve("work"), dir.resolve("out"), dir.resolve("e2e.md"), 100, 240, "smoke-it");

        RunResult r = new LoadRun(settings, new PrintWriter(text, true)).execute();

        assertThat(r.verdict().problems()).as(text.toString()).isEmpty();
        assertThat(r.verdict().sent()).isEqualTo(200);
        assertThat(r.verdict().accepted() + r.verdict().rejected() + r.verdict().refused()).isEqualTo(200);
        assertThat(r.verdict().trades()).isPositive();
        assertThat(r.verdict().settled()).isEqualTo(r.verdict().trades());
        assertThat(r.conservation()).as(text.toString()).isEmpty();
        assertThat(r.drained()).as(text.toString()).isTrue();
        assertThat(r.latencies().of(Stage.ORDER_TO_ACCEPTED).getTotalCount()).isEqualTo(r.verdict().accepted());
        assertThat(dir.resolve("out/smoke.svg")).exists();
        assertThat(dir.resolve("out/smoke-order-to-trade.hgrm")).exists();
        assertThat(Files.readString(dir.resolve("e2e.md"))).contains("## Run smoke").contains("order→accepted");
    }
}
