/**
 * Evidence from the running chain (an adapter package: Kafka, BouncyCastle).
 *
 * <ul>
 *   <li>{@link io.carbonx.chain.evidence.live.EvidenceIndexer}: follows the blocks topic, verifies each block's
 *       commit certificate and hash link, reads its events back from the anchored topics by the header's offset
 *       ranges and checks them against the header ({@link io.carbonx.chain.evidence.live.BlockContent}), and indexes
 *       them ({@link io.carbonx.chain.evidence.live.AnchorIndex}, keys from
 *       {@link io.carbonx.chain.evidence.live.EventKeys}) with time-stamp tokens, signer certificates and CRLs.</li>
 *   <li>{@link io.carbonx.chain.evidence.live.LiveEvidenceSource}: the {@link io.carbonx.chain.evidence.EvidenceSource}
 *       over the index and the log ({@link io.carbonx.chain.evidence.live.LogReader}); its contract is in its class
 *       comment.</li>
 * </ul>
 */
package io.carbonx.chain.evidence.live;
