package io.carbonx.node.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everyone the demo plays, once registered and logged in: the node's bootstrap regulator, a verifier, a court, the
 * exchange's operator (an EXCHANGE participant, the settlement bank that funds the energy pool's platform) and the
 * enterprises with their specs.
 *
 * @param regulator   the bootstrap regulator
 * @param verifier    the emissions verifier
 * @param court       the court that asks for evidence
 * @param operator    the exchange operator
 * @param enterprises the enterprises, in spec order
 */
public record Cast(Actor regulator, Actor verifier, Actor court, Actor operator, List<Enterprise> enterprises) {

    /** An enterprise: who it is and its actor. */
    public record Enterprise(EnterpriseSpec spec, Actor actor) {
        /** Its participant id. */
        public String id() {
            return actor.id();
        }
    }

    /** Checks and copies. */
    public Cast {
        Objects.requireNonNull(regulator, "regulator");
        enterprises = List.copyOf(enterprises);
    }

    /** The enterprise playing {@code kind} among the scripted ones (the first of that kind). */
    public Enterprise scripted(EnterpriseSpec.Kind kind) {
        return enterprises.stream().filter(e -> e.spec().kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + " enterprise"));
    }

    /** The enterprises of the random flow. */
    public List<Enterprise> flow() {
        List<Enterprise> out = new ArrayList<>();
        enterprises.forEach(e -> {
            if (e.spec().inFlow()) {
                out.add(e);
            }
        });
        return out;
    }

    /** Legal names by participant id (every participant the demo plays). */
    public Map<String, String> names() {
        Map<String, String> out = new TreeMap<>();
        for (Actor a : List.of(regulator, verifier, court, operator)) {
            out.put(a.id(), a.legalName());
        }
        enterprises.forEach(e -> out.put(e.id(), e.spec().legalName()));
        return out;
    }
}
