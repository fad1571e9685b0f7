package io.carbonx.exchange.core.market;

import io.carbonx.events.InstrumentKind;
import io.carbonx.exchange.core.agreement.AgreementInstrumentRules;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.core.pool.PoolConfig;
import java.util.Objects;

/**
 * How one instrument trades on the exchange.
 *
 * @param instrumentId          the instrument
 * @param kind                  ALLOWANCE and OFFSET trade in an order book; ENERGY in pool bidding
 * @param vintage               compliance year (allowances) or issuance year (offsets); 0 for energy
 * @param bookRules             the order book's rules (ALLOWANCE, OFFSET); null for ENERGY
 * @param poolConfig            the pool-bidding venue's configuration (ENERGY); null otherwise
 * @param poolFirstPeriodStartMs logical start of the first clearing period (ENERGY)
 * @param agreementRules        agreement (block) trade rules, or null if the instrument takes no agreements
 */
public record MarketDefinition(String instrumentId, InstrumentKind kind, int vintage, InstrumentRules bookRules,
                               PoolConfig poolConfig, long poolFirstPeriodStartMs,
                               AgreementInstrumentRules agreementRules) {

    /** Validates consistency: a book for ALLOWANCE/OFFSET, a pool for ENERGY, ids matching. */
    public MarketDefinition {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(kind, "kind");
        if (kind == InstrumentKind.ENERGY) {
            if (poolConfig == null || bookRules != null || !poolConfig.instrumentId().equals(instrumentId)) {
                throw new IllegalArgumentException(instrumentId + ": an ENERGY instrument needs a pool configuration"
                        + " for the same id and no book rules");
            }
        } else if (bookRules == null || poolConfig != null || !bookRules.instrumentId().equals(instrumentId)) {
            throw new IllegalArgumentException(instrumentId + ": a " + kind + " instrument needs book rules for the"
                    + " same id and no pool configuration");
        }
        if (agreementRules != null && !agreementRules.instrumentId().equals(instrumentId)) {
            throw new IllegalArgumentException(instrumentId + ": agreement rules name " + agreementRules.instrumentId());
        }
    }

    /** An allowance or offset instrument traded in an order book. */
    public static MarketDefinition book(InstrumentKind kind, int vintage, InstrumentRules rules,
                                        AgreementInstrumentRules agreementRules) {
        return new MarketDefinition(rules.instrumentId(), kind, vintage, rules, null, 0, agreementRules);
    }

    /** An energy instrument traded by pool bidding. */
    public static MarketDefinition energy(PoolConfig config, long firstPeriodStartMs) {
        return new MarketDefinition(config.instrumentId(), InstrumentKind.ENERGY, 0, null, config, firstPeriodStartMs,
                null);
    }

    /** True for an energy instrument (pool bidding). */
    public boolean isEnergy() {
        return kind == InstrumentKind.ENERGY;
    }
}
