package io.carbonx.node.cli;

import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.vertx.core.json.JsonObject;

/** What the client commands read from the node's open {@code /health} report. */
final class NodeStatus {

    private final JsonObject components;
    private final String url;

    private NodeStatus(JsonObject components, String url) {
        this.components = components;
        this.url = url;
    }

    /** Reads {@code GET /health} (200 or 503: both carry the report). */
    static NodeStatus read(NodeClient client) {
        ApiResponse r = client.get("/health", null);
        if (r.status() != 200 && r.status() != 503) {
            throw ClientException.fromResponse("reading the node's health", r);
        }
        return new NodeStatus(r.json().getJsonObject("components", new JsonObject()), client.baseUrl());
    }

    /** The component {@code name}'s report, or null if the node does not run it. */
    JsonObject component(String name) {
        return components.getJsonObject(name);
    }

    /** {@code option}, else the Kafka bootstrap servers the node reports. */
    String bootstrap(String option) {
        if (option != null) {
            return option;
        }
        JsonObject broker = component("broker");
        String b = broker == null ? null : broker.getString("bootstrapServers");
        if (b == null || b.isBlank()) {
            throw ClientException.of(ClientException.Kind.UNAVAILABLE, "the node at " + url + " reports no Kafka"
                    + " bootstrap servers; pass --bootstrap-servers HOST:PORT");
        }
        return b;
    }
}
