package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.E3;
import static io.carbonx.registry.core.LedgerFixture.OFS;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static io.carbonx.registry.core.LedgerFixture.T0;
import static io.carbonx.registry.core.LedgerFixture.VER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.ChangeCreditGrade;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.command.LedgerCommand.DefineInstrument;
import io.carbonx.registry.core.command.LedgerCommand.DepositFunds;
import io.carbonx.registry.core.command.LedgerCommand.ExpireOrder;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.IssueOffsets;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.command.LedgerCommand.RecordTrade;
import io.carbonx.registry.core.command.LedgerCommand.RecordVerifiedEmissions;
import io.carbonx.registry.core.command.LedgerCommand.RegisterAgreement;
import io.carbonx.registry.core.command.LedgerCommand.ReportExternalDefault;
import io.carbonx.registry.core.command.LedgerCommand.RunAnnualSettlement;
import io.carbonx.registry.core.command.LedgerCommand.SubmitOrder;
import io.carbonx.registry.core.command.LedgerCommand.SurrenderAllowances;
import io.carbonx.registry.core.command.LedgerCommand.UnfreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.WithdrawFunds;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRejected;
import io.carbonx.registry.core.event.LedgerEvent.OrderRejected;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command with invalid arguments against a populated ledger: refused with the precise reason, state hash
 * unchanged, no event except the state-neutral OrderRejected / AgreementRejected.
 */
class BadInputTest {
    private static final long T = T0 + 1_000_000;

