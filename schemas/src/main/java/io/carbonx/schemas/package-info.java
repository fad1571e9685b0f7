/**
 * The CarbonX event contract: {@link io.carbonx.schemas.EventTypes} lists every record type (events in
 * {@code io.carbonx.events}, signed requests in {@code io.carbonx.requests}, the block header in
 * {@code io.carbonx.chain}, all generated from {@code src/main/avro}); {@link io.carbonx.schemas.EventCodec}
 * encodes and decodes them in Avro single-object encoding; {@link io.carbonx.schemas.Topics} is the Kafka topic
 * catalogue. Pure Java and Avro: no I/O, usable from every {@code core} package.
 */
package io.carbonx.schemas;
