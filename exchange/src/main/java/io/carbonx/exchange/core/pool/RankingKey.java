package io.carbonx.exchange.core.pool;

/**
 * What the priority orders of a period sort on.
 *
 * <p>{@link #QUANTITY_TIMES_PRICE} is the reference document's literal rule ("sort value = max (energy consumption
 * quantity N_Cx × energy consumption price P_Cx)", "sort value = min (energy supply quantity N_Sx × energy supply
 * price P_Sx)", formula (3) likewise). A consequence: a large cheap offer can rank after a small dear one, so a
 * consumer may pay more per kWh than the cheapest ask (see POOL_BIDDING.md, worked example).
 * {@link #UNIT_PRICE} ranks by price alone (asks ascending, limits descending), quantity × price breaking ties —
 * the conventional merit order, for instruments that prefer it.
 */
public enum RankingKey {
    /** The reference's sort value, quantity × price; then price; then submission order. Default. */
    QUANTITY_TIMES_PRICE,
    /** Price alone; then quantity × price; then submission order. */
    UNIT_PRICE
}
