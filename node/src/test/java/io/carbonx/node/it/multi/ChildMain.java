package io.carbonx.node.it.multi;

import java.io.IOException;
import java.io.InputStream;

import io.carbonx.node.Main;

/**
 * The launcher of a role process in {@link MultiProcessFaultIT}: {@link Main} itself, plus a watchdog that halts the
 * JVM when its standard input reaches end-of-file, which happens when the test JVM that holds the other end of the
 * pipe is gone (even killed), so no role outlives the test.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the test never writes: only end-of-file matters
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone as well
            }
            Runtime.getRuntime().halt(86);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Main.main(args);
    }
}
