package io.carbonx.node.it.multi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads the validators' progress from each validator process's {@code /health} (component chain-anchor). */
final class ChainWatch {

    /** One validator's view of the chain. */
    record Status(int id, long height, long view, int primary, boolean viewChanging, int peers) {
    }

    private final Cluster cluster;

    ChainWatch(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Validator {@code id}'s status, if its process answers and its validator runs. */
    Optional<Status> status(int id) {
        return cluster.role(Cluster.validator(id)).component("chain-anchor").flatMap(c -> {
            JsonArray validators = c.getJsonArray("validators", new JsonArray());
            if (validators.isEmpty()) {
                return Optional.empty();
            }
            JsonObject v = validators.getJsonObject(0);
            return Optional.of(new Status(id, v.getLong("height", 0L), v.getLong("view", 0L),
                    v.getInteger("primary", -1), v.getBoolean("viewChanging", false),
                    v.getJsonArray("connectedPeers", new JsonArray()).size()));
        });
    }

    /** The statuses of the validators whose processes are alive and answer. */
    List<Status> living() {
        List<Status> out = new ArrayList<>();
        for (int i = 0; i < Cluster.VALIDATORS; i++) {
            if (cluster.role(Cluster.validator(i)).alive()) {
                status(i).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Highest height any living validator reports. */
    long maxHeight() {
        return living().stream().mapToLong(Status::height).max().orElse(0);
    }

    /** Lowest height among the living validators other than {@code except}. */
    long minHeightExcept(int except) {
        return living().stream().filter(s -> s.id() != except).mapToLong(Status::height).min().orElse(0);
    }

    /** The primary most living validators agree on, or -1. */
    int primary() {
        return living().stream().collect(Collectors.groupingBy(Status::primary, Collectors.counting())).entrySet()
                .stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
    }

    String describe() {
        return living().toString();
    }
}
