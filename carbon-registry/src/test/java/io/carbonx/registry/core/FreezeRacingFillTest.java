package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.RecordTrade;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.CancelCause;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A freeze racing a fill. The registry freezes E1 while the book may already have filled E1's resting order (a
 * TradeExecuted in flight); the freeze leaves the order open and asks the book to cancel it, the book cancels what
 * still rests (OrderCancelled ACCOUNT_FROZEN for the remaining quantity), and the registry may read that cancel
 * before or after the fills the book made first. In every interleaving every executed fill is recorded and settles,
 * the cancel releases exactly the rest, and no lock remains.
 */
class FreezeRacingFillTest {

    private static final long PRICE = 10_00;

    /** E1 (the account to freeze) has an order of {@code quantity} on {@code side}; E2 can take the other side. */
    private static LedgerFixture withRestingOrder(boolean e1Buys, long quantity) {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 1_000_00);
        f.allocate(e1Buys ? E2 : E1, ALW25, quantity);
        if (e1Buys) {
            f.buy("o-E1", E1, ALW25, PRICE, quantity);
        } else {
            f.sell("o-E1", E1, ALW25, PRICE, quantity);
        }
        return f;
    }

    /** The counterparty's order for the fills (all of {@code filled}), and the fills' commands. */
    private static List<LedgerCommand> fills(LedgerFixture f, boolean e1Buys, List<Long> sizes) {
        long filled = sizes.stream().mapToLong(Long::longValue).sum();
        List<LedgerCommand> out = new ArrayList<>();
        if (filled == 0) {
            return out;
        }
        if (e1Buys) {
            f.sell("o-E2", E2, ALW25, PRICE, filled);
        } else {
            f.buy("o-E2", E2, ALW25, PRICE, filled);
        }
        for (int i = 0; i < sizes.size(); i++) {
            String buy = e1Buys ? "o-E1" : "o-E2";
            String sell = e1Buys ? "o-E2" : "o-E1";
            out.add(new RecordTrade("t" + i, buy, sell, PRICE, sizes.get(i), f.t()));
        }
        return out;
    }

    private static void assertSettledWithoutLocks(LedgerFixture f, int trades) {
        assertThat(f.state().openOrder("o-E1")).isEmpty();
        assertThat(f.state().locks().keySet()).allMatch(id -> id.startsWith("trade/"));
        List<LedgerEvent> closed = f.closeAll();
        assertThat(LedgerFixture.all(closed, TradeSettled.class)).hasSize(trades);
        assertThat(f.state().locks()).isEmpty();
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.FROZEN);
        f.assertReplayMatches();
    }

    @Test
    void givenFreeze_whenTheBookFilledBeforeItsCancel_thenTheFillSettles_andTheCancelReleasesTheRest() {
        LedgerFixture f = withRestingOrder(true, 10);
        List<LedgerCommand> fill = fills(f, true, List.of(4L));
        f.ok(new FreezeAccount(REG, E1, f.t()));

        f.ok(fill.get(0));
        List<LedgerEvent> cancel = f.ok(new CancelOrder("o-E1", 6L, CancelCause.ACCOUNT_FROZEN, f.t()));

        assertThat(LedgerFixture.first(cancel, OrderCancelled.class).cause()).isEqualTo(CancelCause.ACCOUNT_FROZEN);
        assertSettledWithoutLocks(f, 1);
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(4);
    }

    @Test
    void givenFreeze_whenTheBooksCancelIsReadBeforeAFillItMadeEarlier_thenTheOrderWaitsForTheFill_andItSettles() {
        LedgerFixture f = withRestingOrder(false, 10);
        List<LedgerCommand> fill = fills(f, false, List.of(7L));
        f.ok(new FreezeAccount(REG, E1, f.t()));

        f.ok(new CancelOrder("o-E1", 3L, CancelCause.ACCOUNT_FROZEN, f.t()));
        assertThat(f.state().openOrder("o-E1")).as("open for the fill on its way").isPresent();
        f.ok(fill.get(0));

        assertSettledWithoutLocks(f, 1);
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(3);
    }

    @Test
    void givenFreeze_whenTheBookHadFilledTheWholeOrder_thenNothingIsCancelled_andTheFillSettles() {
        LedgerFixture f = withRestingOrder(true, 5);
        List<LedgerCommand> fill = fills(f, true, List.of(5L));
        f.ok(new FreezeAccount(REG, E1, f.t()));

        f.ok(fill.get(0)); // the book refuses the cancel request: nothing rests; only the fill arrives

        assertSettledWithoutLocks(f, 1);
    }

    /**
     * Every interleaving: an order of {@code quantity}, fills of the sizes drawn (what the book executed before it
     * saw the cancel request), then the book's cancel of what was left, read by the registry at position
     * {@code cancelAt} among the fills.
     */
    @Property(tries = 300)
    void everyInterleavingOfFillsAndTheFreezeCancel_recordsEveryFill_andLeavesNoLock(
            @ForAll boolean e1Buys, @ForAll @IntRange(min = 1, max = 30) int quantity,
            @ForAll @IntRange(min = 0, max = 4) int fillCount, @ForAll @IntRange(min = 0, max = 1000) int split,
            @ForAll @IntRange(min = 0, max = 4) int cancelAt) {
        List<Long> sizes = new ArrayList<>();
        long left = quantity;
        for (int i = 0; i < fillCount && left > 0; i++) {
            long size = 1 + (split + 7L * i) % left;
            sizes.add(size);
            left -= size;
        }
        LedgerFixture f = withRestingOrder(e1Buys, quantity);
        List<LedgerCommand> inputs = new ArrayList<>(fills(f, e1Buys, sizes));
        f.ok(new FreezeAccount(REG, E1, f.t()));
        if (left > 0) {
            inputs.add(Math.min(cancelAt, inputs.size()),
                    new CancelOrder("o-E1", left, CancelCause.ACCOUNT_FROZEN, f.t()));
        }

        for (LedgerCommand c : inputs) {
            f.ok(c);
        }

        assertSettledWithoutLocks(f, sizes.size());
        long filled = quantity - left;
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(e1Buys ? filled : quantity - filled);
    }
}
