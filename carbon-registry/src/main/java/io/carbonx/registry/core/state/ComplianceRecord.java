package io.carbonx.registry.core.state;

/**
 * One enterprise's compliance position for one year. The obligation is the verified emissions plus any
 * shortfall carried in from the previous year; surrenders reduce what is left of it.
 */
public final class ComplianceRecord {
    private boolean emissionsRecorded;
    private long emissions;
    private long carriedIn;
    private long surrenderedAllowances;
    private long surrenderedOffsets;
    private boolean settled;

    ComplianceRecord() {
    }

    /** @return true once a verifier recorded the year's emissions */
    public boolean emissionsRecorded() {
        return emissionsRecorded;
    }

    /** @return verified emissions in tonnes (0 if not recorded) */
    public long emissions() {
        return emissions;
    }

    /** @return shortfall carried in from the previous year */
    public long carriedIn() {
        return carriedIn;
    }

    /** @return allowances surrendered for the year */
    public long surrenderedAllowances() {
        return surrenderedAllowances;
    }

    /** @return offsets surrendered for the year */
    public long surrenderedOffsets() {
        return surrenderedOffsets;
    }

    /** @return true once the year's annual settlement ran */
    public boolean settled() {
        return settled;
    }

    /** @return emissions + carried-in shortfall */
    public long obligation() {
        return Math.addExact(emissions, carriedIn);
    }

    /** @return allowances + offsets surrendered */
    public long surrendered() {
        return Math.addExact(surrenderedAllowances, surrenderedOffsets);
    }

    /** @return obligation not yet covered by surrenders (never negative) */
    public long remainingObligation() {
        return Math.max(0, obligation() - surrendered());
    }

    void recordEmissions(long tonnes) {
        emissionsRecorded = true;
        emissions = tonnes;
    }

    void carryIn(long tonnes) {
        carriedIn = Math.addExact(carriedIn, tonnes);
    }

    void surrender(boolean offset, long quantity) {
        if (offset) {
            surrenderedOffsets = Math.addExact(surrenderedOffsets, quantity);
        } else {
            surrenderedAllowances = Math.addExact(surrenderedAllowances, quantity);
        }
    }

    void markSettled() {
        settled = true;
    }
}
