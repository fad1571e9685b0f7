/**
 * The evidence REST API ({@link io.carbonx.chain.evidence.api.EvidenceRoutes}): bundles for COURT, ARBITRATOR and
 * REGULATOR callers behind the node's API security. An adapter package (Vert.x Web).
 */
package io.carbonx.chain.evidence.api;
