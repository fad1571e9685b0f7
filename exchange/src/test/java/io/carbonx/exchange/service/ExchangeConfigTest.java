package io.carbonx.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The exchange's role switches: matcher, gateway, market data, each on by default, never all off. */
class ExchangeConfigTest {

    @Test
    void byDefaultOneNodeRunsTheMatcherTheGatewayAndMarketData() {
        ExchangeConfig c = ExchangeConfig.of(new JsonObject());

        assertThat(c.matcher()).isTrue();
        assertThat(c.gateway()).isTrue();
        assertThat(c.marketData()).isTrue();
    }

    @Test
    void aGatewayRoleRunsNoMatcher() {
        ExchangeConfig c = ExchangeConfig.of(new JsonObject().put("matcher", false));

        assertThat(c.matcher()).isFalse();
        assertThat(c.gateway()).isTrue();
    }

    @Test
    void rejectsASectionWithEverySwitchOff() {
        JsonObject nothing = new JsonObject().put("matcher", false).put("gateway", false).put("marketData", false);

        assertThatThrownBy(() -> ExchangeConfig.of(nothing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matcher, gateway and marketData are all off");
    }
}
