package io.carbonx.registry.service;

import io.carbonx.events.AgreementRejected;
import io.carbonx.events.OrderRejected;
import io.carbonx.registry.core.Outcome;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.journal.DecisionContext;
import io.carbonx.registry.journal.JournalCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Runs one ledger command and collects its journal records into a {@link Decision}. */
final class LedgerStep {
    private LedgerStep() {
    }

    /**
     * @param state    the registry state
     * @param codec    the journal codec
     * @param command  the ledger command
     * @param context  the decision's context
     * @param decision receives the journal records and, on refusal, the reason
     * @return the ledger's outcome
     */
    static Outcome run(RegistryState state, JournalCodec codec, LedgerCommand command, DecisionContext context,
                       Decision decision) {
        List<SpecificRecord> records = new ArrayList<>();
        Outcome outcome = state.ledger().handle(command, codec.observer(context, records));
        if (!outcome.isAccepted()) {
            for (SpecificRecord r : records) {
                if (r instanceof OrderRejected o) {
                    o.put("detail", outcome.detail());
                } else if (r instanceof AgreementRejected a) {
                    a.put("detail", outcome.detail());
                }
            }
            decision.refuse(outcome.reason().name(), outcome.detail());
        }
        decision.journal.addAll(records);
        return outcome;
    }
}
