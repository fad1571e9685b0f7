package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;

/**
 * One event as a validator read it from the log: where it is, its exact stored bytes (the Merkle leaf
 * data, owned by the receiver from now on) and the record's append timestamp.
 *
 * @param topicPartition the partition
 * @param offset the offset
 * @param bytes the record value exactly as stored
 * @param appendTimeMs the record timestamp (CreateTime or LogAppendTime), ms since the epoch
 */
public record ReadEvent(TopicPartition topicPartition, long offset, byte[] bytes, long appendTimeMs) {
}
