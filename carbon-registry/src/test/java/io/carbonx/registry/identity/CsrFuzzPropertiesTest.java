package io.carbonx.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.identity.pki.CsrInspector;
import java.security.KeyPair;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The CSR decoder on hostile input: random bytes and single-byte mutations of a valid CSR either are refused
 * with a reason code or (for a mutation that leaves the signed content intact) yield the same key; no other
 * exception ever escapes. jqwik prints the seed of a failing run.
 */
class CsrFuzzPropertiesTest {

    private static final KeyPair KEY = PkiFixtures.p256();
    private static final byte[] VALID = PkiFixtures.csr(KEY);
    private static final String ID;

    static {
        try {
            ID = CsrInspector.inspect(VALID).participantId();
        } catch (IdentityRefusedException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property(tries = 400)
    void randomBytesAreRefusedAsMalformed(@ForAll("bytes") byte[] input) {
        try {
            CsrInspector.inspect(input);
            throw new AssertionError("random bytes accepted as a CSR");
        } catch (IdentityRefusedException e) {
            assertThat(e.reason()).isEqualTo(IdentityRefusal.MALFORMED_CSR);
        }
    }

    @Property(tries = 600)
    void mutatedCsrIsRefusedOrUnchanged(@ForAll("mutations") int[] mutation) {
        byte[] input = VALID.clone();
        input[mutation[0]] ^= (byte) mutation[1];
        try {
            assertThat(CsrInspector.inspect(input).participantId()).isEqualTo(ID);
        } catch (IdentityRefusedException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(600);
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, VALID.length - 1),
                Arbitraries.integers().between(1, 255)).as((pos, mask) -> new int[] {pos, mask});
    }
}
