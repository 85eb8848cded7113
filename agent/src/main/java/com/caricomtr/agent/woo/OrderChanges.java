package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Finds orders that changed since a watermark, and the current status of given orders: the two cheap questions
 * the sync asks WooCommerce over and over.
 *
 * <p>The watermark is (modification time, id): rows with the same second are told apart by id, so none is skipped
 * when many orders change within one second. HPOS has an index on {@code date_updated_gmt}; posts have none on
 * {@code post_modified_gmt}, so there the query narrows by the {@code type_status_date} index (order type and the
 * statuses asked for) and filters the time — WordPress's tables are never altered to add an index.
 */
public final class OrderChanges {
    private final DataSource dataSource;
    private final TablePrefix prefix;
    private final OrderStorage storage;

    public OrderChanges(DataSource dataSource, TablePrefix prefix, OrderStorage storage) {
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.storage = storage;
    }

    /**
     * Orders modified after ({@code since}, {@code afterId}), oldest first, at most {@code limit}.
     *
     * @param statuses for posts storage, the statuses worth seeing (without {@code wc-}); ignored for HPOS
     */
    public List<OrderChange> changedSince(Instant since, long afterId, int limit, Collection<String> statuses) {
        String sql = storage == OrderStorage.HPOS
                ? "SELECT id, status, date_updated_gmt FROM " + prefix.table("wc_orders")
                        + " WHERE type = 'shop_order' AND date_updated_gmt >= ? AND (date_updated_gmt > ? OR id > ?)"
                        + " ORDER BY date_updated_gmt, id LIMIT " + limit
                : "SELECT ID, post_status, post_modified_gmt FROM " + prefix.table("posts")
                        + " WHERE post_type = 'shop_order' AND post_status IN (" + Sql.keyList(wc(statuses)) + ")"
                        + " AND post_modified_gmt >= ? AND (post_modified_gmt > ? OR ID > ?)"
                        + " ORDER BY post_modified_gmt, ID LIMIT " + limit;
        Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        List<OrderChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            s.setLong(3, afterId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new OrderChange(rs.getLong(1), status(rs.getString(2)),
                            SqlDates.gmt(rs.getString(3), "modified")));
                }
            }
        } catch (SQLException e) {
            throw new WooReadException("cannot poll " + prefix + " for changed orders", e);
        }
        return changes;
    }

    /** The newest modification mark: where a fresh poller starts, so that it does not replay the shop's history. */
    public OrderChange newest() {
        String sql = storage == OrderStorage.HPOS
                ? "SELECT id, status, date_updated_gmt FROM " + prefix.table("wc_orders")
                        + " WHERE type = 'shop_order' ORDER BY date_updated_gmt DESC, id DESC LIMIT 1"
                : "SELECT ID, post_status, post_modified_gmt FROM " + prefix.table("posts")
                        + " WHERE post_type = 'shop_order' ORDER BY post_modified_gmt DESC, ID DESC LIMIT 1";
        List<OrderChange> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            new Sql().query(c, sql, rs -> found.add(new OrderChange(rs.getLong(1), status(rs.getString(2)),
                    SqlDates.gmt(rs.getString(3), "modified"))));
        } catch (SQLException e) {
            throw new WooReadException("cannot read the newest order of " + prefix, e);
        }
        return found.isEmpty() ? new OrderChange(0, "", Instant.EPOCH) : found.getFirst();
    }

    /** The current status (without {@code wc-}) of each given order that exists. */
    public Map<Long, String> statuses(Collection<Long> orderIds) {
        Map<Long, String> statuses = new HashMap<>();
        if (orderIds.isEmpty()) {
            return statuses;
        }
        String sql = storage == OrderStorage.HPOS
                ? "SELECT id, status FROM " + prefix.table("wc_orders") + " WHERE type = 'shop_order' AND id IN ("
                        + Sql.idList(orderIds) + ")"
                : "SELECT ID, post_status FROM " + prefix.table("posts") + " WHERE post_type = 'shop_order' AND ID IN ("
                        + Sql.idList(orderIds) + ")";
        try (Connection c = dataSource.getConnection()) {
            new Sql().query(c, sql, rs -> statuses.put(rs.getLong(1), status(rs.getString(2))));
        } catch (SQLException e) {
            throw new WooReadException("cannot read order statuses of " + prefix, e);
        }
        return statuses;
    }

    /**
     * Order ids created within [{@code from}, {@code to}) in the given statuses, above {@code afterId}, ascending:
     * the backfill's cursor.
     */
    public List<Long> createdBetween(Instant from, Instant to, Collection<String> statuses, long afterId, int limit) {
        String sql = storage == OrderStorage.HPOS
                ? "SELECT id FROM " + prefix.table("wc_orders") + " WHERE type = 'shop_order' AND status IN ("
                        + Sql.keyList(wc(statuses)) + ") AND date_created_gmt >= ? AND date_created_gmt < ? AND id > ?"
                        + " ORDER BY id LIMIT " + limit
                : "SELECT ID FROM " + prefix.table("posts") + " WHERE post_type = 'shop_order' AND post_status IN ("
                        + Sql.keyList(wc(statuses)) + ") AND post_date_gmt >= ? AND post_date_gmt < ? AND ID > ?"
                        + " ORDER BY ID LIMIT " + limit;
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(from, ZoneOffset.UTC)));
            s.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
            s.setLong(3, afterId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new WooReadException("cannot list orders of " + prefix + " for a backfill", e);
        }
        return ids;
    }

    private static List<String> wc(Collection<String> statuses) {
        return statuses.stream().map(s -> s.startsWith("wc-") ? s : "wc-" + s).toList();
    }

    private static String status(String stored) {
        return stored != null && stored.startsWith("wc-") ? stored.substring(3) : stored == null ? "" : stored;
    }
}
