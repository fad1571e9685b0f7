/**
 * Adapter: a validator's own read of the event log. {@link io.carbonx.chain.feed.KafkaEventFeed} follows every
 * anchored topic with a read_committed consumer of its own (no consumer group) and hands each record's exact
 * stored bytes, offset and append timestamp to the validator;
 * {@link io.carbonx.chain.feed.MemoryLog}/{@link io.carbonx.chain.feed.MemoryEventFeed} do the same in process
 * for tests and the load generator.
 */
package io.carbonx.chain.feed;
