package io.carbonx.registry.core.state;

/** Guards used while applying events: an event that would break an invariant means a corrupt stream. */
final class StateMath {
    private StateMath() {
    }

    static long nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalStateException("event would make " + what + " negative: " + value);
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("event refers to unknown " + what);
        }
        return value;
    }
}
