/**
 * The anchoring load generator ({@link io.carbonx.chain.bench.AnchoringBenchmark}): finality, throughput and view
 * change time of four validators on this machine, in process and over an embedded Kafka broker. Run on demand
 * ({@code mvn -pl chain-anchor exec:exec}); never part of {@code mvn verify}.
 */
package io.carbonx.chain.bench;
