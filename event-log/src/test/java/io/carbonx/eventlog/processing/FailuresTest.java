package io.carbonx.eventlog.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void fencingEndsTheLoopEvenWhenWrapped() {
        assertThat(Failures.classify(new ProducerFencedException("x"))).isEqualTo(Failures.Kind.FENCED);
        assertThat(Failures.classify(new InvalidProducerEpochException("x"))).isEqualTo(Failures.Kind.FENCED);
        assertThat(Failures.classify(new FencedInstanceIdException("x"))).isEqualTo(Failures.Kind.FENCED);
        assertThat(Failures.classify(new KafkaException("error state", new ProducerFencedException("x"))))
                .isEqualTo(Failures.Kind.FENCED);
    }

    @Test
    void unusableClientsAreFatal() {
        assertThat(Failures.classify(new OutOfOrderSequenceException("x"))).isEqualTo(Failures.Kind.FATAL);
        assertThat(Failures.classify(new TopicAuthorizationException("x"))).isEqualTo(Failures.Kind.FATAL);
        assertThat(Failures.classify(new Failures.UnrecoverableException("commit timed out", null)))
                .isEqualTo(Failures.Kind.FATAL);
    }

    @Test
    void processingProduceAndGenerationErrorsAreAbortable() {
        assertThat(Failures.classify(new IllegalStateException("bad record"))).isEqualTo(Failures.Kind.ABORTABLE);
        assertThat(Failures.classify(new KafkaException("error state", new RecordTooLargeException("x"))))
                .isEqualTo(Failures.Kind.ABORTABLE);
        assertThat(Failures.classify(new CommitFailedException("stale generation")))
                .isEqualTo(Failures.Kind.ABORTABLE);
    }
}
