package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Backfill runs of one site. The runner reports progress after each batch and stops when a report returns false:
 * that is how a cancel from the dashboard reaches it, even in another agent.
 */
public final class BackfillStore {
    private static final String COLUMNS = "id, from_date, to_date, statuses, state, total, queued, cursor_id,"
            + " created_at, updated_at";

    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public BackfillStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.BACKFILLS);
        this.siteId = SiteIds.check(siteId);
    }

    /** Starts a run in {@code running} state. */
    public Backfill create(LocalDate fromDate, LocalDate toDate, List<String> statuses) {
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new IllegalArgumentException("backfill ends (" + toDate + ") before it starts (" + fromDate + ")");
        }
        String joined = joinStatuses(statuses);
        String sql = "INSERT INTO " + table + " (site_id, from_date, to_date, statuses, state, queued, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, 'running', 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))";
        long id = Jdbc.autoCommit(dataSource, "creating a backfill", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, siteId);
                setDate(statement, 2, fromDate);
                setDate(statement, 3, toDate);
                statement.setString(4, joined);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return get(id).orElseThrow();
    }

    public Optional<Backfill> get(long id) {
        List<Backfill> found = select(" AND id = ?", id, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** The newest runs first. */
    public List<Backfill> recent(int limit) {
        return select("", null, Math.min(Math.max(limit, 1), PageRequest.MAX_LIMIT));
    }

    public List<Backfill> running() {
        return select(" AND state = 'running'", null, PageRequest.MAX_LIMIT);
    }

    /** Records how many orders the run will look at; false when it is no longer running. */
    public boolean setTotal(long id, long total) {
        return update(id, "total = ?", total);
    }

    /**
     * Adds {@code queuedDelta} enqueued orders and moves the cursor to {@code cursorId} (never backwards). False when
     * the run is no longer running: the runner must stop.
     */
    public boolean progress(long id, long queuedDelta, long cursorId) {
        if (queuedDelta < 0) {
            throw new IllegalArgumentException("queued orders only grow, got " + queuedDelta);
        }
        String sql = "UPDATE " + table + " SET queued = queued + ?, cursor_id = GREATEST(COALESCE(cursor_id, 0), ?),"
                + " updated_at = UTC_TIMESTAMP(3) WHERE site_id = ? AND id = ? AND state = 'running'";
        return Jdbc.autoCommit(dataSource, "recording backfill progress", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setLong(1, queuedDelta);
                statement.setLong(2, cursorId);
                statement.setString(3, siteId);
                statement.setLong(4, id);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** running → done; false when it was not running. */
    public boolean finish(long id) {
        return update(id, "state = 'done'", null);
    }

    /** running → cancelled; false when it was not running. */
    public boolean cancel(long id) {
        return update(id, "state = 'cancelled'", null);
    }

    private boolean update(long id, String set, Long value) {
        String sql = "UPDATE " + table + " SET " + set + ", updated_at = UTC_TIMESTAMP(3)"
                + " WHERE site_id = ? AND id = ? AND state = 'running'";
        return Jdbc.autoCommit(dataSource, "updating backfill " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                int index = 1;
                if (value != null) {
                    statement.setLong(index++, value);
                }
                statement.setString(index++, siteId);
                statement.setLong(index, id);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private List<Backfill> select(String condition, Long id, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM " + table + " WHERE site_id = ?" + condition
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return Jdbc.autoCommit(dataSource, "reading backfills", c -> {
            List<Backfill> runs = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                int index = 1;
                statement.setString(index++, siteId);
                if (id != null) {
                    statement.setLong(index++, id);
                }
                statement.setInt(index, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        runs.add(read(rs));
                    }
                }
            }
            return runs;
        });
    }

    private static Backfill read(ResultSet rs) throws SQLException {
        String statuses = rs.getString("statuses");
        return new Backfill(rs.getLong("id"), rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class),
                statuses == null || statuses.isEmpty() ? List.of() : Arrays.asList(statuses.split(",")),
                BackfillState.fromDb(rs.getString("state")), Jdbc.getNullableLong(rs, "total"), rs.getLong("queued"),
                Jdbc.getNullableLong(rs, "cursor_id"), Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "updated_at"));
    }

    private static String joinStatuses(List<String> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return null;
        }
        for (String status : statuses) {
            if (status == null || !status.matches("[a-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("order status must be 1-32 characters of a-z 0-9 _ -, got '"
                        + status + "'");
            }
        }
        String joined = String.join(",", statuses.stream().distinct().toList());
        return Texts.requireLength("statuses", joined, 1024, false);
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }
}
