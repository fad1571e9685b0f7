package io.carbonx.rating.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.Test;

/** The service as the node discovers it. */
class RatingServiceTest {

    @Test
    void nodeDiscoversTheServiceByServiceLoader() {
        assertThat(ServiceLoader.load(CarbonxService.class).stream().map(ServiceLoader.Provider::type))
                .contains(RatingService.class);
    }

    @Test
    void declaresItsNameConfigAndTopics() {
        RatingService service = new RatingService();
        assertThat(service.name()).isEqualTo("credit-rating");
        assertThat(service.defaultConfig().fieldNames()).contains("inputTopic", "outputTopic", "deadLetterTopic",
                "groupId", "transactionalId", "readModel", "scorecard", "policy");
        assertThat(service.topics()).extracting(ServiceTopic::name)
                .containsExactly("carbonx.registry.journal", "carbonx.ratings", "carbonx.deadletter");
        assertThat(service.topics().get(0).partitions()).isEqualTo(1);
        assertThat(service.topics().get(0).configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void mountsNoRouteBeforeStart() {
        Vertx vertx = Vertx.vertx();
        try {
            RatingService service = new RatingService();
            service.mountRoutes(Router.router(vertx));
            assertThat(service.routes()).isEmpty();
        } finally {
            vertx.close();
        }
    }

    @Test
    void healthIsDownBeforeStart() throws Exception {
        assertThat(new RatingService().health().toCompletionStage().toCompletableFuture().get().isUp()).isFalse();
    }
}
