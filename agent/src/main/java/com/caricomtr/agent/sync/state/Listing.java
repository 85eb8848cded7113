package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

/**
 * A filtered, paged listing (logs, errors, orders): a base SELECT, the conditions whose filter was given, each with
 * its values, then one page read one row past its end to learn whether more follow.
 */
final class Listing {
    private final StringBuilder sql;
    private final List<Object> values = new ArrayList<>();

    /** @param select {@code SELECT ... FROM ... WHERE ...} with {@code ?} for {@code values} */
    Listing(String select, Object... values) {
        this.sql = new StringBuilder(select);
        this.values.addAll(Arrays.asList(values));
    }

    /** Adds {@code AND condition}. */
    Listing and(String condition, Object... conditionValues) {
        sql.append(" AND ").append(condition);
        values.addAll(Arrays.asList(conditionValues));
        return this;
    }

    /** Adds {@code AND condition} with {@code value} for its one {@code ?}, unless the filter is absent (null). */
    Listing andIfGiven(String condition, Object value) {
        return value == null ? this : and(condition, value);
    }

    /** When {@code text} is not blank, rows where any of {@code columns} contains it. */
    Listing andContains(String text, String... columns) {
        if (Texts.blank(text)) {
            return this;
        }
        String pattern = Texts.contains(text.strip());
        List<String> likes = Arrays.stream(columns).map(column -> column + " LIKE ? ESCAPE '!'").toList();
        return and("(" + String.join(" OR ", likes) + ")", Arrays.stream(columns).map(c -> pattern).toArray());
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs the listing ordered by {@code orderBy} and returns the requested page. */
    <T> Page<T> page(DataSource dataSource, String what, String orderBy, PageRequest page, RowReader<T> rows) {
        String query = sql + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
        List<Object> bound = new ArrayList<>(values);
        bound.add(page.limit() + 1);
        bound.add(page.offset());
        return Jdbc.autoCommit(dataSource, what, c -> {
            List<T> fetched = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(query)) {
                bind(statement, bound);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        fetched.add(rows.read(rs));
                    }
                }
            }
            return Page.of(fetched, page.offset(), page.limit());
        });
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            switch (value) {
                case Instant instant -> Jdbc.setInstant(statement, index, instant);
                case Long number -> statement.setLong(index, number);
                case Integer number -> statement.setInt(index, number);
                case String text -> statement.setString(index, text);
                default -> throw new IllegalArgumentException("cannot bind " + value.getClass());
            }
            index++;
        }
    }
}
