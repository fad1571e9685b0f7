/**
 * The client side of the {@code carbonx} command line: a node's REST API as a participant uses it.
 *
 * <p>{@link io.carbonx.node.client.NodeClient} (HTTP/1.1) and {@link io.carbonx.node.client.ApiResponse};
 * {@link io.carbonx.node.client.ProfileStore} keeps local identities ({@link io.carbonx.node.client.Profile}: key,
 * certificate, sequence counter) and {@link io.carbonx.node.client.Identity} opens one and logs in
 * ({@link io.carbonx.node.client.Session}: the challenge signed with the participant's key, a bearer token);
 * {@link io.carbonx.node.client.SignedRequests} builds signed request bodies over the requests' canonical bytes with
 * numbers from {@link io.carbonx.node.client.SequenceCounter}; {@link io.carbonx.node.client.TopicReader} reads
 * Kafka for the checks of the {@code chain} and {@code replay} sub-packages. Every failure is a
 * {@link io.carbonx.node.client.ClientException} of a kind the CLI maps to an exit code.
 */
package io.carbonx.node.client;
