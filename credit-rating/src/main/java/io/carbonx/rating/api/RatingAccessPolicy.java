package io.carbonx.rating.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.carbonx.events.Role;

/**
 * Who may read which ratings. Deny by default:
 * <ul>
 *   <li>every authenticated caller may read <em>its own</em> rating and history;</li>
 *   <li>a REGULATOR may read everyone's and list all ratings (it supervises the market);</li>
 *   <li>COURT and ARBITRATOR may too: they rule on defaults and disputes, and the rating history (with the events
 *       that caused each change) is part of the evidence they weigh;</li>
 *   <li>ENTERPRISE, VERIFIER and EXCHANGE see only their own (the exchange gets grades from the ratings topic, not
 *       from the API).</li>
 * </ul>
 * The grade effects table is public to every authenticated caller (the rules are transparent).
 */
public final class RatingAccessPolicy {

    /** The roles that see every participant's rating by default. */
    public static final Set<Role> DEFAULT_SEE_ALL =
            Collections.unmodifiableSet(EnumSet.of(Role.REGULATOR, Role.COURT, Role.ARBITRATOR));

    private final Set<Role> seeAll;

    /** The default policy ({@link #DEFAULT_SEE_ALL}). */
    public RatingAccessPolicy() {
        this(DEFAULT_SEE_ALL);
    }

    /** @param seeAll the roles that may read every participant's rating */
    public RatingAccessPolicy(Set<Role> seeAll) {
        this.seeAll = seeAll.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(seeAll));
    }

    /** @return whether {@code caller} may read the rating and history of {@code participantId} */
    public boolean mayRead(Caller caller, String participantId) {
        return caller != null && (seeAll.contains(caller.role()) || caller.participantId().equals(participantId));
    }

    /** @return whether {@code caller} may list every participant's rating */
    public boolean mayList(Caller caller) {
        return caller != null && seeAll.contains(caller.role());
    }

    /** @return the roles that see everyone's rating */
    public Set<Role> seeAll() {
        return seeAll;
    }
}
