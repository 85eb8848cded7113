package com.caricomtr.agent.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.testing.TestDatabase;

/**
 * Stops a backfill between two batches, for as long as a test needs: an uncommitted queue row of one order, held
 * on a connection of the test's own (not through any proxy). The backfill's insert of the batch holding that order
 * waits for the row's lock, after the batches before it and their cursor were stored.
 */
final class HeldBatch implements AutoCloseable {
    private final Connection connection;

    HeldBatch(DatabaseSettings db, String siteId, long orderId) throws SQLException {
        connection = TestDatabase.connect(db);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wp_caricomtr_order_sync (site_id,"
                + " order_id, document, state, order_status, reason, next_attempt_at, queued_at, created_at,"
                + " updated_at) VALUES (?, ?, 'invoice', 'pending', 'processing', 'manual', UTC_TIMESTAMP(3),"
                + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")) {
            insert.setString(1, siteId);
            insert.setLong(2, orderId);
            insert.executeUpdate();
        }
    }

    /** True once a queue insert (the backfill's; nothing else enqueues in these tests) waits in the database. */
    boolean backfillWaits() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                + " WHERE DB = ? AND INFO LIKE 'INSERT IGNORE INTO %caricomtr_order_sync%'")) {
            s.setString(1, connection.getCatalog());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /** Lets the batch through: the row was never committed, so the order is queued by the backfill alone. */
    void release() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
