package io.carbonx.exchange.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

class StateHashTest {

    @Test
    void sameCommandsGiveTheSameStateHash() {
        Scenario a = Scenario.continuous();
        Scenario b = Scenario.continuous();
        for (Scenario s : new Scenario[] {a, b}) {
            s.buy("B1", "bob", 100, 10);
            s.sell("S1", "alice", 101, 10);
            s.buy("B2", "carol", 101, 4);
        }

        assertThat(a.engine.stateHash()).hasSize(32).isEqualTo(b.engine.stateHash());
    }

    @Test
    void bookHashDependsOnPriorityOrder() {
        Scenario a = Scenario.continuous();
        a.sell("S1", "alice", 100, 10);
        a.sell("S2", "carol", 100, 10);
        Scenario b = Scenario.continuous();
        b.sell("S2", "carol", 100, 10);
        b.sell("S1", "alice", 100, 10);

        assertThat(a.engine.bookHash()).isNotEqualTo(b.engine.bookHash());
    }

    @Test
    void bookHashChangesWithRemainingQuantity() {
        Scenario s = Scenario.continuous();
        s.sell("S1", "alice", 100, 10);
        byte[] before = s.engine.bookHash();

        s.replace("S1", "alice", 100, 9);

        assertThat(s.engine.bookHash()).isNotEqualTo(before);
    }

    @Test
    void rejectedCommandsInBetweenLeaveTheStateHashUnchanged() {
        Scenario a = Scenario.continuous();
        a.sell("S1", "alice", 100, 10);
        a.sell("S-bad", "alice", -1, 10);
        a.cancel("nope", "alice");
        a.sell("S2", "carol", 100, 10);
        Scenario b = Scenario.continuous();
        b.sell("S1", "alice", 100, 10);
        b.sell("S2", "carol", 100, 10);

        assertThat(a.engine.stateHash()).isEqualTo(b.engine.stateHash());
    }

    @Test
    void bookHashFollowsTheDocumentedCanonicalEncoding() throws IOException, NoSuchAlgorithmException {
        Scenario s = Scenario.continuous();
        s.place("B1", "bob", Side.BUY, TimeInForce.DAY, 99, 7, CreditGrade.AA);
        s.place("S1", "alice", Side.SELL, TimeInForce.GTC, 101, 3, CreditGrade.UNRATED);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("CXBOOK2".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(0);
        order(out, "B1", "bob", 99, 7, CreditGrade.AA, TimeInForce.DAY);
        out.writeByte(0);
        out.writeByte(1);
        order(out, "S1", "alice", 101, 3, CreditGrade.UNRATED, TimeInForce.GTC);
        out.writeByte(0);

        assertThat(s.engine.bookHash())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    private static void order(DataOutputStream out, String id, String who, long price, long qty, CreditGrade grade,
                              TimeInForce tif) throws IOException {
        out.writeByte(1);
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        out.writeInt(idBytes.length);
        out.write(idBytes);
        byte[] whoBytes = who.getBytes(StandardCharsets.UTF_8);
        out.writeInt(whoBytes.length);
        out.write(whoBytes);
        out.writeLong(price);
        out.writeLong(qty);
        out.writeByte(grade.ordinal());
        out.writeInt(PlaceOrder.gradeTier(grade));
        out.writeByte(tif.ordinal());
    }
}
