package io.carbonx.chain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.chain.testing.KafkaLog;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.BlockCommitted;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.schemas.EventCodec;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Publishers of one chain never write a height twice, whoever reports it and however often. */
@ExtendWith(KafkaBrokerExtension.class)
class ChainPublisherIT {

    @TempDir
    Path dir;
    private ValidatorRoster roster;

    @BeforeEach
    void roster() throws Exception {
        char[] pass = ChainTestSupport.PASSPHRASE.toCharArray();
        ValidatorEnrolment.Settings s = new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("v")),
                ValidatorRoster.DEFAULT_ROLES, "pub", dir.resolve("ca"), pass,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), pass, 1000, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), Instant.now());
        roster = ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), Instant.now());
    }

    /** A chain of {@code n} blocks (certificates well formed; publishers do not verify). */
    private static List<CommittedBlock> chain(String chainId, int n) {
        List<CommittedBlock> out = new ArrayList<>();
        ChainState head = ChainState.genesis(chainId);
        for (int h = 1; h <= n; h++) {
            Block b = Block.assemble(head, List.of(new LogEvent("t", 0, h - 1L, ("e" + h).getBytes(
                    StandardCharsets.UTF_8))), 10L * h);
            List<SignedMessage<Commit>> commits = new ArrayList<>();
            for (int v = 0; v < 3; v++) {
                commits.add(new SignedMessage<>(new Commit(0, h, b.header().hash()), v, new byte[64]));
            }
            out.add(new CommittedBlock(b.header(), new CommitCertificate(commits)));
            head = head.append(b.header());
        }
        return out;
    }

    private List<Long> publishedHeights(KafkaLog log, String topic) {
        List<Long> out = new ArrayList<>();
        for (byte[] v : log.values(topic)) {
            out.add(EventCodec.standard().decode(v, BlockCommitted.class).getHeader().getHeight());
        }
        return out;
    }

    @Test
    void competingPublishersFenceEachOtherAndEveryHeightAppearsExactlyOnce(KafkaBroker broker) throws Exception {
        String chainId = "pub-" + System.nanoTime();
        String blocks = broker.createTopic("pub-blocks", 1);
        String views = broker.createTopic("pub-views", 1);
        List<CommittedBlock> chain = chain(chainId, 60);
        ChainPublisher first = new ChainPublisher(broker.clients(), chainId, blocks, views, roster,
                KafkaClientTracker.NONE, "test", 300);
        ChainPublisher second = new ChainPublisher(broker.clients(), chainId, blocks, views, roster,
                KafkaClientTracker.NONE, "test", 300);
        try (KafkaLog log = new KafkaLog(broker.clients(), "pub-reader-" + chainId, 1)) {
            first.start();
            first.submitBlocks(chain.subList(0, 20));
            Await.until("first publishes 20", 60_000, () -> first.publishedHeight() == 20, first::state);

            second.start();
            for (int i = 20; i < 60; i += 5) {
                first.submitBlocks(chain.subList(0, i + 5));
                second.submitBlocks(chain.subList(i - 20, i + 5));
                second.submitView(0, i / 5, 1, i, 0);
                first.submitView(0, i / 5, 1, i, 0);
            }
            Await.until("all 60 published", 60_000,
                    () -> Math.max(first.publishedHeight(), second.publishedHeight()) == 60,
                    () -> first.state() + " / " + second.state());

            assertThat(publishedHeights(log, blocks)).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 60).boxed().toList());
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aRestartedPublisherResumesAfterTheLastPublishedHeightIncludingRestoredBlocks(KafkaBroker broker)
            throws Exception {
        String chainId = "pub-restart-" + System.nanoTime();
        String blocks = broker.createTopic("pub-blocks", 1);
        String views = broker.createTopic("pub-views", 1);
        List<CommittedBlock> chain = chain(chainId, 30);
        try (KafkaLog log = new KafkaLog(broker.clients(), "pub-reader-" + chainId, 1)) {
            ChainPublisher before = new ChainPublisher(broker.clients(), chainId, blocks, views, roster,
                    KafkaClientTracker.NONE, "test", 300);
            before.start();
            before.submitBlocks(chain.subList(0, 12));
            Await.until("12 published", 60_000, () -> before.publishedHeight() == 12, before::state);
            before.close();

            ChainPublisher after = new ChainPublisher(broker.clients(), chainId, blocks, views, roster,
                    KafkaClientTracker.NONE, "test", 300);
            after.start();
            after.submitBlocks(chain.subList(0, 30)); // what a restarted validator restores from its store
            Await.until("30 published", 60_000, () -> after.publishedHeight() == 30, after::state);
            after.close();

            assertThat(publishedHeights(log, blocks)).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 30).boxed().toList());
        }
    }
}
