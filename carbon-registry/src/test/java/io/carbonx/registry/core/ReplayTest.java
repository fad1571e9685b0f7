package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.ARB;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.E3;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static io.carbonx.registry.core.LedgerFixture.VER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.DefaultKind;
import io.carbonx.events.Role;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.command.LedgerCommand.RecordVerifiedEmissions;
import io.carbonx.registry.core.command.LedgerCommand.RegisterAgreement;
import io.carbonx.registry.core.command.LedgerCommand.ReportExternalDefault;
import io.carbonx.registry.core.command.LedgerCommand.RunAnnualSettlement;
import io.carbonx.registry.core.command.LedgerCommand.SurrenderAllowances;
import io.carbonx.registry.core.event.LedgerEvent.FundsWithdrawn;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.model.CancelCause;
import org.junit.jupiter.api.Test;

class ReplayTest {

    /** A day with every kind of event: trades, a default, an agreement, an external report, compliance. */
    private static LedgerFixture busyDay() {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 2_000_00);
        f.deposit(E2, 500_00);
        f.deposit(E3, 60_00);
        f.allocate(E2, ALW25, 200);
        f.issueOffsets(E1, 1, 40);
        f.buy("b1", E1, ALW25, 20_00, 30);
        f.sell("s1", E2, ALW25, 19_00, 50);
        f.trade("t1", "b1", "s1", 19_50, 20);
        f.trade("t2", "b1", "s1", 19_00, 10);
        f.buy("b3", E3, ALW25, 20_00, 10); // E3 cannot pay the rest: defaults
        f.trade("t3", "b3", "s1", 20_00, 10);
        f.ok(new RegisterAgreement("ag1", E1, E2, ALW25, 21_00, 5, f.t() + 60_000, f.t()));
        f.ok(new RegisterAgreement("ag2", E2, E1, ALW25, 21_00, 5, f.t() + 60_000, f.t()));
        f.ok(new ReportExternalDefault("r1", ARB, DefaultKind.ARBITRATION_RULING, "ag2", E1, 1_00, f.t()));
        f.closeAll();
        f.ok(new RecordVerifiedEmissions(VER, E1, 2025, 50, f.t()));
        f.ok(new SurrenderAllowances("sur1", E1, 2025, ALW25, 30, f.t()));
        f.ok(new SurrenderAllowances("sur2", E1, 2025, LedgerFixture.OFS, 2, f.t()));
        f.ok(new RunAnnualSettlement(REG, 2025, f.t()));
        f.ok(new FreezeAccount(REG, E3, f.t()));
        f.ok(new CancelAccount(REG, E3, f.t()));
        f.at(f.t() + 120_000);
        f.closeAll();
        return f;
    }

    @Test
    void replayOfEmittedEventsFromGenesisGivesTheSameStateHash() {
        LedgerFixture f = busyDay();
        assertThat(f.log).hasSizeGreaterThan(40);
        f.assertReplayMatches();
    }

    @Test
    void replayOfEveryPrefixMatchesTheLiveHashAtThatPoint() {
        LedgerFixture live = new LedgerFixture();
        Ledger replica = Ledger.replay(live.ledger.config(), live.log);
        int applied = live.log.size();
        live.deposit(E1, 100_00);
        live.deposit(E2, 100_00);
        live.allocate(E2, ALW25, 5);
        live.buy("b1", E1, ALW25, 10_00, 5);
        live.sell("s1", E2, ALW25, 10_00, 5);
        live.trade("t1", "b1", "s1", 10_00, 5);
        live.closeAll();
        for (; applied < live.log.size(); applied++) {
            replica.apply(live.log.get(applied));
        }
        assertThat(replica.stateHash()).isEqualTo(live.ledger.stateHash());
    }

    @Test
    void stateHashIsCanonical_independentOfTheOrderUnrelatedFactsArrived() {
        Ledger a = new Ledger(LedgerConfig.defaults());
        Ledger b = new Ledger(LedgerConfig.defaults());
        a.handle(new OpenAccount("X", Role.ENTERPRISE, 1));
        a.handle(new OpenAccount("Y", Role.ENTERPRISE, 1));
        b.handle(new OpenAccount("Y", Role.ENTERPRISE, 1));
        b.handle(new OpenAccount("X", Role.ENTERPRISE, 1));
        assertThat(a.stateHash()).isEqualTo(b.stateHash()).hasSize(64);
    }

    @Test
    void stateHashChangesWhenStateChanges() {
        LedgerFixture f = new LedgerFixture();
        String before = f.ledger.stateHash();
        f.deposit(E1, 1);
        assertThat(f.ledger.stateHash()).isNotEqualTo(before);
        assertThat(new Ledger(LedgerConfig.defaults()).stateHash())
                .isNotEqualTo(new Ledger(new LedgerConfig("EXCHANGE-2", "ESCROW-2", 10, 1_000,
                        LedgerConfig.defaults().gradeTerms(), LedgerConfig.defaults().freezePolicy(),
                        LedgerConfig.defaults().externalReporters(), LedgerConfig.defaults().compliance()))
                        .stateHash());
    }

    @Test
    void eventThatDoesNotFitTheStateIsRejectedAsCorruptStream() {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 10_00);
        assertThatThrownBy(() -> f.ledger.apply(new FundsWithdrawn("w", E1, 10_01, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> f.ledger.apply(new OrderCancelled("nope", E1, 0, 0, CancelCause.REQUESTED, 1, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown");
        assertThatThrownBy(() -> f.ledger.apply(new FundsWithdrawn("w", "GHOST", 1, 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
