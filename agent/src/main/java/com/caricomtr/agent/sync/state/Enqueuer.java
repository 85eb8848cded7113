package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.caricomtr.agent.sync.state.SyncState.DISMISSED;
import static com.caricomtr.agent.sync.state.SyncState.FAILED;
import static com.caricomtr.agent.sync.state.SyncState.NEEDS_REVIEW;
import static com.caricomtr.agent.sync.state.SyncState.SYNCED;

/**
 * Enqueueing without double rows: the primary key (site, order, document) decides, not whoever arrives first.
 *
 * <p>Insert-if-absent is {@code INSERT IGNORE} (whose affected-row count says whether this call inserted), and a
 * forced requeue is an UPDATE conditioned on the states it may leave. Both are single statements, so concurrent
 * enqueues from any number of threads or agents cannot produce a second row or undo each other's work.
 * {@code INSERT IGNORE} also downgrades over-long values to warnings, which is why every value is checked in Java
 * first ({@link EnqueueRequest}).
 */
final class Enqueuer {
    private static final int BATCH = 500;
    private static final String INSERT_COLUMNS = " (site_id, order_id, document, state, order_status, reason,"
            + " force_send, attempts, claim_seq, next_attempt_at, queued_at, created_at, updated_at) VALUES ";
    private static final String INSERT_ROW = "(?, ?, ?, 'pending', ?, ?, ?, 0, 0, UTC_TIMESTAMP(3),"
            + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))";
    private static final String REQUEUABLE = OrderSyncTable.stateList(SYNCED, FAILED, NEEDS_REVIEW, DISMISSED);
    private static final String REQUEUE_SET = " SET state = 'pending', force_send = 1, attempts = 0, claims = 0,"
            + " lost_claims = 0, next_attempt_at = UTC_TIMESTAMP(3), queued_at = UTC_TIMESTAMP(3),"
            + " updated_at = UTC_TIMESTAMP(3), claimed_by = NULL, claimed_until = NULL, ";

    private final OrderSyncTable table;
    private final String insertOne;
    private final String requeueOne;
    private final String selectState;

    Enqueuer(OrderSyncTable table) {
        this.table = table;
        insertOne = "INSERT IGNORE INTO " + table.name + INSERT_COLUMNS + INSERT_ROW;
        requeueOne = "UPDATE " + table.name + REQUEUE_SET + "order_status = ?, reason = ? WHERE "
                + OrderSyncTable.SCOPE + " AND order_id = ? AND state IN " + REQUEUABLE;
        selectState = "SELECT state FROM " + table.name + " WHERE " + OrderSyncTable.SCOPE + " AND order_id = ?";
    }

    EnqueueResult enqueue(EnqueueRequest request) {
        return Jdbc.autoCommit(table.dataSource, "enqueueing order " + request.orderId(), c -> enqueue(c, request));
    }

    private EnqueueResult enqueue(Connection connection, EnqueueRequest request) throws SQLException {
        long orderId = request.orderId();
        SyncState seen = null;
        // Each round is race-free on its own; another round is needed only when a forced enqueue met a row in
        // 'sending' that finished between our UPDATE and our SELECT.
        for (int round = 0; round < 3; round++) {
            if (insert(connection, List.of(request)) == 1) {
                return new EnqueueResult(orderId, EnqueueOutcome.QUEUED, SyncState.PENDING);
            }
            if (request.force() && requeue(connection, orderId, request) == 1) {
                return new EnqueueResult(orderId, EnqueueOutcome.REQUEUED, SyncState.PENDING);
            }
            seen = state(connection, orderId);
            if (seen == null) {
                continue;
            }
            switch (seen) {
                case PENDING, SENDING -> {
                    return new EnqueueResult(orderId, EnqueueOutcome.ALREADY_QUEUED, seen);
                }
                case SYNCED -> {
                    if (!request.force()) {
                        return new EnqueueResult(orderId, EnqueueOutcome.ALREADY_SYNCED, seen);
                    }
                }
                default -> {
                    if (!request.force()) {
                        return new EnqueueResult(orderId, EnqueueOutcome.NOT_REQUEUED, seen);
                    }
                }
            }
        }
        throw new SQLException("order " + orderId + " kept changing state while being enqueued (last seen: " + seen
                + ")", "40001");
    }

    EnqueueSummary enqueueAll(Collection<EnqueueRequest> requests) {
        // One request per order (a forced one wins), in order-id order so that concurrent batches lock rows in the
        // same order and rarely deadlock.
        Map<Long, EnqueueRequest> byOrder = new TreeMap<>();
        for (EnqueueRequest request : requests) {
            byOrder.merge(request.orderId(), request, (a, b) -> b.force() || !a.force() ? b : a);
        }
        EnqueueSummary total = new EnqueueSummary(0, 0, 0);
        for (List<EnqueueRequest> chunk : Jdbc.chunks(new ArrayList<>(byOrder.values()), BATCH)) {
            // A transaction, so that a deadlock retry reruns insert and requeue together and counts stay exact.
            total = total.plus(Jdbc.transaction(table.dataSource, "enqueueing " + chunk.size() + " orders",
                    c -> enqueueChunk(c, chunk)));
        }
        return total;
    }

    private EnqueueSummary enqueueChunk(Connection connection, List<EnqueueRequest> chunk) throws SQLException {
        int inserted = insert(connection, chunk);
        List<EnqueueRequest> forced = chunk.stream().filter(EnqueueRequest::force).toList();
        int requeued = forced.isEmpty() ? 0 : requeueAll(connection, forced);
        return new EnqueueSummary(inserted, requeued, chunk.size() - inserted - requeued);
    }

    private int insert(Connection connection, List<EnqueueRequest> rows) throws SQLException {
        String sql = rows.size() == 1 ? insertOne
                : "INSERT IGNORE INTO " + table.name + INSERT_COLUMNS + String.join(", ",
                java.util.Collections.nCopies(rows.size(), INSERT_ROW));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (EnqueueRequest row : rows) {
                statement.setString(index++, table.siteId);
                statement.setLong(index++, row.orderId());
                statement.setString(index++, table.document);
                statement.setString(index++, row.orderStatus());
                statement.setString(index++, row.trigger().dbValue());
                statement.setBoolean(index++, row.force());
            }
            return statement.executeUpdate();
        }
    }

    private int requeue(Connection connection, long orderId, EnqueueRequest request) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(requeueOne)) {
            statement.setString(1, request.orderStatus());
            statement.setString(2, request.trigger().dbValue());
            int index = table.bindScope(statement, 3);
            statement.setLong(index, orderId);
            return statement.executeUpdate();
        }
    }

    /**
     * One UPDATE for the batch; CASE keeps each order's own status and trigger. The count is of rows matched by
     * the state condition, which both drivers report by default (found rows) and which all change anyway.
     */
    private int requeueAll(Connection connection, List<EnqueueRequest> forced) throws SQLException {
        String cases = " WHEN ? THEN ?".repeat(forced.size());
        String sql = "UPDATE " + table.name + REQUEUE_SET + "order_status = CASE order_id" + cases + " END,"
                + " reason = CASE order_id" + cases + " END WHERE " + OrderSyncTable.SCOPE + " AND order_id IN ("
                + Jdbc.placeholders(forced.size()) + ") AND state IN " + REQUEUABLE;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (EnqueueRequest request : forced) {
                statement.setLong(index++, request.orderId());
                statement.setString(index++, request.orderStatus());
            }
            for (EnqueueRequest request : forced) {
                statement.setLong(index++, request.orderId());
                statement.setString(index++, request.trigger().dbValue());
            }
            index = table.bindScope(statement, index);
            Jdbc.bindLongs(statement, index, forced.stream().map(EnqueueRequest::orderId).toList());
            return statement.executeUpdate();
        }
    }

    private SyncState state(Connection connection, long orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectState)) {
            int index = table.bindScope(statement, 1);
            statement.setLong(index, orderId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? SyncState.fromDb(rs.getString(1)) : null;
            }
        }
    }
}
