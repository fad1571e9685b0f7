package io.carbonx.exchange.core.market;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event the exchange publishes.
 *
 * @param destination which topic
 * @param key         the partition key (instrument id, or participant id for rejections)
 * @param event       the event; its envelope id is derived from the input's id, so a replay rebuilds it exactly
 */
public record MarketOutput(Destination destination, String key, SpecificRecord event) {

    /** Validates presence. */
    public MarketOutput {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
    }
}
