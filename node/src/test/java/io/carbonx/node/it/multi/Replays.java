package io.carbonx.node.it.multi;

import java.util.ArrayList;
import java.util.List;

import io.carbonx.exchange.service.ExchangeConfig;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.replay.Comparison;
import io.carbonx.node.client.replay.StateReplay;
import io.carbonx.rating.service.RatingServiceSettings;
import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonObject;

/**
 * The regulator's replay check across processes ({@link StateReplay}, as {@code carbonx replay} does it): each
 * service's state rebuilt here from the log up to the position its live process reports on {@code /health}, with
 * that process's own configuration, and compared with the state hash reported in the same snapshot.
 */
final class Replays {

    private Replays() {
    }

    static List<Comparison> compare(Cluster cluster, TopicReader reader) {
        StateReplay replay = new StateReplay(reader);
        List<Comparison> out = new ArrayList<>();
        RegistryConfig registry = cluster.registryConfig();
        out.addAll(replay.registry(registry.topics().journal(), registry.ledger(),
                live(cluster, Cluster.REGISTRY, "registry")));
        ExchangeConfig exchange = ExchangeConfig.of(cluster.section(Cluster.MATCHER, "exchange"));
        out.addAll(replay.exchange(exchange.topics().orders(), exchange.chainId(), exchange.instruments(),
                live(cluster, Cluster.MATCHER, "exchange")));
        out.addAll(replay.rating(RatingServiceSettings.from(cluster.section(Cluster.RATING, "credit-rating"),
                Cluster.RATING), live(cluster, Cluster.RATING, "credit-rating")));
        return out;
    }

    private static JsonObject live(Cluster cluster, String role, String component) {
        JsonObject c = cluster.role(role).component(component).orElseThrow(() -> new AssertionError(role
                + " reports no " + component + " component"));
        if (!"UP".equals(c.getString("status"))) {
            throw new AssertionError(role + ": " + component + " is " + c.encode());
        }
        return c;
    }
}
