package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.schemas.EventCodec;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Running the signature checks ahead on other threads ({@link RunAhead}) changes no report: over the sample bundles
 * and a seeded sample of single-byte mutations of every member of two of them (commit signatures and messages,
 * signed requests, time-stamp tokens, certificates, CRL, events...), the concurrent verifier's checks — names,
 * verdicts, reasons, details and their order — equal the sequential verifier's.
 */
class ConcurrentVerificationTest {

    private static final long SEED = Long.getLong("evidence.concurrent.seed", 20261121L);

    static X509Certificate root;
    static Map<String, byte[]> bundles;

    @BeforeAll
    static void bundles() throws Exception {
        EvidenceFixture fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        root = fx.pki.root();
        bundles = SampleBundles.build(fx);
    }

    @Test
    void givenMutatedBundles_whenVerifiedConcurrently_thenTheReportEqualsTheSequentialOne() throws Exception {
        EvidenceVerifier sequential = new EvidenceVerifier(EventCodec.standard(), false);
        EvidenceVerifier concurrent = new EvidenceVerifier(EventCodec.standard(), true);
        Random random = new Random(SEED);
        int compared = 0;
        int failed = 0;
        for (Map.Entry<String, byte[]> bundle : bundles.entrySet()) {
            compared += same(sequential, concurrent, bundle.getValue(), bundle.getKey());
        }
        for (String name : List.of("trade", "order")) {
            SortedMap<String, byte[]> members = StoredZip.read(bundles.get(name));
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                for (int n = 0; n < 3; n++) {
                    int index = random.nextInt(member.getValue().length);
                    byte mask = (byte) (1 + random.nextInt(255));
                    byte[] tampered = EvidenceTamperTest.rebuild(members, member.getKey(), index, mask);
                    String what = name + " " + member.getKey() + " byte " + index + " ^ " + (mask & 0xFF)
                            + " (seed " + SEED + ")";
                    compared += same(sequential, concurrent, tampered, what);
                    failed += sequential.verify(tampered, root).valid() ? 0 : 1;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(failed).as("mutations rejected").isGreaterThan(100);
    }

    private static int same(EvidenceVerifier sequential, EvidenceVerifier concurrent, byte[] zip, String what) {
        VerificationReport expected = sequential.verify(zip, root);
        for (int repeat = 0; repeat < 2; repeat++) {
            VerificationReport actual = concurrent.verify(zip, root);
            assertThat(actual.checks()).as(what).containsExactlyElementsOf(expected.checks());
            assertThat(actual).as(what).isEqualTo(expected);
        }
        return 1;
    }

    @Test
    void resultsAreTakenInOrderWhateverOrderThePoolRunsThem() throws Exception {
        List<Runnable> queued = Collections.synchronizedList(new ArrayList<>());
        Executor reversing = queued::add;
        RunAhead ahead = RunAhead.on(reversing);
        List<RunAhead.Pending<Integer>> pending = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            int value = i;
            pending.add(ahead.submit(() -> {
                runs.incrementAndGet();
                return value * value;
            }));
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(() -> {
            for (int i = queued.size() - 1; i >= 0; i--) {
                queued.get(i).run();
            }
            ran.countDown();
        });
        assertThat(ran.await(60, TimeUnit.SECONDS)).isTrue();
        List<Integer> results = new ArrayList<>();
        for (RunAhead.Pending<Integer> p : pending) {
            results.add(p.get());
        }
        pool.shutdown();
        assertThat(results).containsExactly(0, 1, 4, 9, 16, 25);
        assertThat(runs.get()).as("each computed once").isEqualTo(6);
    }

    @Test
    void theCallerComputesWhatNobodyStarted_andGetsTheComputationsException() {
        RunAhead ahead = RunAhead.on(task -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        });
        RunAhead.Pending<String> ok = ahead.submit(() -> "computed by the caller");
        RunAhead.Pending<String> bad = ahead.submit(() -> {
            throw new IllegalArgumentException("bad input");
        });
        assertThat(ok.get()).isEqualTo("computed by the caller");
        assertThatThrownBy(bad::get).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
        assertThat(RunAhead.inline().submit(() -> 42).get()).isEqualTo(42);
    }
}
