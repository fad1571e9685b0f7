package io.carbonx.exchange.service;

import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.exchange.core.market.Destination;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The topics the exchange reads and writes: the catalogue's ({@link Topics}), optionally prefixed so that several
 * exchanges can share one cluster (tests).
 *
 * @param prefix prepended to every catalogue name ("" in production)
 */
public record ExchangeTopics(String prefix) {

    /** Validates. */
    public ExchangeTopics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** @return the catalogue names */
    public static ExchangeTopics standard() {
        return new ExchangeTopics("");
    }

    /** @return the actual name of a catalogue topic */
    public String name(String catalogueName) {
        return prefix + catalogueName;
    }

    /** @return {@code carbonx.orders}: the books' input, and their order outcomes */
    public String orders() {
        return name(Topics.ORDERS);
    }

    /** @return {@code carbonx.trades} */
    public String trades() {
        return name(Topics.TRADES);
    }

    /** @return {@code carbonx.orders.submitted}: the gateway's output, and its sequence state */
    public String submitted() {
        return name(Topics.ORDERS_SUBMITTED);
    }

    /** @return {@code carbonx.rejections} */
    public String rejections() {
        return name(Topics.REJECTIONS);
    }

    /** @return {@code carbonx.snapshots}: the matcher's state hash checkpoints */
    public String snapshots() {
        return name(Topics.SNAPSHOTS);
    }

    /** @return {@code carbonx.deadletter} */
    public String deadLetter() {
        return name(Topics.DEAD_LETTER);
    }

    /** @return {@code carbonx.identity}: certificates and revocations */
    public String identity() {
        return name(Topics.IDENTITY);
    }

    /** @return the topic of a core output destination */
    public String of(Destination destination) {
        return switch (destination) {
            case ORDERS -> orders();
            case TRADES -> trades();
            case REJECTIONS -> rejections();
        };
    }

    /** @return every topic the exchange reads or writes, as the node creates them */
    public List<ServiceTopic> serviceTopics() {
        List<ServiceTopic> out = new ArrayList<>();
        for (String catalogue : List.of(Topics.ORDERS, Topics.TRADES, Topics.ORDERS_SUBMITTED, Topics.REJECTIONS,
                Topics.SNAPSHOTS, Topics.DEAD_LETTER, Topics.IDENTITY)) {
            TopicSpec spec = Topics.byName(catalogue);
            out.add(new ServiceTopic(name(catalogue), spec.partitions(), spec.configs()));
        }
        return out;
    }
}
