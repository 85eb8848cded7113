package com.caricomtr.agent.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every line a logger and those below it (e.g. a package's, {@code com.caricomtr.agent.api}) log while open,
 * formatted as a log file would show it.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public CapturedLogs(String loggerName) {
        logger = Logger.getLogger(loggerName);
        previousLevel = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
