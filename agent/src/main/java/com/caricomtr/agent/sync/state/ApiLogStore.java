package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import com.caricomtr.agent.cari.CariExchangeListener;

/** The request log of one site: append-only, queried by the dashboard, trimmed by {@link RetentionCleaner}. */
public final class ApiLogStore {
    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public ApiLogStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.API_LOG);
        this.siteId = SiteIds.check(siteId);
    }

    /** @return the new row's id */
    public long append(ApiLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String sql = insertSql();
        return Jdbc.autoCommit(dataSource, "appending to the request log", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(statement, entry);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Appends several entries in one batched statement: the sync's log writer flushes this way. */
    public void appendAll(java.util.List<ApiLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = insertSql();
        Jdbc.autoCommit(dataSource, "appending to the request log", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (ApiLogEntry entry : entries) {
                    bind(statement, entry);
                    statement.addBatch();
                }
                statement.executeBatch();
                return null;
            }
        });
    }

    private String insertSql() {
        return "INSERT INTO " + table + " (site_id, order_id, attempt, method, url, request_body, status,"
                + " response_body, duration_ms, outcome, error_class, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))";
    }

    private void bind(PreparedStatement statement, ApiLogEntry entry) throws java.sql.SQLException {
        statement.setString(1, siteId);
        Jdbc.setNullableLong(statement, 2, entry.orderId());
        setNullableInt(statement, 3, entry.attempt());
        statement.setString(4, entry.method());
        statement.setString(5, Texts.truncate(entry.url(), 2048));
        statement.setString(6, Texts.truncate(entry.requestBody(), Texts.MAX_BODY));
        setNullableInt(statement, 7, entry.status());
        statement.setString(8, Texts.truncate(entry.responseBody(), Texts.MAX_BODY));
        statement.setLong(9, Math.min(entry.durationMs(), 4_294_967_295L));
        statement.setString(10, entry.outcome());
        statement.setString(11, Texts.truncate(entry.errorClass(), 64));
    }

    /**
     * A listener for the Cari client that appends every exchange. The client logs and ignores a listener's
     * exception, so a failing log write never fails a sync.
     */
    public CariExchangeListener asListener() {
        return exchange -> append(ApiLogEntry.from(exchange));
    }

    public Optional<ApiLogRecord> get(long id) {
        String sql = "SELECT * FROM " + table + " WHERE site_id = ? AND id = ?";
        return Jdbc.autoCommit(dataSource, "reading request log entry " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setLong(2, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
                }
            }
        });
    }

    public Page<ApiLogRecord> query(ApiLogQuery query) {
        Objects.requireNonNull(query, "query");
        String columns = "id, order_id, attempt, method, url, status, duration_ms, outcome, error_class, created_at"
                + (query.includeBodies() ? ", request_body, response_body" : "");
        return new Listing("SELECT " + columns + " FROM " + table + " WHERE site_id = ?", siteId)
                .andIfGiven("order_id = ?", query.orderId())
                .andIfGiven("outcome = ?", query.outcome())
                .andIfGiven("created_at >= ?", query.from())
                .andIfGiven("created_at < ?", query.to())
                .andContains(query.text(), "url", "request_body", "response_body", "error_class")
                .page(dataSource, "querying the request log", "created_at DESC, id DESC", query.page(),
                        rs -> read(rs, query.includeBodies()));
    }

    private static ApiLogRecord read(ResultSet rs, boolean bodies) throws SQLException {
        return new ApiLogRecord(rs.getLong("id"), Jdbc.getNullableLong(rs, "order_id"),
                Jdbc.getNullableInt(rs, "attempt"), rs.getString("method"), rs.getString("url"),
                bodies ? rs.getString("request_body") : null, Jdbc.getNullableInt(rs, "status"),
                bodies ? rs.getString("response_body") : null, rs.getLong("duration_ms"), rs.getString("outcome"),
                rs.getString("error_class"), Jdbc.getInstant(rs, "created_at"));
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
