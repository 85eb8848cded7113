package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the holder of a {@link Claim} records. Every statement is conditioned on the row still being in
 * {@code sending} under that very claim (worker id and claim sequence), so a worker whose lease expired and was
 * taken over changes nothing: it learns so from the {@code false} it gets back.
 *
 * <p>An expired lease that nobody has taken over yet still counts as held: the worker did the work, and its
 * outcome is the truth.
 */
final class LeaseOutcomes {
    private static final String HOLDER = " AND order_id = ? AND state = 'sending' AND claimed_by = ? AND claim_seq = ?";
    private static final int ER_DUP_ENTRY = 1062;
    private static final String RELEASE = " claimed_by = NULL, claimed_until = NULL, updated_at = UTC_TIMESTAMP(3)";
    /** Every outcome adds the claim's attempt, if it made one ({@link Claim#attempted()}); bound by bindAttempt. */
    private static final String ATTEMPT = " attempts = attempts + ?,";

    private final OrderSyncTable table;
    private final CounterStore counters;
    private final String where;

    LeaseOutcomes(OrderSyncTable table, CounterStore counters) {
        this.table = table;
        this.counters = counters;
        this.where = " WHERE " + OrderSyncTable.SCOPE + HOLDER;
    }

    boolean extendLease(Claim claim, Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero() || lease.compareTo(Claimer.MAX_LEASE) > 0) {
            throw new IllegalArgumentException("lease must be positive and at most " + Claimer.MAX_LEASE);
        }
        String sql = "UPDATE " + table.name + " SET claimed_until = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND),"
                + " updated_at = UTC_TIMESTAMP(3)" + where;
        return update(claim, "extending the lease", sql, (s, i) -> {
            s.setLong(i, micros(lease));
            return i + 1;
        });
    }

    Optional<StoredInvoiceNumber> recordInvoiceNumber(Claim claim, StoredInvoiceNumber number) {
        Objects.requireNonNull(number, "number");
        String set = "UPDATE " + table.name + " SET invoice_series = ?, invoice_number = ?, invoice_sequence = ?,"
                + " updated_at = UTC_TIMESTAMP(3)" + where + " AND invoice_number IS NULL";
        String read = "SELECT invoice_series, invoice_number, invoice_sequence FROM " + table.name + where;
        return Jdbc.autoCommit(table.dataSource, "recording the invoice number of order " + claim.orderId(), c -> {
            try (PreparedStatement statement = c.prepareStatement(set)) {
                statement.setString(1, number.series());
                statement.setString(2, number.number());
                Jdbc.setNullableLong(statement, 3, number.sequence());
                bindHolder(statement, 4, claim);
                if (statement.executeUpdate() == 1) {
                    // It was unset and we hold the claim: the stored number is ours, no need to read it back (the
                    // first attempt of every order passes here: a round trip saved per order).
                    return Optional.of(number);
                }
            } catch (SQLException e) {
                if (e.getErrorCode() == ER_DUP_ENTRY) {
                    throw new InvoiceNumberTaken(claim.orderId(), number.number(), holderOf(c, number.number()));
                }
                throw e;
            }
            try (PreparedStatement statement = c.prepareStatement(read)) {
                bindHolder(statement, 1, claim);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(OrderSyncTable.invoiceNumber(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The order holding an invoice number (unique per site since V6), or null when none does. */
    private Long holderOf(Connection connection, String number) throws SQLException {
        String sql = "SELECT order_id FROM " + table.name + " WHERE site_id = ? AND invoice_number = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.siteId);
            statement.setString(2, number);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    boolean recordCustomer(Claim claim, String cariCustomerId) {
        requireId("Cari customer id", cariCustomerId);
        String sql = "UPDATE " + table.name + " SET cari_customer_id = ?, updated_at = UTC_TIMESTAMP(3)" + where;
        return update(claim, "recording the customer", sql, (s, i) -> {
            s.setString(i, cariCustomerId);
            return i + 1;
        });
    }

    boolean markSynced(Claim claim, String cariInvoiceId) {
        requireId("Cari invoice id", cariInvoiceId);
        String sql = "UPDATE " + table.name + " SET state = 'synced', cari_invoice_id = ?, synced_at = UTC_TIMESTAMP(3),"
                + " force_send = 0, last_error_class = NULL, last_error = NULL," + ATTEMPT + RELEASE + where;
        // One autocommit statement, no counter: synced per day is counted from synced_at, because success is the
        // common case and a transaction around it cost six round trips per order.
        return update(claim, "recording the invoice", sql, (s, i) -> {
            s.setString(i, cariInvoiceId);
            return bindAttempt(s, i + 1, claim);
        });
    }

    boolean markRetry(Claim claim, String errorClass, String message, Instant nextAttemptAt) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        String sql = "UPDATE " + table.name + " SET state = 'pending', next_attempt_at = ?, last_error_class = ?,"
                + " last_error = ?," + ATTEMPT + RELEASE + where;
        return finish(claim, CounterStore.RETRIED, sql, (s, i) -> {
            Jdbc.setInstant(s, i, nextAttemptAt);
            return bindAttempt(s, bindError(s, i + 1, errorClass, message), claim);
        });
    }

    boolean markRetry(Claim claim, String errorClass, String message, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative, got " + delay);
        }
        String sql = "UPDATE " + table.name + " SET state = 'pending',"
                + " next_attempt_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND), last_error_class = ?,"
                + " last_error = ?," + ATTEMPT + RELEASE + where;
        return finish(claim, CounterStore.RETRIED, sql, (s, i) -> {
            s.setLong(i, micros(delay));
            return bindAttempt(s, bindError(s, i + 1, errorClass, message), claim);
        });
    }

    boolean markFailed(Claim claim, String errorClass, String message) {
        String sql = "UPDATE " + table.name + " SET state = 'failed', last_error_class = ?, last_error = ?," + ATTEMPT
                + RELEASE + where;
        return finish(claim, CounterStore.FAILED, sql,
                (s, i) -> bindAttempt(s, bindError(s, i, errorClass, message), claim));
    }

    boolean markNeedsReview(Claim claim, String message) {
        String sql = "UPDATE " + table.name + " SET state = 'needs_review', last_error_class = ?, last_error = ?,"
                + ATTEMPT + RELEASE + where;
        return finish(claim, CounterStore.NEEDS_REVIEW, sql,
                (s, i) -> bindAttempt(s, bindError(s, i, SyncState.NEEDS_REVIEW.dbValue(), message), claim));
    }

    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement statement, int index) throws SQLException;
    }

    private boolean update(Claim claim, String what, String sql, Binder values) {
        return Jdbc.autoCommit(table.dataSource, what + " of order " + claim.orderId(),
                c -> execute(c, claim, sql, values) == 1);
    }

    /** The state change and its day counter commit together, or neither does. */
    private boolean finish(Claim claim, String counter, String sql, Binder values) {
        return Jdbc.transaction(table.dataSource, "recording " + counter + " for order " + claim.orderId(), c -> {
            if (execute(c, claim, sql, values) != 1) {
                return false;
            }
            counters.increment(c, counter, 1, claim.orderId());
            return true;
        });
    }

    private int execute(Connection connection, Claim claim, String sql, Binder values) throws SQLException {
        Objects.requireNonNull(claim, "claim");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindHolder(statement, values.bind(statement, 1), claim);
            return statement.executeUpdate();
        }
    }

    private void bindHolder(PreparedStatement statement, int index, Claim claim) throws SQLException {
        index = table.bindScope(statement, index);
        statement.setLong(index, claim.orderId());
        statement.setString(index + 1, claim.workerId());
        statement.setLong(index + 2, claim.claimSeq());
    }

    private static int bindError(PreparedStatement statement, int index, String errorClass, String message)
            throws SQLException {
        statement.setString(index, Texts.truncate(errorClass, 64));
        statement.setString(index + 1, Texts.truncate(message, Texts.MAX_MESSAGE));
        return index + 2;
    }

    private static int bindAttempt(PreparedStatement statement, int index, Claim claim) throws SQLException {
        statement.setInt(index, claim.attempted() ? 1 : 0);
        return index + 1;
    }

    private static void requireId(String what, String id) {
        Texts.requireLength(what, id, 64, false);
        if (id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
