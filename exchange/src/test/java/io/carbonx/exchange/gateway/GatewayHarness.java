package io.carbonx.exchange.gateway;

import io.carbonx.events.OrderType;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.exchange.core.gateway.OrderEntry;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** An {@link OrderGateway} over a mock producer and a real CA, with helpers to build signed bodies. */
final class GatewayHarness implements AutoCloseable {

    static final String CHAIN = "carbonx-test";
    static final String EUA = "EUA-2026";
    static final ExchangeTopics TOPICS = new ExchangeTopics("");
    static final EventCodec CODEC = EventCodec.standard();

    final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    final OrderGateway gateway;

    GatewayHarness(Pki pki, Instant now, List<MarketDefinition> instruments) {
        gateway = new OrderGateway(new OrderEntry(CHAIN, instruments), producer, TOPICS,
                Clock.fixed(now, ZoneOffset.UTC), 4);
        gateway.attach(pki.directory());
        gateway.markReady();
    }

    GatewayHarness(Pki pki, Instant now) {
        this(pki, now, InstrumentConfig.parse(InstrumentConfig.defaults()));
    }

    static OrderRequest.Builder order(String participant, long sequence, String clientOrderId) {
        return OrderRequest.newBuilder().setChainId(CHAIN).setParticipantId(participant).setSequence(sequence)
                .setClientOrderId(clientOrderId).setInstrumentId(EUA).setSide(Side.BUY).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(8_000L).setQuantity(100).setExpiresAtMs(null);
    }

    /** The body of a request signed by {@code signer}. */
    static JsonObject signed(SpecificRecord request, Pki.Member signer) {
        byte[] bytes = CODEC.encode(request);
        return body(bytes, signer.signer().sign(bytes), signer.serial());
    }

    static JsonObject body(byte[] bytes, byte[] signature, String serial) {
        return new JsonObject().put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(signature)).put("certificateSerial", serial);
    }

    OrderGateway.Response submit(OrderGateway.Kind kind, String caller, JsonObject body) {
        return gateway.submit(kind, caller, body).join();
    }

    /** Decoded events sent to a topic, in order. */
    List<SpecificRecord> sent(String topic) {
        List<SpecificRecord> out = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r : producer.history()) {
            if (r.topic().equals(topic)) {
                out.add(CODEC.decode(r.value()));
            }
        }
        return out;
    }

    List<SpecificRecord> submitted() {
        return sent(TOPICS.submitted());
    }

    List<RequestRejected> rejections() {
        return sent(TOPICS.rejections()).stream().map(RequestRejected.class::cast).toList();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
