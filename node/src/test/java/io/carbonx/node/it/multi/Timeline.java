package io.carbonx.node.it.multi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened when (seconds since the test began), and the figures measured, printed as one block. */
final class Timeline {

    private final long t0 = System.nanoTime();
    private final List<String> events = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    /** Seconds since the start. */
    double now() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Records (and prints at once, so a hanging run still shows its progress) one event. */
    synchronized void mark(String event) {
        String line = String.format("%8.1f s  %s", now(), event);
        events.add(line);
        System.out.println("[fault-test] " + line);
    }

    /** Records a figure. */
    synchronized void figure(String name, String value) {
        figures.put(name, value);
        System.out.println("[fault-test] figure " + name + ": " + value);
    }

    /** The whole timeline and the figures. */
    synchronized String render() {
        StringBuilder b = new StringBuilder("==== multi-process fault test: timeline\n");
        events.forEach(e -> b.append(e).append('\n'));
        b.append("==== figures\n");
        figures.forEach((k, v) -> b.append(String.format("  %-44s %s%n", k, v)));
        return b.toString();
    }
}
