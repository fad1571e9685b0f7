package io.carbonx.node.it.multi;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every role of CarbonX as its own JVM on loopback (broker, registry, gateway, matcher, rating, four validators over
 * mutual TLS; {@link Cluster}), a steady load of signed orders through the gateway ({@link OrderLoad}), and faults:
 * <ol>
 *   <li>kill -9 a validator that is not the primary: the other three keep committing blocks;</li>
 *   <li>restart it: it catches up;</li>
 *   <li>kill -9 the primary: the other three change view and commit again;</li>
 *   <li>kill -9 the matcher and the registry mid-load, restart both: intake never stops, decisions and matching
 *       resume;</li>
 *   <li>restart the killed primary: it catches up.</li>
 * </ol>
 * Then, with the load stopped and drained: every order the gateway accepted is accounted for exactly once
 * ({@link OrderAudit}), cash and allowances are conserved and every ledger invariant holds ({@link StateChecks}),
 * the chain verifies end to end and anchors every record, and a replay of the log gives the state hashes the live
 * registry, matcher and rating service report ({@link Replays}). The timeline with its figures (view change,
 * catch-up, restarts) is printed. Seeded: {@code -Dcarbonx.fault.seed=N} repeats a load.
 */
@Timeout(value = 14, unit = TimeUnit.MINUTES)
class MultiProcessFaultIT {

    @TempDir
    Path work;

    @Test
    void everyRoleInItsOwnProcess_survivesKillNineOfValidatorsPrimaryMatcherAndRegistry_losingAndDoublingNothing()
            throws Exception {
        long seed = Long.getLong("carbonx.fault.seed", System.nanoTime());
        Timeline timeline = new Timeline();
        timeline.mark("seed " + seed + " (-Dcarbonx.fault.seed=" + seed + " repeats this load)");
        Consortium consortium = Consortium.create(Cluster.registryCaDir(work), work);
        try (Cluster cluster = new Cluster(work, consortium);
             FaultScenario s = new FaultScenario(cluster, consortium, timeline, seed)) {
            s.start();
            s.openMarket();
            s.tokensCrossNodes();
            s.runLoad();
            int down = s.killValidatorThatIsNotPrimary();
            s.restartValidator(down, "first killed validator");
            int primary = s.killPrimary();
            s.killMatcherAndRegistryMidLoad();
            s.restartValidator(primary, "killed primary");
            s.drain();
            s.verify();
        } catch (Throwable e) {
            System.out.println(timeline.render());
            throw e;
        }
        System.out.println(timeline.render());
    }
}
