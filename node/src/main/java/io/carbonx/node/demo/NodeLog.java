package io.carbonx.node.demo;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the embedded node's logs to a file for the duration of the demo, so stdout shows the demo's progress only;
 * {@link #close} puts the console back. A no-op when the logging backend is not logback.
 */
public final class NodeLog implements AutoCloseable {

    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private FileAppender<ILoggingEvent> file;
    private ch.qos.logback.classic.Logger root;

    private NodeLog() {
    }

    /** Redirects the root logger's appenders to {@code path}. */
    public static NodeLog redirect(Path path) {
        NodeLog log = new NodeLog();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return log;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} level=%-5level thread=%thread logger=%logger{36}"
                + " msg=%msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("carbonx-demo-node-log");
        appender.setFile(path.toString());
        appender.setEncoder(encoder);
        appender.start();
        log.root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = log.root.iteratorForAppenders(); it.hasNext(); ) {
            log.detached.add(it.next());
        }
        log.detached.forEach(a -> log.root.detachAppender(a));
        log.root.addAppender(appender);
        log.file = appender;
        return log;
    }

    @Override
    public void close() {
        if (root == null) {
            return;
        }
        root.detachAppender(file);
        file.stop();
        detached.forEach(root::addAppender);
        root = null;
    }
}
