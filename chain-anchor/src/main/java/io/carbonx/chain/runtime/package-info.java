/**
 * Adapter: validators at run time. {@link io.carbonx.chain.runtime.ValidatorDriver} runs one PBFT replica on a
 * thread of its own (persist and fsync before send, block store, own event feed, transport);
 * {@link io.carbonx.chain.runtime.ChainPublisher} writes {@code BlockCommitted}/{@code ViewChanged} once per
 * height/view with a fencing transactional producer; {@link io.carbonx.chain.runtime.BlocksTopicFollower} offers
 * published blocks to lagging validators, which verify them; {@link io.carbonx.chain.runtime.BlockEvents} maps
 * committed blocks to events and back; {@link io.carbonx.chain.runtime.AnchorMetrics} is what Micrometer sees.
 */
package io.carbonx.chain.runtime;
