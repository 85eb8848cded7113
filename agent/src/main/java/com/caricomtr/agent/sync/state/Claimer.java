package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out due rows to workers, each row to one worker at a time, across any number of agents.
 *
 * <p>One transaction: read the database clock, lock due rows with {@code FOR UPDATE SKIP LOCKED} (rows another
 * claimer has locked are skipped, not waited for), mark them {@code sending} under a lease, commit. Expired leases
 * are taken first: those orders have waited longest, and their worker is gone. The two kinds are read by two
 * queries, each walking its own index in ORDER BY order, so that LIMIT ends the scan and only the rows returned
 * are locked; a single query with an OR would sort every due row, locking them all, before applying LIMIT.
 */
final class Claimer {
    static final int MAX_LIMIT = 1000;
    static final Duration MAX_LEASE = Duration.ofHours(24);
    private static final String CLAIM_COLUMNS = "order_id, attempts, claims, lost_claims, claim_seq, force_send,"
            + " order_status, reason, invoice_series, invoice_number, invoice_sequence, cari_customer_id,"
            + " cari_invoice_id";

    private final OrderSyncTable table;
    private final String selectExpired;
    private final String selectDue;

    Claimer(OrderSyncTable table) {
        this.table = table;
        String from = "SELECT " + CLAIM_COLUMNS + " FROM " + table.name + " WHERE " + OrderSyncTable.SCOPE;
        selectExpired = from + " AND state = 'sending' AND claimed_until < ?"
                + " ORDER BY claimed_until, order_id LIMIT ? FOR UPDATE SKIP LOCKED";
        selectDue = from + " AND state = 'pending' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, order_id LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    List<Claim> claim(String workerId, int limit, Duration lease) {
        checkWorker(workerId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("claim limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        if (lease == null || lease.isNegative() || lease.isZero() || lease.compareTo(MAX_LEASE) > 0) {
            throw new IllegalArgumentException("lease must be positive and at most " + MAX_LEASE + ", got " + lease);
        }
        return Jdbc.transaction(table.dataSource, "claiming orders for " + workerId,
                c -> claim(c, workerId, limit, lease));
    }

    private List<Claim> claim(Connection connection, String workerId, int limit, Duration lease) throws SQLException {
        Instant now = Jdbc.now(connection);
        Instant leaseUntil = now.plus(lease);
        List<Claim> claims = new ArrayList<>();
        lock(connection, selectExpired, now, limit, true, workerId, leaseUntil, claims);
        if (claims.size() < limit) {
            lock(connection, selectDue, now, limit - claims.size(), false, workerId, leaseUntil, claims);
        }
        if (claims.isEmpty()) {
            return claims;
        }
        String mark = "UPDATE " + table.name + " SET state = 'sending', claimed_by = ?, claimed_until = ?,"
                + " claims = claims + 1, claim_seq = claim_seq + 1, updated_at = ? WHERE " + OrderSyncTable.SCOPE
                + " AND order_id IN (" + Jdbc.placeholders(claims.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(mark)) {
            statement.setString(1, workerId);
            Jdbc.setInstant(statement, 2, leaseUntil);
            Jdbc.setInstant(statement, 3, now);
            int index = table.bindScope(statement, 4);
            Jdbc.bindLongs(statement, index, claims.stream().map(Claim::orderId).toList());
            int marked = statement.executeUpdate();
            if (marked != claims.size()) {
                throw new SQLException("claimed " + claims.size() + " rows but marked " + marked);
            }
        }
        countLostClaims(connection, claims);
        return claims;
    }

    /**
     * A recovered row's previous claim ended with no outcome: counted apart from attempts, so that crashes never use
     * up {@code sync.max-attempts}. Recoveries are rare, so this costs a statement only when there are some.
     */
    private void countLostClaims(Connection connection, List<Claim> claims) throws SQLException {
        List<Long> recovered = claims.stream().filter(Claim::recovered).map(Claim::orderId).toList();
        if (recovered.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + table.name + " SET lost_claims = lost_claims + 1 WHERE " + OrderSyncTable.SCOPE
                + " AND order_id IN (" + Jdbc.placeholders(recovered.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bindLongs(statement, table.bindScope(statement, 1), recovered);
            statement.executeUpdate();
        }
    }

    private void lock(Connection connection, String sql, Instant now, int limit, boolean recovered, String workerId,
                      Instant leaseUntil, List<Claim> into) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = table.bindScope(statement, 1);
            Jdbc.setInstant(statement, index++, now);
            statement.setInt(index, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    into.add(new Claim(rs.getLong("order_id"), workerId, rs.getLong("claim_seq") + 1,
                            rs.getInt("attempts"), rs.getInt("claims") + 1,
                            rs.getInt("lost_claims") + (recovered ? 1 : 0), recovered, rs.getBoolean("force_send"),
                            leaseUntil, rs.getString("order_status"), Trigger.fromDb(rs.getString("reason")),
                            OrderSyncTable.invoiceNumber(rs), rs.getString("cari_customer_id"),
                            rs.getString("cari_invoice_id"), false));
                }
            }
        }
    }

    static void checkWorker(String workerId) {
        Texts.requireLength("worker id", workerId, 64, false);
        if (workerId.isBlank()) {
            throw new IllegalArgumentException("worker id must not be blank");
        }
    }
}
