package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/** Connection handling shared by the stores: transient-error retries, UTC times, IN-lists. */
final class Jdbc {
    private static final int MAX_ATTEMPTS = 8;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;
    /** How often a deadlock or lock wait timeout made us run work again; the concurrency tests report it. */
    static final LongAdder TRANSIENT_RETRIES = new LongAdder();

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Runs statements in autocommit mode. The work must be safe to run again from the start: a deadlock rolls back
     * only the statement that hit it, and the whole work is repeated.
     */
    static <T> T autoCommit(DataSource dataSource, String what, Work<T> work) {
        return withRetries(dataSource, what, work, false);
    }

    /**
     * Runs the work in one READ COMMITTED transaction. READ COMMITTED takes no gap locks on reads, so claims,
     * enqueues and counter bumps of several agents do not deadlock on each other's index gaps; a deadlock that
     * happens anyway rolls the whole transaction back, and it is run again.
     */
    static <T> T transaction(DataSource dataSource, String what, Work<T> work) {
        return withRetries(dataSource, what, work, true);
    }

    private static <T> T withRetries(DataSource dataSource, String what, Work<T> work, boolean transaction) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return transaction ? inTransaction(connection, work) : work.run(connection);
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw new StateStoreException(what + " failed: " + e.getMessage(), e);
                }
                last = e;
                TRANSIENT_RETRIES.increment();
                pause(attempt, what);
            }
        }
        throw new StateStoreException(what + " failed after " + MAX_ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        // Each change is a round trip; the agent's pool already opens its sessions READ COMMITTED.
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // A lock wait timeout rolls back only its statement: the rollback undoes the rest before a rerun.
            try {
                connection.rollback();
                restore(connection, autoCommit, isolation);
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        try {
            restore(connection, autoCommit, isolation);
        } catch (SQLException e) {
            // Committed already: reporting a failure now would make the caller redo work that is done. A
            // connection that cannot even be reset is broken, and the pool discards it.
        }
        return result;
    }

    /** Pools hand the connection to the next borrower as it is left. */
    private static void restore(Connection connection, boolean autoCommit, int isolation) throws SQLException {
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
            connection.setTransactionIsolation(isolation);
        }
        connection.setAutoCommit(autoCommit);
    }

    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                        || (state != null && state.startsWith("40"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause(int attempt, String what) {
        try {
            // Jitter keeps two agents that deadlocked on each other from meeting again at the same instant.
            Thread.sleep(5L * attempt + (long) (Math.random() * 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException(what + " interrupted", e);
        }
    }

    /** {@code ?, ?, ?} for an IN-list of {@code count} values. */
    static String placeholders(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN-list needs at least one value");
        }
        return "?" + ", ?".repeat(count - 1);
    }

    /** Binds the ids from {@code index} on and returns the next free index. */
    static int bindLongs(PreparedStatement statement, int index, Collection<Long> values) throws SQLException {
        for (long value : values) {
            statement.setLong(index++, value);
        }
        return index;
    }

    /**
     * Times travel as UTC wall-clock {@link LocalDateTime}: both drivers pass those through untouched, whereas
     * {@link java.sql.Timestamp} would be shifted by the JVM's or the session's time zone.
     */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Long getNullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer getNullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The database's clock, in UTC: every agent's leases and due times are measured against this one clock. */
    static Instant now(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT UTC_TIMESTAMP(3) AS now_utc");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return getInstant(rs, "now_utc");
        }
    }

    /** Splits a list into chunks of at most {@code size}, for IN-lists and multi-row inserts of bounded length. */
    static <T> List<List<T>> chunks(List<T> values, int size) {
        int count = (values.size() + size - 1) / size;
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> values.subList(i * size, Math.min(values.size(), (i + 1) * size))).toList();
    }
}
