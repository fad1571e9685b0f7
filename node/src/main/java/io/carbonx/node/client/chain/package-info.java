/**
 * End-to-end verification of the committed chain from the blocks topic: heights, header hashes and links, commit
 * certificates against the validators' certificates and the consortium root
 * ({@link io.carbonx.node.client.chain.ChainVerifier}), and every block's Merkle root recomputed from the anchored
 * events ({@link io.carbonx.node.client.chain.AnchoredEvents}).
 */
package io.carbonx.node.client.chain;
