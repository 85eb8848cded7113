package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views for the dashboard and the WooCommerce orders-list column. */
final class OrderSyncQueries {
    private final OrderSyncTable table;

    OrderSyncQueries(OrderSyncTable table) {
        this.table = table;
    }

    /** In order-id order. */
    Map<Long, OrderSyncState> states(Collection<Long> orderIds) {
        List<Long> sorted = orderIds.stream().distinct().sorted().toList();
        Map<Long, OrderSyncState> states = new LinkedHashMap<>();
        for (List<Long> chunk : Jdbc.chunks(sorted, 500)) {
            String sql = "SELECT " + OrderSyncTable.COLUMNS + " FROM " + table.name + " WHERE " + OrderSyncTable.SCOPE
                    + " AND order_id IN (" + Jdbc.placeholders(chunk.size()) + ") ORDER BY order_id";
            Jdbc.autoCommit(table.dataSource, "reading order states", c -> {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    Jdbc.bindLongs(statement, table.bindScope(statement, 1), chunk);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            OrderSyncState state = OrderSyncTable.read(rs);
                            states.put(state.orderId(), state);
                        }
                    }
                }
                return null;
            });
        }
        return states;
    }

    Page<OrderSyncState> list(OrderSyncQuery query) {
        Listing listing = new Listing("SELECT " + OrderSyncTable.COLUMNS + " FROM " + table.name
                + " WHERE site_id = ? AND document = ?", table.siteId, table.document);
        if (!query.states().isEmpty()) {
            listing.and("state IN " + OrderSyncTable.stateList(query.states().toArray(SyncState[]::new)));
        }
        return listing.andIfGiven("order_id = ?", query.orderId())
                .andContains(query.errorText(), "last_error", "last_error_class")
                .page(table.dataSource, "listing orders", "order_id DESC", query.page(), OrderSyncTable::read);
    }

    Map<SyncState, Long> countsByState() {
        String sql = "SELECT state, COUNT(*) FROM " + table.name + " WHERE " + OrderSyncTable.SCOPE + " GROUP BY state";
        return Jdbc.autoCommit(table.dataSource, "counting orders by state", c -> {
            Map<SyncState, Long> counts = new EnumMap<>(SyncState.class);
            for (SyncState state : SyncState.values()) {
                counts.put(state, 0L);
            }
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                table.bindScope(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        counts.put(SyncState.fromDb(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Synced orders per UTC day of their (last) sync, from synced_at; a forced resend moves an order's day. */
    List<DayCount> syncedPerDay(int days) {
        CounterStore.checkDays(days);
        String sql = "SELECT DATE(synced_at) AS day, COUNT(*) AS value FROM " + table.name + " WHERE "
                + OrderSyncTable.SCOPE + " AND synced_at >= DATE_SUB(UTC_DATE(), INTERVAL ? DAY) AND state = 'synced'"
                + " GROUP BY DATE(synced_at)";
        return Jdbc.autoCommit(table.dataSource, "counting synced orders per day", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setInt(table.bindScope(statement, 1), days - 1);
                try (ResultSet rs = statement.executeQuery()) {
                    return CounterStore.perDay(CounterStore.today(c), days, rs);
                }
            }
        });
    }

    /** How long the oldest unfinished (pending or sending) row has been waiting; zero when none is. */
    Duration lag() {
        String sql = "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(queued_at), UTC_TIMESTAMP(3)) FROM " + table.name
                + " WHERE " + OrderSyncTable.SCOPE + " AND state IN ('pending', 'sending')";
        return Jdbc.autoCommit(table.dataSource, "measuring the lag", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                table.bindScope(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    long micros = rs.getLong(1);
                    return rs.wasNull() ? Duration.ZERO : Duration.ofNanos(Math.max(0, micros) * 1_000);
                }
            }
        });
    }
}
