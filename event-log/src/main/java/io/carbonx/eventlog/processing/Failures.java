package io.carbonx.eventlog.processing;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Sorts a failure of the loop into what the loop must do about it. */
final class Failures {

    /** What a failure means for the loop. */
    enum Kind {
        /** Another incarnation of this instance took over (same transactional.id or group.instance.id): exit. */
        FENCED,
        /** The producer or consumer is unusable or misconfigured: exit with the error. */
        FATAL,
        /** Abort the transaction, rewind to the committed offsets, retry. */
        ABORTABLE
    }

    /** The loop gave up on an operation it may only retry (a commit or abort that kept timing out). */
    static final class UnrecoverableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnrecoverableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Failures() {
    }

    /** Walks the cause chain: a fencing anywhere wins, then a fatal error, else the failure is abortable. */
    static Kind classify(Throwable failure) {
        boolean fatal = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof FencedInstanceIdException) {
                return Kind.FENCED;
            }
            if (t instanceof Error || t instanceof UnrecoverableException || t instanceof OutOfOrderSequenceException || t instanceof InvalidPidMappingException
                    || t instanceof AuthorizationException || t instanceof AuthenticationException
                    || t instanceof UnsupportedVersionException) {
                fatal = true;
            }
        }
        return fatal ? Kind.FATAL : Kind.ABORTABLE;
    }
}
