/**
 * The replay check outside the node: each service's state rebuilt from its committed input with the service's own
 * deterministic core, up to the position the live service reports, and the state hashes compared
 * ({@link io.carbonx.node.client.replay.StateReplay}).
 */
package io.carbonx.node.client.replay;
