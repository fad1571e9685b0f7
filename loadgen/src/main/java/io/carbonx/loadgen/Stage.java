package io.carbonx.loadgen;

/** The pipeline stages the generator times; each latency is in microseconds. */
public enum Stage {
    /** Intended send time of an order to its OrderSubmitted being read (HTTP, token, signature, gateway publish). */
    ORDER_TO_SUBMITTED("order→submitted"),
    /** Intended send time of an order to its OrderAccepted being read (gateway, registry). */
    ORDER_TO_ACCEPTED("order→accepted"),
    /** Intended send time of the aggressing order to its TradeExecuted being read (+ book). */
    ORDER_TO_TRADE("order→trade"),
    /** TradeExecuted read to its TradeSettled read (settlement window, registry). */
    TRADE_TO_SETTLED("trade→settled"),
    /** An event's append (record timestamp) to the BlockCommitted covering its offset being read (PBFT). */
    EVENT_TO_FINALISED("event→finalised block");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The label of reports. */
    public String label() {
        return label;
    }

    /** A file-name friendly name. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
