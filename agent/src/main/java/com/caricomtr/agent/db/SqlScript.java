package com.caricomtr.agent.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;

/**
 * Runs a mysqldump-style SQL script over JDBC, so that the same loader works on the embedded server, a
 * Testcontainers MySQL and any server named by the environment (no {@code mysql} client needed).
 *
 * <p>Statements end with {@code ;} at the end of a line, as mysqldump and our own DDL write them; quotes are
 * tracked so that a {@code ;} at the end of a line inside a string does not split it.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** Runs a plain or gzip'ed ({@code .gz}) script. */
    public static int run(Connection connection, InputStream in, boolean gzipped) {
        try (InputStream source = gzipped ? new GZIPInputStream(in, 1 << 16) : in;
             BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8), 1 << 16);
             Statement statement = connection.createStatement()) {
            StringBuilder sql = new StringBuilder();
            QuoteState quotes = new QuoteState();
            int count = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (sql.isEmpty() && (line.isBlank() || line.startsWith("-- ") || line.equals("--"))) {
                    continue;
                }
                sql.append(line).append('\n');
                quotes.scan(line);
                if (!quotes.inside() && line.stripTrailing().endsWith(";")) {
                    String text = sql.toString().strip();
                    statement.execute(text.substring(0, text.length() - 1));
                    count++;
                    sql.setLength(0);
                }
            }
            if (!sql.toString().isBlank()) {
                statement.execute(sql.toString());
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL script failed: " + e.getMessage(), e);
        }
    }

    /** Tracks whether we are inside a quoted string across lines; backslash escapes as MySQL reads them. */
    private static final class QuoteState {
        private char quote;

        void scan(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
            }
        }

        boolean inside() {
            return quote != 0;
        }
    }
}
