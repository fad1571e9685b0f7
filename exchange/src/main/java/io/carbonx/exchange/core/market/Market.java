package io.carbonx.exchange.core.market;

import org.apache.avro.specific.SpecificRecord;

/** The exchange state of one instrument: a deterministic state machine over the instrument's input events. */
interface Market {

    /** Applies one input event of this instrument, adding what it publishes to {@code out}. */
    void apply(SpecificRecord input, Outputs out);

    /** SHA-256 (hex) over everything that affects future outputs. */
    String stateHash();
}
