package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.caricomtr.agent.sync.state.SyncState.DISMISSED;
import static com.caricomtr.agent.sync.state.SyncState.FAILED;
import static com.caricomtr.agent.sync.state.SyncState.NEEDS_REVIEW;
import static com.caricomtr.agent.sync.state.SyncState.PENDING;

/**
 * What an admin does to orders from the dashboard. Rows a worker holds ({@code sending}) are never touched: the
 * worker's outcome would overwrite the admin's decision, or the reverse.
 */
final class OrderSyncAdmin {
    private static final String RETRYABLE = OrderSyncTable.stateList(FAILED, NEEDS_REVIEW);
    private static final String DISMISSABLE = OrderSyncTable.stateList(PENDING, FAILED, NEEDS_REVIEW);
    private static final String CLEARABLE = OrderSyncTable.stateList(PENDING, FAILED, NEEDS_REVIEW, DISMISSED);

    private final OrderSyncTable table;
    private final ErrorStore errors;

    OrderSyncAdmin(OrderSyncTable table, ErrorStore errors) {
        this.table = table;
        this.errors = errors;
    }

    List<Long> retry(Collection<Long> orderIds) {
        return change(orderIds, RETRYABLE, "state = 'pending', attempts = 0, claims = 0, lost_claims = 0,"
                + " reason = 'manual', next_attempt_at = UTC_TIMESTAMP(3), queued_at = UTC_TIMESTAMP(3)",
                "retrying");
    }

    List<Long> dismiss(Collection<Long> orderIds) {
        return change(orderIds, DISMISSABLE, "state = 'dismissed'", "dismissing");
    }

    boolean clearInvoiceNumber(long orderId) {
        String sql = "UPDATE " + table.name + " SET invoice_series = NULL, invoice_number = NULL,"
                + " invoice_sequence = NULL, cari_invoice_id = NULL, updated_at = UTC_TIMESTAMP(3) WHERE "
                + OrderSyncTable.SCOPE + " AND order_id = ? AND state IN " + CLEARABLE;
        return Jdbc.autoCommit(table.dataSource, "clearing the invoice number of order " + orderId, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setLong(table.bindScope(statement, 1), orderId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Locks the rows that may change, changes exactly those, and dismisses their open errors, in one transaction;
     * returns the ids that changed.
     */
    private List<Long> change(Collection<Long> orderIds, String fromStates, String set, String what) {
        List<Long> sorted = orderIds.stream().distinct().sorted().toList();
        List<Long> changed = new ArrayList<>();
        for (List<Long> chunk : Jdbc.chunks(sorted, 500)) {
            changed.addAll(Jdbc.transaction(table.dataSource, what + " " + chunk.size() + " orders",
                    c -> change(c, chunk, fromStates, set)));
        }
        return changed;
    }

    private List<Long> change(Connection connection, List<Long> ids, String fromStates, String set)
            throws SQLException {
        String lock = "SELECT order_id FROM " + table.name + " WHERE " + OrderSyncTable.SCOPE + " AND order_id IN ("
                + Jdbc.placeholders(ids.size()) + ") AND state IN " + fromStates + " ORDER BY order_id FOR UPDATE";
        List<Long> locked = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(lock)) {
            Jdbc.bindLongs(statement, table.bindScope(statement, 1), ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    locked.add(rs.getLong(1));
                }
            }
        }
        if (locked.isEmpty()) {
            return locked;
        }
        String update = "UPDATE " + table.name + " SET " + set + ", claimed_by = NULL, claimed_until = NULL,"
                + " updated_at = UTC_TIMESTAMP(3) WHERE " + OrderSyncTable.SCOPE + " AND order_id IN ("
                + Jdbc.placeholders(locked.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            Jdbc.bindLongs(statement, table.bindScope(statement, 1), locked);
            statement.executeUpdate();
        }
        errors.dismissForOrders(connection, locked);
        return locked;
    }
}
