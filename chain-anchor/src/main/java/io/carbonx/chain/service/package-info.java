/**
 * The {@code chain-anchor} service on the node's seam: {@link io.carbonx.chain.service.ChainAnchorService}
 * ({@code services.chain-anchor}, see {@link io.carbonx.chain.service.AnchorSettings}) runs a
 * {@link io.carbonx.chain.service.ChainNode}: this node's validators, wired to identities, transport, event
 * feeds, publisher, follower and metrics.
 */
package io.carbonx.chain.service;
