package io.carbonx.node.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Who an enterprise of the demo is: drawn from the seed, before anything is sent.
 *
 * @param index           position (profile name {@code e<index>})
 * @param legalName       legal name
 * @param kind            its part in the day
 * @param cashMinor       cash it deposits
 * @param allowances      allowances of {@link DemoPlan#YEAR} allocated to it
 * @param nextAllowances  allowances of the next vintage
 * @param offsets         offsets issued to it (0 = none)
 * @param emissions       verified emissions of {@link DemoPlan#YEAR}, tonnes
 */
public record EnterpriseSpec(int index, String legalName, Kind kind, long cashMinor, long allowances,
                             long nextAllowances, long offsets, long emissions) {

    /** The part an enterprise plays. */
    public enum Kind {
        /** Buys more than it can pay in the scripted scene: a payment default, a lower grade, a larger deposit. */
        DEFAULTER,
        /** Sells in an agreement what it then sells on the book: a delivery default; frozen and cancelled. */
        ROGUE,
        /** The counterparty of the scripted scenes (the defaulter's seller, the priority scene's seller). */
        ANCHOR,
        /** A clean buyer whose better grade wins the equal-price priority scene. */
        CLEAN,
        /** An emitter trading to cover its obligation. */
        COMPLIANCE,
        /** A well-funded trader. */
        TRADER,
        /** Thinly funded: buys beyond its cash and defaults on payment now and then. */
        THIN
    }

    private static final String[] FIRST = {"Helios", "Rogue", "Nordwind", "Aurora", "Baltic", "Carpathia", "Danube",
        "Elbe", "Fjord", "Garonne", "Hanse", "Iberia", "Jura", "Kestrel", "Loire", "Meuse", "Narvik", "Oder",
        "Pyrenees", "Quercus", "Rhine", "Saxon", "Tagus", "Umbria", "Vistula", "Weser", "Ypres", "Zeeland", "Alder",
        "Bora", "Cobalt", "Delta", "Ember", "Flint", "Granite", "Harbor", "Ion", "Juniper", "Krypton", "Lumen"};
    private static final String[] TRADE = {"Cement", "Metals", "Power", "Chemicals", "Steel", "Glass", "Paper",
        "Refining", "Aluminium", "Ceramics", "Energy", "Fertilisers", "Lime", "Airlines", "Shipping", "Utilities"};
    private static final String[] FORM = {"AG", "SA", "GmbH", "Oy", "AB", "NV", "plc", "S.p.A.", "AS", "Ltd"};

    /**
     * The enterprises for {@code count} and {@code seed}: four scripted ones first, then emitters, traders and at
     * least two thinly funded ones.
     */
    public static List<EnterpriseSpec> draw(int count, long seed) {
        Random r = new Random(seed);
        List<EnterpriseSpec> out = new ArrayList<>();
        out.add(new EnterpriseSpec(0, "Helios Cement AG", Kind.DEFAULTER, 400_000, 400, 0, 0, 380));
        out.add(new EnterpriseSpec(1, "Rogue Metals Ltd", Kind.ROGUE, 30_000_000, 600, 0, 0, 900));
        out.add(new EnterpriseSpec(2, "Nordwind Power AS", Kind.ANCHOR, 80_000_000, 6_000, 4_000, 500, 5_200));
        out.add(new EnterpriseSpec(3, "Aurora Glass Oy", Kind.CLEAN, 40_000_000, 2_000, 1_000, 0, 1_900));
        int thin = Math.max(2, count / 10);
        int traders = Math.max(2, count / 5);
        for (int i = DemoPlan.SCRIPTED; i < count; i++) {
            int k = i - DemoPlan.SCRIPTED;
            Kind kind = k < thin ? Kind.THIN : k < thin + traders ? Kind.TRADER : Kind.COMPLIANCE;
            String name = FIRST[(i + 4) % FIRST.length] + " " + TRADE[r.nextInt(TRADE.length)] + " "
                    + FORM[r.nextInt(FORM.length)] + (i + 4 >= FIRST.length ? " " + (i + 4) / FIRST.length : "");
            out.add(switch (kind) {
                case THIN -> new EnterpriseSpec(i, name, kind, between(r, 250_000, 600_000), between(r, 50, 200), 0,
                        0, between(r, 250, 450));
                case TRADER -> new EnterpriseSpec(i, name, kind, between(r, 150_000_000, 300_000_000),
                        between(r, 1_500, 3_000), between(r, 1_000, 2_000), 0, between(r, 300, 900));
                default -> {
                    long alloc = between(r, 2_500, 8_000);
                    long emissions = alloc * between(r, 85, 125) / 100;
                    yield new EnterpriseSpec(i, name, kind, between(r, 40_000_000, 90_000_000), alloc,
                            between(r, 1_000, 3_000), r.nextBoolean() ? between(r, 100, 400) : 0, emissions);
                }
            });
        }
        return List.copyOf(out);
    }

    private static long between(Random r, long lo, long hi) {
        return lo + (long) (r.nextDouble() * (hi - lo));
    }

    /** The local profile name. */
    public String profileName() {
        return "e" + index;
    }

    /** True for enterprises of the random flow. */
    public boolean inFlow() {
        return kind == Kind.COMPLIANCE || kind == Kind.TRADER || kind == Kind.THIN;
    }
}
