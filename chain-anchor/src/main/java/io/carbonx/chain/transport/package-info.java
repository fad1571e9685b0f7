/**
 * Adapter: how validators reach each other. {@link io.carbonx.chain.transport.InMemoryBus} for validators in one
 * JVM (asynchronous, bounded by the receivers' inboxes); {@link io.carbonx.chain.transport.TlsTransport} for
 * validators in separate processes: TCP with mutual TLS 1.3 on the validators' certificates
 * ({@link io.carbonx.chain.transport.ValidatorTls}), length-prefixed frames, reconnect with backoff. Nothing
 * received is trusted: the replica verifies every signature.
 */
package io.carbonx.chain.transport;
