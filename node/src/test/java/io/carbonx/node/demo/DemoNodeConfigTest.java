package io.carbonx.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.exchange.service.ExchangeConfig;
import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.registry.service.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoNodeConfigTest {

    private static final long DAY = DemoNodeConfig.SessionTimes.DAY_MS;
    private static final DemoPlan PLAN = DemoPlan.of(new DemoOptions(42, 1.0, Path.of("out"), null, false, 0));

    @Test
    void theDemoConfiguration_passesTheNodesOwnValidation_withItsSessionTimetableAndShortWindows(@TempDir Path dir)
            throws Exception {
        DemoNodeConfig.SessionTimes times = DemoNodeConfig.SessionTimes.at(3 * DAY + 36_000_000L, PLAN);
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, DemoNodeConfig.build(dir.resolve("data").toString(), times, PLAN).encodePrettily());

        NodeConfig config = ConfigLoader.load(new ConfigRequest(Optional.of(file), dir, Map.of(), Optional.empty()),
                ServiceCatalog.discover());

        assertThat(config.http().port()).isZero();
        assertThat(RegistryConfig.of(config.serviceConfig("registry")).ledger().settlementWindowMs()).isEqualTo(1_000);
        assertThat(RegistryConfig.of(config.serviceConfig("registry")).ledger().freezePolicy().maxDefaults())
                .isEqualTo(DemoNodeConfig.MAX_DEFAULTS);
        ExchangeConfig exchange = ExchangeConfig.of(config.serviceConfig("exchange"));
        assertThat(exchange.instruments()).extracting(d -> d.instrumentId())
                .containsExactlyElementsOf(DemoNodeConfig.INSTRUMENTS);
        assertThat(config.serviceConfig("exchange").getJsonArray("instruments").getJsonObject(0)
                .getJsonObject("session").getLong("openMs")).isEqualTo(36_000_000L + PLAN.openAfterMs());
    }

    @Test
    void aTimetableThatWouldCrossMidnight_isRefused_andOneThatFitsIsInTheDay() {
        assertThat(DemoNodeConfig.SessionTimes.at(5 * DAY - 60_000, PLAN)).isNull();

        DemoNodeConfig.SessionTimes t = DemoNodeConfig.SessionTimes.at(5 * DAY + 1_234, PLAN);

        assertThat(t.preOpenMs()).isEqualTo(1_000);
        assertThat(t.openMs()).isEqualTo(1_000 + PLAN.openAfterMs());
        assertThat(t.closeMs()).isEqualTo(1_000 + PLAN.closeAfterMs()).isLessThan(DAY);
        assertThat(DemoNodeConfig.SessionTimes.epochMs(5 * DAY + 77, t.openMs())).isEqualTo(5 * DAY + t.openMs());
    }

    @Test
    void everyScaleHasAtLeastTwentyEnterprises_andEveryStep() {
        for (double scale : new double[] {0.1, 0.3, 1.0, 5.0}) {
            DemoPlan p = DemoPlan.of(new DemoOptions(1, scale, Path.of("o"), null, false, 0));

            assertThat(p.enterprises()).as("scale %s", scale).isGreaterThanOrEqualTo(20);
            assertThat(p.flowOrders()).isGreaterThanOrEqualTo(300);
            assertThat(p.preOpenOrders()).isPositive();
            assertThat(p.closingOrders()).isPositive();
            assertThat(p.auctionBidders()).isPositive();
        }
        assertThat(DemoPlan.of(new DemoOptions(1, 1.0, Path.of("o"), null, false, 0)).flowOrders()).isEqualTo(3_000);
    }
}
