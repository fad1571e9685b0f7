package io.carbonx.node.demo;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The demo's progress on stdout: one line per step and per notable fact, each prefixed by the seconds since the
 * demo began. Thread-safe.
 */
public final class Progress {

    private final PrintWriter out;
    private final long startNanos = System.nanoTime();
    private int step;
    private final int steps;

    /**
     * @param out   where to print
     * @param steps number of steps announced
     */
    public Progress(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** Seconds since the start. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Announces the next step. */
    public synchronized void step(String title) {
        step++;
        line("[" + step + "/" + steps + "] " + title);
    }

    /** A fact within the current step. */
    public synchronized void info(String text) {
        line("      " + text);
    }

    /** A formatted fact. */
    public void info(String format, Object... args) {
        info(String.format(Locale.ROOT, format, args));
    }

    private void line(String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsedSeconds(), text);
        out.flush();
    }

    /** A plain line (no prefix). */
    public synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }
}
