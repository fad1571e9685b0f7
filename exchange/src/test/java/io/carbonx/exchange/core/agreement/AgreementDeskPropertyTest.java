package io.carbonx.exchange.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random terms against an independent oracle of the documented rules: registered exactly when every rule holds;
 * a refusal never changes the desk; the same sequence of terms gives the same state hash.
 */
class AgreementDeskPropertyTest {

    private static final long NOW = 10_000_000L;
    private static final long REFERENCE = 1_000;

    private static AgreementDesk desk() {
        return new AgreementDesk("chain", 1_000_000L, List.of(new AgreementInstrumentRules("EUA", REFERENCE, 3_000,
                50, 10, 5)));
    }

    private static AgreementTerms randomTerms(Random r, int i) {
        String[] parties = {"A", "B", "C"};
        return new AgreementTerms(r.nextInt(20) == 0 ? "other" : "chain", "AG-" + r.nextInt(i + 3),
                r.nextInt(20) == 0 ? "OTHER" : "EUA", parties[r.nextInt(3)], parties[r.nextInt(3)],
                r.nextInt(8) == 0 ? r.nextInt(2_000) - 500 : 5L * (100 + r.nextInt(160)),
                r.nextInt(8) == 0 ? r.nextInt(200) - 20 : 10L * (3 + r.nextInt(20)),
                NOW + r.nextInt(1_200_000) - 100_000, NOW + r.nextInt(200) - 20);
    }

    /** The rules, written independently of the production checks. */
    private static boolean oracleAccepts(AgreementTerms t, boolean alreadyRegistered) {
        long deviation = Math.abs(t.priceMinor() - REFERENCE);
        return t.chainId().equals("chain") && !alreadyRegistered && NOW < t.expiresAtMs()
                && !t.buyerId().equals(t.sellerId()) && t.instrumentId().equals("EUA")
                && t.quantity() >= 50 && t.quantity() % 10 == 0
                && t.priceMinor() > 0 && t.priceMinor() % 5 == 0
                && BigInteger.valueOf(deviation).multiply(BigInteger.valueOf(10_000))
                .compareTo(BigInteger.valueOf(REFERENCE * 3_000)) <= 0
                && t.settlementDateMs() > NOW && t.settlementDateMs() - NOW <= 1_000_000L;
    }

    @Property(tries = 300)
    void registeredExactlyWhenEveryRuleHolds_andRefusalsChangeNothing(@ForAll long seed) {
        Random r = new Random(seed);
        AgreementDesk desk = desk();
        for (int i = 0; i < 30; i++) {
            AgreementTerms t = randomTerms(r, i);
            boolean already = desk.registration(t.agreementId()).isPresent();
            String before = desk.stateHash();
            int count = desk.registrations().size();

            AgreementDecision d = desk.register(t, NOW);

            assertThat(d.isRegistered()).as("%s -> %s %s", t, d.reason(), d.detail())
                    .isEqualTo(oracleAccepts(t, already));
            if (d.isRegistered()) {
                assertThat(d.registration().notionalMinor()).isEqualTo(t.priceMinor() * t.quantity());
                assertThat(desk.registrations()).hasSize(count + 1);
            } else {
                assertThat(desk.stateHash()).isEqualTo(before);
                assertThat(d.reason()).isNotNull();
            }
        }
    }

    /** Guards against a generator that never produces acceptable terms (the oracle would then prove little). */
    @Property(tries = 50)
    void generatorProducesBothOutcomes(@ForAll long seed) {
        Random r = new Random(seed);
        AgreementDesk desk = desk();
        long accepted = 0;
        long refused = 0;
        for (int i = 0; i < 200; i++) {
            if (desk.register(randomTerms(r, i), NOW).isRegistered()) {
                accepted++;
            } else {
                refused++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
    }

    @Property(tries = 100)
    void sameTermsInTheSameOrder_giveTheSameStateHash(@ForAll long seed) {
        AgreementDesk a = desk();
        AgreementDesk b = desk();
        Random ra = new Random(seed);
        Random rb = new Random(seed);
        for (int i = 0; i < 30; i++) {
            a.register(randomTerms(ra, i), NOW);
            b.register(randomTerms(rb, i), NOW);
        }
        assertThat(a.stateHash()).isEqualTo(b.stateHash());
        assertThat(a.registrations()).isEqualTo(b.registrations());
    }
}
