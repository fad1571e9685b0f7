/**
 * The registry's pure ledger core: accounts, quotas, order locks, settlement, defaults, freezes and annual
 * compliance, as one deterministic event-sourced aggregate ({@link io.carbonx.registry.core.Ledger}).
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@code command}: plain records in; time and ids come with them.
 *   <li>{@code accounts}, {@code quotas}, {@code orders}, {@code settlement}, {@code defaults},
 *       {@code compliance}: one decider per use case, {@code decide(command, state) → events}.
 *   <li>{@code event}: plain records out (the integrator maps them to the Avro events of {@code schemas}).
 *   <li>{@code state}: the state and its evolution, {@code evolve(state, event)}; the only mutators are
 *       package-private there, so deciders cannot change state except by emitting events.
 *   <li>{@code audit}: the invariants, checkable on any state.
 * </ul>
 *
 * <h2>Rounding (all integer, all documented where applied)</h2>
 * <ul>
 *   <li>deposit = ceil(notional x depositBps / 10000) (never under-collateralised);
 *   <li>a fill consumes floor(deposit x fillQty / orderQty) of each order's deposit, the fill that completes the
 *       order takes whatever remains, so the portions sum to the deposit exactly;
 *   <li>commission = floor(notional x commissionBps / 10000), paid out of the seller's proceeds;
 *   <li>deemed loss of a settlement default = ceil(notional x deemedLossBps / 10000);
 *   <li>offset cap = floor(obligation x offsetCapBps / 10000);
 *   <li>average-price penalty: vwap = floor(sum notional / sum quantity) over the year's settled allowance
 *       trades, price = floor(vwap x multipleBps / 10000), penalty = shortfall x price.
 * </ul>
 */
package io.carbonx.registry.core;