    /** Accounts with cash, holdings, an open buy (b-open) and sell (s-open), a pending trade, a frozen E3. */
    private static LedgerFixture populated() {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 1_000_00);
        f.allocate(E1, ALW25, 100);
        f.allocate(E2, ALW25, 50);
        f.issueOffsets(E1, 1, 100);
        f.buy("b-open", E1, ALW25, 10_00, 10);
        f.sell("s-open", E2, ALW25, 12_00, 10);
        f.buy("b-fill", E1, ALW25, 10_00, 5);
        f.sell("s-fill", E2, ALW25, 10_00, 5);
        f.trade("t-pend", "b-fill", "s-fill", 10_00, 5);
        f.ok(new RecordVerifiedEmissions(VER, E1, 2025, 100, f.t()));
        f.ok(new FreezeAccount(REG, E3, f.t()));
        f.ok(new CloseSettlementWindow(T0 + 500));
        return f;
    }

    static Stream<Arguments> badCommands() {
        return Stream.of(
                arguments(null, ReasonCode.MISSING_FIELD),
                arguments(new OpenAccount(null, Role.ENTERPRISE, T), ReasonCode.MISSING_ID),
                arguments(new OpenAccount(" ", Role.ENTERPRISE, T), ReasonCode.MISSING_ID),
                arguments(new OpenAccount("E7", null, T), ReasonCode.MISSING_FIELD),
                arguments(new OpenAccount(E1, Role.ENTERPRISE, T), ReasonCode.ACCOUNT_EXISTS),
                arguments(new OpenAccount("E7", Role.ENTERPRISE, -1), ReasonCode.NEGATIVE_TIME),
                arguments(new ChangeCreditGrade("nobody", CreditGrade.A, T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new ChangeCreditGrade(E1, null, T), ReasonCode.MISSING_FIELD),
                arguments(new ChangeCreditGrade("EXCHANGE", CreditGrade.A, T), ReasonCode.SYSTEM_ACCOUNT),
                arguments(new DepositFunds(null, E1, 1, T), ReasonCode.MISSING_ID),
                arguments(new DepositFunds("d", E1, 0, T), ReasonCode.NON_POSITIVE_AMOUNT),
                arguments(new DepositFunds("d", E1, -5, T), ReasonCode.NON_POSITIVE_AMOUNT),
                arguments(new DepositFunds("d", "nobody", 5, T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new DepositFunds("d", E1, Long.MAX_VALUE, T), ReasonCode.ARITHMETIC_OVERFLOW),
                arguments(new DepositFunds("ref-1", E1, 5, T), ReasonCode.DUPLICATE_REFERENCE),
                arguments(new WithdrawFunds("w", E1, 0, T), ReasonCode.NON_POSITIVE_AMOUNT),
                arguments(new WithdrawFunds("w", E1, -1, T), ReasonCode.NON_POSITIVE_AMOUNT),
                arguments(new WithdrawFunds("w", "", 1, T), ReasonCode.MISSING_ID),
                arguments(new WithdrawFunds("w", E1, 1_000_00, T), ReasonCode.INSUFFICIENT_AVAILABLE_CASH),
                arguments(new WithdrawFunds("w", E3, 1, T), ReasonCode.ACCOUNT_FROZEN),
                arguments(new DefineInstrument(null, "X", InstrumentKind.ALLOWANCE, 2025, T), ReasonCode.MISSING_ID),
                arguments(new DefineInstrument(REG, "X", null, 2025, T), ReasonCode.MISSING_FIELD),
                arguments(new DefineInstrument(REG, "", InstrumentKind.ALLOWANCE, 2025, T), ReasonCode.MISSING_ID),
                arguments(new DefineInstrument(REG, "X", InstrumentKind.ALLOWANCE, 10_000, T), ReasonCode.INVALID_YEAR),
                arguments(new AllocateAllowances(null, REG, E1, ALW25, 1, T), ReasonCode.MISSING_ID),
                arguments(new AllocateAllowances("a", REG, E1, ALW25, -1, T), ReasonCode.NON_POSITIVE_QUANTITY),
                arguments(new AllocateAllowances("a", REG, E1, "nope", 1, T), ReasonCode.UNKNOWN_INSTRUMENT),
                arguments(new AllocateAllowances("a", REG, "nobody", ALW25, 1, T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new AllocateAllowances("a", REG, E1, ALW25, Long.MAX_VALUE, T),
                        ReasonCode.ARITHMETIC_OVERFLOW),
                arguments(new IssueOffsets("i", REG, E1, OFS, 5, 4, T), ReasonCode.INVALID_SERIAL_RANGE),
                arguments(new IssueOffsets("i", REG, E1, OFS, 100, 100, T), ReasonCode.SERIAL_ALREADY_ISSUED),
                arguments(new IssueOffsets("i", REG, "nobody", OFS, 500, 600, T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new IssueOffsets(" ", REG, E1, OFS, 500, 600, T), ReasonCode.MISSING_ID),
                arguments(new SubmitOrder(null, E1, ALW25, Side.BUY, 1, 1, T), ReasonCode.MISSING_ID),
                arguments(new SubmitOrder("o", E1, ALW25, null, 1, 1, T), ReasonCode.MISSING_FIELD),
                arguments(new SubmitOrder("o", null, ALW25, Side.BUY, 1, 1, T), ReasonCode.MISSING_ID),
                arguments(new SubmitOrder("o", E1, ALW25, Side.BUY, 0, 1, T), ReasonCode.NON_POSITIVE_PRICE),
                arguments(new SubmitOrder("o", E1, ALW25, Side.BUY, -3, 1, T), ReasonCode.NON_POSITIVE_PRICE),
                arguments(new SubmitOrder("o", E1, ALW25, Side.BUY, 1, 0, T), ReasonCode.NON_POSITIVE_QUANTITY),
                arguments(new SubmitOrder("o", E1, ALW25, Side.SELL, 1, -1, T), ReasonCode.NON_POSITIVE_QUANTITY),
                arguments(new SubmitOrder("o", E1, "nope", Side.BUY, 1, 1, T), ReasonCode.UNKNOWN_INSTRUMENT),
                arguments(new SubmitOrder("o", "nobody", ALW25, Side.BUY, 1, 1, T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new SubmitOrder("o", E1, ALW25, Side.BUY, Long.MAX_VALUE, 2, T),
                        ReasonCode.ARITHMETIC_OVERFLOW),
                arguments(new SubmitOrder("b-open", E1, ALW25, Side.BUY, 1, 1, T), ReasonCode.DUPLICATE_ORDER_ID),
                arguments(new CancelOrder(null, T), ReasonCode.MISSING_ID),
                arguments(new CancelOrder("nope", T), ReasonCode.UNKNOWN_ORDER),
                arguments(new CancelOrder("b-fill", T), ReasonCode.ORDER_NOT_OPEN),
                arguments(new ExpireOrder("", T), ReasonCode.MISSING_ID),
                arguments(new ExpireOrder("nope", T), ReasonCode.UNKNOWN_ORDER),
                arguments(new RecordTrade(null, "b-open", "s-open", 12_00, 1, T), ReasonCode.MISSING_ID),
                arguments(new RecordTrade("t", "b-open", "s-open", 12_00, 0, T), ReasonCode.NON_POSITIVE_QUANTITY),
                arguments(new RecordTrade("t", "b-open", "s-open", -1, 1, T), ReasonCode.NON_POSITIVE_PRICE),
                arguments(new RecordTrade("t", null, "s-open", 12_00, 1, T), ReasonCode.MISSING_ID),
                arguments(new RecordTrade("t", "b-open", "s-open", 11_00, 1, T), ReasonCode.PRICE_OUTSIDE_LIMIT),
                arguments(new RecordTrade("t-pend", "b-open", "s-open", 12_00, 1, T), ReasonCode.DUPLICATE_TRADE_ID),
                arguments(new RegisterAgreement(null, E1, E2, ALW25, 1, 1, T + 1, T), ReasonCode.MISSING_ID),
                arguments(new RegisterAgreement("ag", null, E2, ALW25, 1, 1, T + 1, T), ReasonCode.MISSING_ID),
                arguments(new RegisterAgreement("ag", E1, E2, ALW25, 1, 0, T + 1, T), ReasonCode.NON_POSITIVE_QUANTITY),
                arguments(new RegisterAgreement("ag", E1, E2, "nope", 1, 1, T + 1, T), ReasonCode.UNKNOWN_INSTRUMENT),
                arguments(new RegisterAgreement("ag", E1, E2, ALW25, 1, 1, T, T),
                        ReasonCode.SETTLEMENT_DATE_NOT_AFTER_REGISTRATION),
                arguments(new RegisterAgreement("ag", E1, E3, ALW25, 1, 1, T + 1, T), ReasonCode.ACCOUNT_FROZEN),
                arguments(new RegisterAgreement("t-pend", E1, E2, ALW25, 1, 1, T + 1, T),
                        ReasonCode.DUPLICATE_TRADE_ID),
                arguments(new CloseSettlementWindow(-1), ReasonCode.NEGATIVE_TIME),
                arguments(new CloseSettlementWindow(T0 + 499), ReasonCode.WINDOW_TIME_REGRESSION),
                arguments(new ReportExternalDefault(null, REG, DefaultKind.EXTERNAL_BANK, "t-pend", E1, 0, T),
                        ReasonCode.MISSING_ID),
                arguments(new ReportExternalDefault("r", REG, null, "t-pend", E1, 0, T), ReasonCode.MISSING_FIELD),
                arguments(new ReportExternalDefault("r", REG, DefaultKind.EXTERNAL_BANK, "t-pend", E1, -1, T),
                        ReasonCode.NEGATIVE_AMOUNT),
                arguments(new ReportExternalDefault("r", REG, DefaultKind.EXTERNAL_BANK, null, E1, 0, T),
                        ReasonCode.MISSING_ID),
                arguments(new ReportExternalDefault("r", REG, DefaultKind.EXTERNAL_BANK, "t-pend", null, 0, T),
                        ReasonCode.MISSING_ID),
                arguments(new ReportExternalDefault("r", null, DefaultKind.EXTERNAL_BANK, "t-pend", E1, 0, T),
                        ReasonCode.MISSING_ID),
                arguments(new FreezeAccount(REG, null, T), ReasonCode.MISSING_ID),
                arguments(new FreezeAccount(REG, "nobody", T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new FreezeAccount(null, E1, T), ReasonCode.MISSING_ID),
                arguments(new UnfreezeAccount(REG, "nobody", T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new UnfreezeAccount(REG, E1, T), ReasonCode.ACCOUNT_NOT_FROZEN),
                arguments(new CancelAccount(REG, "nobody", T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new CancelAccount(REG, E1, T), ReasonCode.ACCOUNT_NOT_FROZEN),
                arguments(new RecordVerifiedEmissions(VER, E2, 1899, 1, T), ReasonCode.INVALID_YEAR),
                arguments(new RecordVerifiedEmissions(VER, E2, 2025, -1, T), ReasonCode.NEGATIVE_QUANTITY),
                arguments(new RecordVerifiedEmissions(VER, "nobody", 2025, 1, T), ReasonCode.UNKNOWN_ACCOUNT),
                arguments(new RecordVerifiedEmissions(null, E2, 2025, 1, T), ReasonCode.MISSING_ID),
                arguments(new SurrenderAllowances(null, E1, 2025, ALW25, 1, T), ReasonCode.MISSING_ID),
                arguments(new SurrenderAllowances("s", E1, 2025, ALW25, 0, T), ReasonCode.NON_POSITIVE_QUANTITY),
                arguments(new SurrenderAllowances("s", E1, 0, ALW25, 1, T), ReasonCode.INVALID_YEAR),
                arguments(new SurrenderAllowances("s", E1, 2025, "nope", 1, T), ReasonCode.UNKNOWN_INSTRUMENT),
                arguments(new SurrenderAllowances("s", E1, 2025, ALW25, 101, T),
                        ReasonCode.SURRENDER_EXCEEDS_OBLIGATION),
                arguments(new RunAnnualSettlement(REG, 0, T), ReasonCode.INVALID_YEAR),
                arguments(new RunAnnualSettlement(REG, 9_999, T), ReasonCode.INVALID_YEAR),
                arguments(new RunAnnualSettlement(null, 2025, T), ReasonCode.MISSING_ID));
    }

    @ParameterizedTest(name = "[{index}] {1} <- {0}")
    @MethodSource("badCommands")
    void invalidCommandIsRefusedWithPreciseReasonAndChangesNothing(LedgerCommand command, ReasonCode expected) {
        LedgerFixture f = populated();
        String before = f.ledger.stateHash();
        Outcome o = f.ledger.handle(command);
        assertThat(o.reason()).as(o.detail()).isEqualTo(expected);
        assertThat(f.ledger.stateHash()).isEqualTo(before);
        assertThat(o.events()).allMatch(e -> e instanceof OrderRejected || e instanceof AgreementRejected);
    }
}
