package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the reader's queries and counts them, so the benchmark can prove a batch costs a fixed number of statements.
 */
final class Sql {
    private final AtomicLong statements = new AtomicLong();

    long statements() {
        return statements.get();
    }

    /** Streams a query's rows to {@code rows}; the statement is closed afterwards. */
    void query(Connection connection, String sql, RowHandler rows) throws SQLException {
        statements.incrementAndGet();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.row(rs);
            }
        }
    }

    /**
     * An SQL list of ids. Ids are Java longs, so inlining them is injection-proof, and it keeps one statement text
     * per batch instead of thousands of bound placeholders.
     */
    static String idList(Collection<Long> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 7);
        for (Long id : ids) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(id.longValue());
        }
        return sb.toString();
    }

    /** An SQL list of string literals for fixed, known meta keys (never user data). */
    static String keyList(Collection<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append('\'').append(key.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return sb.toString();
    }

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }
}
