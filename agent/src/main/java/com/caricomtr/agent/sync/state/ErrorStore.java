package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Problems for a person to fix, per order and field, bound to one site. An admin retry or dismiss of an order
 * dismisses its open errors ({@link OrderSyncStore#retry}), since they described the attempt being replaced.
 */
public final class ErrorStore {
    private static final String COLUMNS = "id, order_id, field, message, error_class, created_at, dismissed_at";

    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public ErrorStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.ERRORS);
        this.siteId = SiteIds.check(siteId);
    }

    /** @return the new error's id */
    public long record(Long orderId, String field, String message, String errorClass) {
        Objects.requireNonNull(message, "message");
        String sql = "INSERT INTO " + table + " (site_id, order_id, field, message, error_class, created_at)"
                + " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3))";
        // Safe to retry: a deadlock rolls the insert back, so the rerun still adds exactly one row.
        return Jdbc.autoCommit(dataSource, "recording an error", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, siteId);
                Jdbc.setNullableLong(statement, 2, orderId);
                statement.setString(3, Texts.truncate(field, 128));
                statement.setString(4, Texts.truncate(message, Texts.MAX_MESSAGE));
                statement.setString(5, Texts.truncate(errorClass, 64));
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public Page<ErrorRecord> list(ErrorQuery query) {
        Objects.requireNonNull(query, "query");
        Listing listing = new Listing("SELECT " + COLUMNS + " FROM " + table + " WHERE site_id = ?", siteId);
        if (!query.includeDismissed()) {
            listing.and("dismissed_at IS NULL");
        }
        return listing.andIfGiven("order_id = ?", query.orderId())
                .andIfGiven("created_at >= ?", query.from())
                .andIfGiven("created_at < ?", query.to())
                .andContains(query.text(), "message", "field", "error_class")
                .page(dataSource, "listing errors", "created_at DESC, id DESC", query.page(),
                        rs -> new ErrorRecord(rs.getLong("id"), Jdbc.getNullableLong(rs, "order_id"),
                                rs.getString("field"), rs.getString("message"), rs.getString("error_class"),
                                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "dismissed_at")));
    }

    public long countOpen() {
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE site_id = ? AND dismissed_at IS NULL";
        return Jdbc.autoCommit(dataSource, "counting open errors", c -> Queries.count(c, sql, siteId));
    }

    /** Dismisses errors by their ids; returns how many were open. */
    public int dismiss(Collection<Long> errorIds) {
        return dismissWhere("id", errorIds);
    }

    /** Dismisses every open error of these orders; returns how many there were. */
    public int dismissForOrders(Collection<Long> orderIds) {
        return dismissWhere("order_id", orderIds);
    }

    private int dismissWhere(String column, Collection<Long> ids) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        int dismissed = 0;
        for (List<Long> chunk : Jdbc.chunks(sorted, 500)) {
            dismissed += Jdbc.autoCommit(dataSource, "dismissing errors", c -> dismissWhere(c, column, chunk));
        }
        return dismissed;
    }

    /** Inside the caller's transaction (an admin retry or dismiss of orders). */
    int dismissForOrders(Connection connection, List<Long> orderIds) throws SQLException {
        return orderIds.isEmpty() ? 0 : dismissWhere(connection, "order_id", orderIds);
    }

    private int dismissWhere(Connection connection, String column, List<Long> ids) throws SQLException {
        String sql = "UPDATE " + table + " SET dismissed_at = UTC_TIMESTAMP(3) WHERE site_id = ? AND " + column
                + " IN (" + Jdbc.placeholders(ids.size()) + ") AND dismissed_at IS NULL";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, siteId);
            Jdbc.bindLongs(statement, 2, ids);
            return statement.executeUpdate();
        }
    }
}
