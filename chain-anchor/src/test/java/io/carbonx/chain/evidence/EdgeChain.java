package io.carbonx.chain.evidence;

import static io.carbonx.chain.testing.TestPki.T2;

import io.carbonx.chain.evidence.InMemoryEvidenceSource.ValidatorKey;
import io.carbonx.chain.timestamp.LocalTimestampClient;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.FundsDeposited;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain whose blocks hold 1, 2, ..., {@code maxSize} events, all deposits of one participant, so that a single
 * participant bundle carries an inclusion proof for every leaf index of every tree size up to {@code maxSize}
 * (RFC 6962 shapes: powers of two, odd sizes, last leaves of unbalanced trees). Only the latest block is signed and
 * time-stamped: its certificate and token cover every earlier block through the hash chain.
 */
final class EdgeChain {

    private EdgeChain() {
    }

    static InMemoryEvidenceSource build(EvidenceFixture fx, int maxSize) {
        InMemoryEvidenceSource source = new InMemoryEvidenceSource(EvidenceFixture.CHAIN, fx.source.certificates());
        List<ValidatorKey> keys = new ArrayList<>();
        for (int v = 0; v < fx.validators.size(); v++) {
            keys.add(new ValidatorKey(v, fx.validators.get(v).signer()::sign));
        }
        long t = T2.toEpochMilli();
        int n = 0;
        for (int size = 1; size <= maxSize; size++) {
            for (int i = 0; i < size; i++) {
                n++;
                source.append("carbonx.funds", i % 3, FundsDeposited.newBuilder()
                        .setEnvelope(EventEnvelope.newBuilder().setEventId("dep-" + n).setType("FundsDeposited")
                                .setCauseId(null).setLogicalTime(t + n).setActor("bank").build())
                        .setTransferId("tr-" + n).setParticipantId(fx.buyer.id()).setAmountMinor(1_000L * n)
                        .setBankReference("ref-" + n).build());
            }
            boolean last = size == maxSize;
            long h = source.commitBlock(t + 1000L * size, 0, last ? keys : List.of());
            if (last) {
                source.addTimestampToken(h, new LocalTimestampClient(fx.tsa, Clock.fixed(
                        Instant.ofEpochMilli(t + 1000L * size + 300), ZoneOffset.UTC), new SecureRandom())
                        .timestamp(source.blockHash(h)).toCompletableFuture().join().tokenDer());
            }
        }
        return source;
    }

    static EvidenceSubject everything(EvidenceFixture fx) {
        long t = T2.toEpochMilli();
        return EvidenceSubject.participant(fx.buyer.id(), t, t + 1_000_000);
    }
}
