package io.carbonx.registry.core;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.Role;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.Instrument;
import io.carbonx.registry.core.state.LedgerState;
import java.util.Arrays;

/** Validation shared by the deciders; each method refuses with one precise {@link ReasonCode}. */
public final class Guards {
    private Guards() {
    }

    /**
     * @param value an id or reference
     * @param field its name
     * @return the value
     * @throws Refusal MISSING_ID if null or blank
     */
    public static String id(String value, String field) {
        require(value != null && !value.isBlank(), ReasonCode.MISSING_ID, field + " is missing");
        return value;
    }

    /**
     * @param value a required value
     * @param field its name
     * @param <T>   its type
     * @return the value
     * @throws Refusal MISSING_FIELD if null
     */
    public static <T> T present(T value, String field) {
        require(value != null, ReasonCode.MISSING_FIELD, field + " is missing");
        return value;
    }

    /**
     * @param time a logical time
     * @throws Refusal NEGATIVE_TIME if negative
     */
    public static void time(long time) {
        require(time >= 0, ReasonCode.NEGATIVE_TIME, "time " + time + " is negative");
    }

    /**
     * @param amount cash amount
     * @param field  its name
     * @throws Refusal NON_POSITIVE_AMOUNT unless positive
     */
    public static void positiveAmount(long amount, String field) {
        require(amount > 0, ReasonCode.NON_POSITIVE_AMOUNT, field + " must be > 0, was " + amount);
    }

    /**
     * @param quantity quantity
     * @param field    its name
     * @throws Refusal NON_POSITIVE_QUANTITY unless positive
     */
    public static void positiveQuantity(long quantity, String field) {
        require(quantity > 0, ReasonCode.NON_POSITIVE_QUANTITY, field + " must be > 0, was " + quantity);
    }

    /**
     * @param price price per tonne
     * @throws Refusal NON_POSITIVE_PRICE unless positive
     */
    public static void positivePrice(long price) {
        require(price > 0, ReasonCode.NON_POSITIVE_PRICE, "price must be > 0, was " + price);
    }

    /**
     * @param s  state
     * @param id participant id
     * @return its account
     * @throws Refusal MISSING_ID, UNKNOWN_ACCOUNT
     */
    public static Account account(LedgerState s, String id) {
        id(id, "participantId");
        return s.account(id).orElseThrow(() -> new Refusal(ReasonCode.UNKNOWN_ACCOUNT, "no account " + id));
    }

    /**
     * @param s  state
     * @param id participant id of an ordinary (non-system) ENTERPRISE account
     * @return its account
     * @throws Refusal MISSING_ID, UNKNOWN_ACCOUNT, NOT_AN_ENTERPRISE
     */
    public static Account enterprise(LedgerState s, String id) {
        Account a = account(s, id);
        require(a.role() == Role.ENTERPRISE && !a.isSystem(), ReasonCode.NOT_AN_ENTERPRISE,
                id + " is " + a.role());
        return a;
    }

    /**
     * The acting participant: an ordinary ACTIVE account with one of the roles.
     *
     * @param s       state
     * @param actorId acting participant
     * @param roles   permitted roles
     * @return its account
     * @throws Refusal MISSING_ID, UNKNOWN_ACTOR, SYSTEM_ACCOUNT, ACTOR_ROLE_NOT_PERMITTED, ACTOR_NOT_ACTIVE
     */
    public static Account actor(LedgerState s, String actorId, Role... roles) {
        id(actorId, "actorId");
        Account a = s.account(actorId).orElseThrow(() -> new Refusal(ReasonCode.UNKNOWN_ACTOR,
                "no account " + actorId));
        require(!a.isSystem(), ReasonCode.SYSTEM_ACCOUNT, actorId + " is a system account");
        require(Arrays.asList(roles).contains(a.role()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED,
                actorId + " is " + a.role() + ", needs " + Arrays.toString(roles));
        require(a.status() == AccountStatus.ACTIVE, ReasonCode.ACTOR_NOT_ACTIVE, actorId + " is " + a.status());
        return a;
    }

    /**
     * @param a an account
     * @throws Refusal ACCOUNT_CANCELLED if cancelled
     */
    public static void notCancelled(Account a) {
        require(a.status() != AccountStatus.CANCELLED, ReasonCode.ACCOUNT_CANCELLED, a.id() + " is cancelled");
    }

    /**
     * @param a an account
     * @throws Refusal ACCOUNT_CANCELLED, ACCOUNT_FROZEN unless ACTIVE
     */
    public static void active(Account a) {
        notCancelled(a);
        require(a.status() != AccountStatus.FROZEN, ReasonCode.ACCOUNT_FROZEN, a.id() + " is frozen");
    }

    /**
     * @param s  state
     * @param id instrument id
     * @return the instrument
     * @throws Refusal MISSING_ID, UNKNOWN_INSTRUMENT
     */
    public static Instrument instrument(LedgerState s, String id) {
        id(id, "instrumentId");
        return s.instrument(id).orElseThrow(() -> new Refusal(ReasonCode.UNKNOWN_INSTRUMENT, "no instrument " + id));
    }

    /**
     * @param s         state
     * @param kind      reference namespace
     * @param reference the reference
     * @throws Refusal MISSING_ID, DUPLICATE_REFERENCE
     */
    public static void freshReference(LedgerState s, String kind, String reference) {
        id(reference, kind + " reference");
        require(!s.referenceUsed(kind, reference), ReasonCode.DUPLICATE_REFERENCE,
                kind + " reference " + reference + " was used before");
    }
}
