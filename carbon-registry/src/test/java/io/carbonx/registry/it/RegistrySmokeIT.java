package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class RegistrySmokeIT {

    @Test
    void aRegisteredEnterpriseDepositsAndReadsItsAccount(KafkaBroker broker, @TempDir Path dir) {
        try (RegistryHarness h = new RegistryHarness(broker, dir, "smoke" + UUID.randomUUID() + ".", new JsonObject())) {
            Cast cast = new Cast(h);
            Cast.Member a = cast.register("Alpha Steel", Role.ENTERPRISE);
            ApiClient.Response d = h.api.post("/api/v1/accounts/" + a.id() + "/deposits",
                    new JsonObject().put("transferId", "t1").put("amountMinor", 1_000_00), a.token());
            assertThat(d.status()).as(d.body().encode()).isEqualTo(200);
            cast.awaitReadModel();
            ApiClient.Response acc = h.api.get("/api/v1/accounts/" + a.id(), a.token());
            assertThat(acc.status()).as(acc.body().encode()).isEqualTo(200);
            assertThat(acc.body().getLong("cashMinor")).isEqualTo(1_000_00L);
        }
    }
}
