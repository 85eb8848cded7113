package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Buffers rows for one table and writes them as multi-row {@code INSERT ... VALUES (...),(...)} statements, so that
 * tens of thousands of orders cost a few thousand round trips instead of millions.
 *
 * <p>Values are written as SQL literals rather than bound parameters: with a thousand rows a statement, the drivers'
 * client-side parameter substitution cost more than the server's work. Strings are quoted here, with backslashes
 * escaped unless the session runs with {@code NO_BACKSLASH_ESCAPES}; numbers are written from {@link Number}s only.
 */
final class BulkInsert {
    /** Rows per statement, and the statement size after which we send early (well below max_allowed_packet). */
    private static final int MAX_ROWS = 1_000;
    private static final int MAX_CHARS = 512 * 1024;

    private final Statement statement;
    private final String insertPrefix;
    private final int columns;
    private final boolean backslashEscapes;
    private final StringBuilder sql = new StringBuilder(MAX_CHARS + 64 * 1024);
    private int buffered;
    private long written;

    BulkInsert(Statement statement, boolean backslashEscapes, String table, List<String> columnNames) {
        this.statement = statement;
        this.backslashEscapes = backslashEscapes;
        this.columns = columnNames.size();
        this.insertPrefix = "INSERT INTO `" + table + "` (`" + String.join("`, `", columnNames) + "`) VALUES ";
    }

    /** Whether string literals need backslashes doubled in this session (false under NO_BACKSLASH_ESCAPES). */
    static boolean backslashEscapes(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            String mode = rs.getString(1);
            return mode == null || !mode.toUpperCase().contains("NO_BACKSLASH_ESCAPES");
        }
    }

    /** Adds one row; values in column order: {@link String}, {@link Number} or {@code null} for SQL NULL. */
    void add(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException(insertPrefix + ": expected " + columns + " values, got "
                    + values.length);
        }
        sql.append(buffered == 0 ? insertPrefix : ",").append('(');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sql.append(',');
            }
            literal(values[i]);
        }
        sql.append(')');
        buffered++;
        if (buffered == MAX_ROWS || sql.length() >= MAX_CHARS) {
            flush();
        }
    }

    /** Writes whatever is buffered. */
    void flush() {
        if (buffered == 0) {
            return;
        }
        try {
            statement.executeUpdate(sql.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(insertPrefix.substring(0, insertPrefix.indexOf('(')) + "failed: "
                    + e.getMessage(), e);
        }
        written += buffered;
        buffered = 0;
        sql.setLength(0);
    }

    long written() {
        return written;
    }

    private void literal(Object value) {
        switch (value) {
            case null -> sql.append("NULL");
            case String s -> quoted(s);
            case BigDecimal d -> sql.append(d.toPlainString());
            case Long l -> sql.append(l.longValue());
            case Integer n -> sql.append(n.intValue());
            default -> throw new IllegalArgumentException("unsupported SQL value type " + value.getClass());
        }
    }

    private void quoted(String s) {
        sql.append('\'');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                sql.append("''");
            } else if (c == '\\' && backslashEscapes) {
                sql.append("\\\\");
            } else if (c == 0) {
                // A NUL byte can end a C string on the way; neither WordPress nor we ever store one.
                throw new IllegalArgumentException("NUL character in a value for " + insertPrefix);
            } else {
                sql.append(c);
            }
        }
        sql.append('\'');
    }
}
