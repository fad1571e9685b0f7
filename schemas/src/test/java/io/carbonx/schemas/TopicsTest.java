package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.BlockCommitted;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.TradeSettled;
import io.carbonx.schemas.TopicSpec.Cleanup;
import io.carbonx.schemas.TopicSpec.KeyKind;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUniqueAndInTheCarbonxNamespace() {
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("carbonx(\\.[a-z]+)+"));
        assertThat(names).contains(Topics.IDENTITY, Topics.FUNDS, Topics.QUOTAS, Topics.ORDERS_SUBMITTED,
                Topics.ORDERS, Topics.TRADES, Topics.SETTLEMENT, Topics.DEFAULTS_EXTERNAL, Topics.COMPLIANCE,
                Topics.RATINGS, Topics.REJECTIONS, Topics.CHAIN_BLOCKS, Topics.CHAIN_VIEWS, Topics.DEAD_LETTER,
                Topics.SNAPSHOTS);
    }

    @Test
    void everyEventAndCommandTypeHasATopicAndRequestsAndHeadersTravelOnlyInsideEvents() {
        for (Class<? extends SpecificRecord> type : EventTypes.events()) {
            assertThat(Topics.carrying(type)).as(type.getSimpleName()).isNotEmpty();
        }
        for (Class<? extends SpecificRecord> type : EventTypes.commands()) {
            assertThat(Topics.carrying(type)).as(type.getSimpleName()).extracting(TopicSpec::name)
                    .containsExactly(Topics.REGISTRY_COMMANDS);
        }
        for (TopicSpec topic : Topics.all()) {
            assertThat(topic.eventTypes()).allMatch(EventTypes::hasEnvelope);
        }
    }

    @Test
    void everyKeyFieldIsARequiredStringOfTheCarriedType() {
        for (TopicSpec topic : Topics.all()) {
            for (Map.Entry<Class<? extends SpecificRecord>, String> entry : topic.keyFields().entrySet()) {
                Schema schema = EventTypes.schemaOf(entry.getKey());
                for (String part : entry.getValue().split("\\.")) {
                    Schema.Field field = schema.getField(part);
                    assertThat(field).as("%s: %s.%s", topic.name(), schema.getName(), part).isNotNull();
                    schema = field.schema();
                }
                assertThat(schema.getType()).as("%s key of %s", topic.name(), entry.getKey().getSimpleName())
                        .isEqualTo(Schema.Type.STRING);
            }
        }
    }

    @Test
    void keyOfReadsTheKeyFieldOfRandomRecords() {
        for (TopicSpec topic : Topics.all()) {
            for (Class<? extends SpecificRecord> type : topic.eventTypes()) {
                for (long seed = 0; seed < 5; seed++) {
                    assertThat(topic.keyOf(RandomDatum.record(type, seed))).isNotNull();
                }
            }
        }
        TradeSettled settled = RandomDatum.record(TradeSettled.class, 3);
        BlockCommitted block = RandomDatum.record(BlockCommitted.class, 3);
        assertThat(Topics.byName(Topics.SETTLEMENT).keyOf(settled)).isEqualTo(settled.getBuyerId());
        assertThat(Topics.byName(Topics.CHAIN_BLOCKS).keyOf(block)).isEqualTo(block.getHeader().getChainId());
    }

    @Test
    void keyOfRefusesATypeTheTopicDoesNotCarry() {
        FundsDeposited deposit = RandomDatum.record(FundsDeposited.class, 1);

        assertThatThrownBy(() -> Topics.byName(Topics.TRADES).keyOf(deposit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not carry");
    }

    @Test
    void aCancelRequestTravelsFromTheGatewayTopicToTheInstrumentTopic() {
        assertThat(Topics.carrying(OrderCancelRequested.class)).extracting(TopicSpec::name)
                .containsExactly(Topics.ORDERS_SUBMITTED, Topics.ORDERS);
    }

    @Test
    void topicsWithTheSameKeyKindShareAPartitionCountSoKeysAreCoPartitioned() {
        for (List<TopicSpec> catalogue : List.of(Topics.all(), Topics.all(3, 12))) {
            for (KeyKind kind : KeyKind.values()) {
                assertThat(catalogue.stream().filter(t -> t.keyKind() == kind).map(TopicSpec::partitions)
                        .distinct().count()).as(kind.toString()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(Topics.all(3, 12)).filteredOn(t -> t.keyKind() == KeyKind.PARTICIPANT)
                .allMatch(t -> t.partitions() == 3);
        assertThat(Topics.all(3, 12)).filteredOn(t -> t.keyKind() == KeyKind.INSTRUMENT)
                .allMatch(t -> t.partitions() == 12);
        assertThat(Topics.byName(Topics.ORDERS).partitions()).isEqualTo(Topics.DEFAULT_INSTRUMENT_PARTITIONS);
        assertThat(Topics.byName(Topics.SETTLEMENT).partitions()).isEqualTo(Topics.DEFAULT_PARTICIPANT_PARTITIONS);
    }

    @Test
    void evidenceIsKeptForeverAndNeverCompacted() {
        assertThat(Topics.anchored()).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.cleanup()).isEqualTo(Cleanup.DELETE);
            assertThat(topic.configs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        });
        assertThat(Topics.byName(Topics.CHAIN_BLOCKS).configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.byName(Topics.DEAD_LETTER).configs())
                .containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
        assertThat(Topics.byName(Topics.SNAPSHOTS).configs()).containsEntry("cleanup.policy", "compact")
                .doesNotContainKey("retention.ms");
    }

    @Test
    void anchoredTopicsAreEveryEventTopicButTheChainsOwnAndDeadLettersSortedByName() {
        List<String> anchored = Topics.anchored().stream().map(TopicSpec::name).toList();

        assertThat(anchored).isSorted().doesNotContain(Topics.CHAIN_BLOCKS, Topics.CHAIN_VIEWS, Topics.DEAD_LETTER,
                Topics.SNAPSHOTS, Topics.REGISTRY_COMMANDS, Topics.REGISTRY_JOURNAL, Topics.REGISTRY_REPLIES)
                .contains(Topics.ORDERS, Topics.TRADES, Topics.SETTLEMENT, Topics.REJECTIONS);
        assertThat(anchored).hasSize(Topics.all().size() - 7);
    }

    @Test
    void theRegistryJournalHoldsEveryLedgerDecisionAndIsKeptForeverInOnePartition() {
        TopicSpec journal = Topics.byName(Topics.REGISTRY_JOURNAL);

        assertThat(journal.partitions()).isEqualTo(1);
        assertThat(Topics.all(3, 12)).filteredOn(t -> t.keyKind() == KeyKind.REGISTRY)
                .allMatch(t -> t.partitions() == 1);
        assertThat(journal.configs()).containsEntry("retention.ms", "-1");
        assertThat(journal.carries(FundsDeposited.class)).isTrue();
        assertThat(Topics.byName(Topics.REGISTRY_REPLIES).configs())
                .containsEntry("retention.ms", Long.toString(Topics.REPLIES_RETENTION_MS));
    }

    @Test
    void aSpecRefusesEvidenceThatIsNotKeptForeverAndZeroPartitions() {
        assertThatThrownBy(() -> new TopicSpec("t", KeyKind.PARTICIPANT, 1, Cleanup.DELETE, 1000, true, Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSpec("t", KeyKind.PARTICIPANT, 1, Cleanup.COMPACT, -1, true, Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.byName(Topics.ORDERS).withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.byName("carbonx.nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
