package io.carbonx.loadgen;

import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.ProfileStore;
import io.carbonx.node.client.Session;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Cast;
import io.carbonx.node.demo.EnterpriseSpec;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.carbonx.node.demo.scene.Onboarding;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Brings the run's enterprises in through the real API, as the demo does ({@link Onboarding}): EC P-256 keys and
 * CSRs, registration, the bootstrap regulator's approval (the consortium CA issues the certificates, the registry
 * opens the accounts), login by signing the node's challenge. Then the regulator defines the instrument in the
 * registry (an existing definition is kept) and allocates {@code allowances} to every enterprise, and every
 * enterprise deposits {@code cashMinor}.
 */
public final class Preparation {

    /**
     * The prepared market.
     *
     * @param regulator the bootstrap regulator (reads every account)
     * @param traders   the enterprises, logged in
     */
    public record Prepared(Actor regulator, List<Trader> traders) {
    }

    private final NodeClient client;
    private final ExecutorService pool;
    private final PrintWriter out;

    /**
     * @param client the node
     * @param pool   parallel requests
     * @param out    progress lines
     */
    public Preparation(NodeClient client, ExecutorService pool, PrintWriter out) {
        this.client = client;
        this.pool = pool;
        this.out = out;
    }

    /**
     * Onboards, allocates and funds.
     *
     * @param profiles    where the enterprises' key profiles go (fresh)
     * @param caDir       the registry CA's directory (bootstrap regulator)
     * @param passphrase  its passphrase
     * @param count       enterprises
     * @param tag         unique run tag (names, allocation and transfer ids)
     * @param allowances  allowances per enterprise
     * @param cashMinor   cash per enterprise
     */
    public Prepared run(Path profiles, Path caDir, char[] passphrase, int count, String tag, long allowances,
                        long cashMinor) {
        List<EnterpriseSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(new EnterpriseSpec(i, "Loadgen " + tag + " Trader " + i + " AG", EnterpriseSpec.Kind.TRADER,
                    cashMinor, allowances, 0, 0, 0));
        }
        Progress progress = new Progress(out, 1);
        Cast cast = new Onboarding(client, new ProfileStore(profiles), pool, progress).run(caDir, passphrase, specs);
        Actor regulator = cast.regulator();
        ApiResponse defined = regulator.post("/api/v1/instruments", new JsonObject()
                .put("instrumentId", EmbeddedStack.INSTRUMENT).put("kind", "ALLOWANCE")
                .put("vintage", EmbeddedStack.VINTAGE));
        if (!defined.ok() && defined.status() != 409) {
            defined.requireOk("defining " + EmbeddedStack.INSTRUMENT);
        }
        List<Actor> actors = cast.enterprises().stream().map(Cast.Enterprise::actor).toList();
        Waits.parallel(pool, actors, a -> regulator.call("allocating to " + a, "/api/v1/allocations", new JsonObject()
                .put("allocationId", "alloc-" + tag + "-" + a.id()).put("participantId", a.id())
                .put("instrumentId", EmbeddedStack.INSTRUMENT).put("quantity", allowances)));
        Waits.parallel(pool, actors, a -> a.call("depositing", "/api/v1/accounts/" + a.id() + "/deposits",
                new JsonObject().put("transferId", "fund-" + tag + "-" + a.id()).put("amountMinor", cashMinor)
                        .put("bankReference", "loadgen funding")));
        out.printf("prepared %d enterprises: %,d %s and %,d.%02d cash each%n", count, allowances,
                EmbeddedStack.INSTRUMENT, cashMinor / 100, cashMinor % 100);
        out.flush();
        List<Trader> traders = new ArrayList<>();
        for (Actor a : actors) {
            Session s = a.login();
            traders.add(new Trader(a.id(), s.chainId(), s.token(), a.certificateSerial(), 1, a::sign));
        }
        return new Prepared(regulator, traders);
    }
}
