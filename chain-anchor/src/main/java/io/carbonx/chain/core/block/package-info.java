/**
 * The block model. A block covers, per topic partition, a range of offsets
 * ({@link io.carbonx.chain.core.block.PartitionRange}); its leaves are the exact bytes of the events in
 * those ranges in canonical order (topic, partition, offset). The header's canonical bytes — the Avro
 * single-object encoding of the contract record {@code io.carbonx.chain.BlockHeader} — hash to the block hash. {@link io.carbonx.chain.core.block.BlockBuilder} cuts blocks from a
 * validator's own read of the log ({@link io.carbonx.chain.core.block.LocalLog}) at N events or T ms,
 * and rebuilds a proposed block from the local log so a backup can check a primary's proposal.
 * {@link io.carbonx.chain.core.block.ChainState} is the head of a chain and the next offset of every
 * partition.
 */
package io.carbonx.chain.core.block;
