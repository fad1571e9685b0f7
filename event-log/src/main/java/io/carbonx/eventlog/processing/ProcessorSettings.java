package io.carbonx.eventlog.processing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one {@link ExactlyOnceProcessor} instance runs.
 *
 * @param groupId                  consumer group shared by all instances of one service
 * @param transactionalId          stable id of <em>this</em> instance (e.g. {@code exchange-0}): a restart with the
 *                                 same id fences the previous incarnation and aborts its open transaction
 * @param inputTopics              topics consumed
 * @param groupInstanceId          static group membership id, or {@code null}; with it a restarted instance takes its
 *                                 partitions back at once instead of waiting for the session timeout
 * @param maxRecordsPerTransaction a transaction is committed once it holds at least this many input records (checked
 *                                 after each poll; {@code max.poll.records} defaults to the smaller of this and
 *                                 1000) ...
 * @param transactionInterval      ... or has been open this long, whichever comes first
 * @param pollTimeout              longest single poll; also bounds how long {@code close()} waits for the loop to
 *                                 notice the stop request
 * @param maxConsecutiveFailures   aborted transactions in a row (without a commit in between) after which the loop
 *                                 gives up and ends {@code FAILED} (a poison record must not spin forever)
 * @param retryBackoff             pause after an aborted transaction before the rewound records are retried
 * @param consumerOverrides        extra consumer configs (see {@code KafkaClients#consumerConfig})
 * @param producerOverrides        extra producer configs (see {@code KafkaClients#transactionalProducerConfig})
 * @param caughtUpCommitSpacing    {@code null}, or: also commit as soon as the loop has processed everything committed
 *                                 on its inputs (every assigned partition's {@code read_committed} lag is zero) and at
 *                                 least this long has passed since the previous commit ended, instead of waiting for
 *                                 the interval. A record then waits for about one commit, not the interval plus a
 *                                 commit; under load transactions still grow by themselves (records arriving during a
 *                                 commit form the next one). The spacing lets the coordinator finish writing the
 *                                 previous transaction's markers: an offset commit sent before that is refused with
 *                                 {@code CONCURRENT_TRANSACTIONS} and retried after a back-off. Costs more, smaller
 *                                 transactions at low rates.
 */
public record ProcessorSettings(
        String groupId,
        String transactionalId,
        List<String> inputTopics,
        String groupInstanceId,
        int maxRecordsPerTransaction,
        Duration transactionInterval,
        Duration pollTimeout,
        int maxConsecutiveFailures,
        Duration retryBackoff,
        Map<String, Object> consumerOverrides,
        Map<String, Object> producerOverrides,
        Duration caughtUpCommitSpacing) {

    public ProcessorSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(transactionalId, "transactionalId");
        inputTopics = List.copyOf(inputTopics);
        Objects.requireNonNull(transactionInterval, "transactionInterval");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        consumerOverrides = Map.copyOf(consumerOverrides);
        producerOverrides = Map.copyOf(producerOverrides);
        if (groupId.isBlank() || transactionalId.isBlank()) {
            throw new IllegalArgumentException("groupId and transactionalId must not be blank");
        }
        if (inputTopics.isEmpty()) {
            throw new IllegalArgumentException("at least one input topic is required");
        }
        if (groupInstanceId != null && groupInstanceId.isBlank()) {
            throw new IllegalArgumentException("groupInstanceId must be null or non-blank");
        }
        if (maxRecordsPerTransaction < 1) {
            throw new IllegalArgumentException("maxRecordsPerTransaction must be >= 1: " + maxRecordsPerTransaction);
        }
        if (transactionInterval.isNegative() || transactionInterval.isZero() || pollTimeout.isNegative()) {
            throw new IllegalArgumentException("transactionInterval must be > 0 and pollTimeout >= 0");
        }
        if (caughtUpCommitSpacing != null && caughtUpCommitSpacing.isNegative()) {
            throw new IllegalArgumentException("caughtUpCommitSpacing must be >= 0: " + caughtUpCommitSpacing);
        }
        if (maxConsecutiveFailures < 1 || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be >= 1 and retryBackoff >= 0");
        }
    }

    /**
     * Spacing of commits made because the loop caught up: 10 ms measured best of 0, 5 and 10 ms with three chained
     * loops at 50, 2,000 and 10,000 records/s ({@code TransactionalHopProbe} in benchmarks).
     */
    public static final Duration DEFAULT_CAUGHT_UP_COMMIT_SPACING = Duration.ofMillis(10);

    /**
     * Defaults: 2000 records or 100 ms per transaction, commits as soon as caught up 10 ms after the previous one,
     * 100 ms polls, 10 consecutive failures, 200 ms back-off.
     */
    public static ProcessorSettings of(String groupId, String transactionalId, List<String> inputTopics) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, null, 2000, Duration.ofMillis(100),
                Duration.ofMillis(100), 10, Duration.ofMillis(200), Map.of(), Map.of(),
                DEFAULT_CAUGHT_UP_COMMIT_SPACING);
    }

    public ProcessorSettings withGroupInstanceId(String id) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, id, maxRecordsPerTransaction,
                transactionInterval, pollTimeout, maxConsecutiveFailures, retryBackoff, consumerOverrides,
                producerOverrides, caughtUpCommitSpacing);
    }

    public ProcessorSettings withTransactionBounds(int maxRecords, Duration interval) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, groupInstanceId, maxRecords, interval,
                pollTimeout, maxConsecutiveFailures, retryBackoff, consumerOverrides, producerOverrides,
                caughtUpCommitSpacing);
    }

    public ProcessorSettings withPollTimeout(Duration timeout) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, groupInstanceId, maxRecordsPerTransaction,
                transactionInterval, timeout, maxConsecutiveFailures, retryBackoff, consumerOverrides,
                producerOverrides, caughtUpCommitSpacing);
    }

    public ProcessorSettings withFailurePolicy(int maxFailures, Duration backoff) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, groupInstanceId, maxRecordsPerTransaction,
                transactionInterval, pollTimeout, maxFailures, backoff, consumerOverrides, producerOverrides,
                caughtUpCommitSpacing);
    }

    public ProcessorSettings withConsumerOverrides(Map<String, Object> overrides) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, groupInstanceId, maxRecordsPerTransaction,
                transactionInterval, pollTimeout, maxConsecutiveFailures, retryBackoff, overrides, producerOverrides,
                caughtUpCommitSpacing);
    }

    public ProcessorSettings withProducerOverrides(Map<String, Object> overrides) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, groupInstanceId, maxRecordsPerTransaction,
                transactionInterval, pollTimeout, maxConsecutiveFailures, retryBackoff, consumerOverrides, overrides,
                caughtUpCommitSpacing);
    }

    /** See {@link #caughtUpCommitSpacing()}; {@code null} turns eager commits off. */
    public ProcessorSettings withCaughtUpCommits(Duration spacing) {
        return new ProcessorSettings(groupId, transactionalId, inputTopics, groupInstanceId, maxRecordsPerTransaction,
                transactionInterval, pollTimeout, maxConsecutiveFailures, retryBackoff, consumerOverrides,
                producerOverrides, spacing);
    }
}
