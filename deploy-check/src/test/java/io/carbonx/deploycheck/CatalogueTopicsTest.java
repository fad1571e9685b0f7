package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue deploy-check derives the KafkaTopics from is the one the services use: every topic a service asks
 * the node to create ({@link CarbonxService#topics()}) is in {@link Topics} with the same partition count,
 * cleanup policy and retention, so declaring the catalogue declares every topic the code touches.
 */
class CatalogueTopicsTest {

    @Test
    void everyTopicAServiceCreatesIsInTheCatalogueAsTheCatalogueSaysIt() {
        List<CarbonxService> services = ServiceCatalog.discover();
        assertThat(services).extracting(CarbonxService::name)
                .containsExactly("business-metrics", "chain-anchor", "credit-rating", "exchange", "registry");
        List<String> problems = new ArrayList<>();
        for (CarbonxService service : services) {
            for (ServiceTopic topic : service.topics()) {
                var spec = Topics.find(topic.name());
                if (spec.isEmpty()) {
                    problems.add(service.name() + " creates " + topic.name() + ", which is not in the catalogue");
                    continue;
                }
                if (spec.get().partitions() != topic.partitions()) {
                    problems.add(service.name() + " creates " + topic.name() + " with " + topic.partitions()
                            + " partitions, the catalogue says " + spec.get().partitions());
                }
                Map<String, String> catalogued = spec.get().configs();
                for (String key : List.of("cleanup.policy", "retention.ms")) {
                    if (!String.valueOf(catalogued.get(key)).equals(String.valueOf(topic.configs().get(key)))) {
                        problems.add(service.name() + " creates " + topic.name() + " with " + key + "="
                                + topic.configs().get(key) + ", the catalogue says " + catalogued.get(key));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void expectationsFollowTheCatalogueIncludingTheRegistrysOwnLogs() {
        List<CatalogueTopics.Expected> prod = CatalogueTopics.of(1, 12);

        assertThat(prod).hasSameSizeAs(Topics.all()).extracting(CatalogueTopics.Expected::name)
                .contains(Topics.REGISTRY_JOURNAL, Topics.REGISTRY_COMMANDS, Topics.REGISTRY_REPLIES);
        assertThat(prod).filteredOn(t -> t.keyLabel().equals("instrument")).extracting(CatalogueTopics.Expected::name)
                .containsExactly(Topics.ORDERS, Topics.TRADES);
        assertThat(prod).filteredOn(t -> t.keyLabel().equals("instrument"))
                .allSatisfy(t -> assertThat(t.partitions()).isEqualTo(12));
        assertThat(prod).filteredOn(t -> t.name().equals(Topics.REGISTRY_REPLIES)).singleElement()
                .satisfies(t -> assertThat(t.config()).containsEntry("retention.ms", "604800000")
                        .containsEntry("cleanup.policy", "delete"));
        assertThat(prod).filteredOn(t -> t.name().equals(Topics.SNAPSHOTS)).singleElement()
                .satisfies(t -> assertThat(t.config()).isEqualTo(Map.of("cleanup.policy", "compact")));
    }
}
