package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Per-day counters for the dashboard, bound to one site. Days are UTC days of the database clock. A count is kept
 * in {@link #SHARDS} rows, so that concurrent increments rarely wait on one another's row lock, and read as their
 * sum.
 */
public final class CounterStore {
    public static final String FAILED = "failed";
    public static final String NEEDS_REVIEW = "needs_review";
    public static final String RETRIED = "retried";
    static final int SHARDS = 16;

    private final DataSource dataSource;
    private final String siteId;
    private final String increment;
    private final String range;

    public CounterStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.siteId = SiteIds.check(siteId);
        String table = location.qualified(StateTable.COUNTERS);
        increment = "INSERT INTO " + table + " (site_id, day, shard, name, value) VALUES (?, UTC_DATE(), ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE value = value + ?";
        range = "SELECT day, SUM(value) AS value FROM " + table + " WHERE site_id = ? AND name = ?"
                + " AND day BETWEEN ? AND ? GROUP BY day";
    }

    public void increment(String name, long delta) {
        Jdbc.transaction(dataSource, "counting " + name, connection -> {
            increment(connection, name, delta, java.util.concurrent.ThreadLocalRandom.current().nextInt(SHARDS));
            return null;
        });
    }

    /**
     * Inside the caller's transaction, so that the count moves together with the change it counts.
     *
     * @param spread any number that differs between concurrent callers, e.g. the order id; it picks the shard
     */
    void increment(Connection connection, String name, long delta, long spread) throws SQLException {
        Texts.requireLength("counter name", name, 64, false);
        if (delta < 0) {
            throw new IllegalArgumentException("counters only grow, got " + delta);
        }
        try (PreparedStatement statement = connection.prepareStatement(increment)) {
            statement.setString(1, siteId);
            statement.setInt(2, (int) Math.floorMod(spread, (long) SHARDS));
            statement.setString(3, name);
            statement.setLong(4, delta);
            statement.setLong(5, delta);
            statement.executeUpdate();
        }
    }

    /** The last {@code days} UTC days up to today, oldest first, days without counts as 0. */
    public List<DayCount> perDay(String name, int days) {
        checkDays(days);
        return Jdbc.autoCommit(dataSource, "reading counter " + name, connection -> {
            LocalDate today = today(connection);
            try (PreparedStatement statement = connection.prepareStatement(range)) {
                statement.setString(1, siteId);
                statement.setString(2, name);
                statement.setObject(3, today.minusDays(days - 1L));
                statement.setObject(4, today);
                try (ResultSet rs = statement.executeQuery()) {
                    return perDay(today, days, rs);
                }
            }
        });
    }

    static void checkDays(int days) {
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("days must be 1..3660, got " + days);
        }
    }

    /** Every day of the {@code days} up to {@code today}, from rows of (day, value); missing days count 0. */
    static List<DayCount> perDay(LocalDate today, int days, ResultSet rows) throws SQLException {
        Map<LocalDate, Long> stored = new HashMap<>();
        while (rows.next()) {
            stored.put(rows.getObject("day", LocalDate.class), rows.getLong("value"));
        }
        List<DayCount> counts = new ArrayList<>(days);
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            counts.add(new DayCount(day, stored.getOrDefault(day, 0L)));
        }
        return counts;
    }

    static LocalDate today(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT UTC_DATE() AS today");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getObject("today", LocalDate.class);
        }
    }
}
