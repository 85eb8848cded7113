package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import com.caricomtr.agent.invoice.InvoiceNumberAllocator;
import com.caricomtr.agent.invoice.InvoiceNumberAssignment;
import com.caricomtr.agent.invoice.NumberAllocationException;

/**
 * Gapless counters in the agent's own tables ({@code <prefix>caricomtr_invoice_counters} and
 * {@code <prefix>caricomtr_invoice_numbers}, created by the Flyway migration {@code V1__invoice_numbers.sql}), for
 * one site: every key starts with the site id, so sites sharing the tables count independently.
 *
 * <p>It lives with the rest of the agent's state, not in {@code invoice}: the mapping must not depend on where
 * the state is kept (that would close a cycle invoice → sync.state → cari → invoice).
 *
 * <p>One transaction per allocation: lock the counter row ({@code SELECT ... FOR UPDATE}), record the order's
 * assignment, advance the counter, commit. Concurrent allocations of a series queue on that row lock, so no
 * sequence is skipped or handed out twice; a rolled-back allocation rolls back the counter with it. The unique keys
 * are the last word: one assignment per order, one order per (series, year, sequence).
 */
public final class JdbcInvoiceNumberAllocator implements InvoiceNumberAllocator {
    private static final int MAX_ATTEMPTS = 5;
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;

    private final DataSource dataSource;
    private final String siteId;
    private final String selectAssignment;
    private final String ensureCounter;
    private final String lockCounter;
    private final String insertAssignment;
    private final String advanceCounter;

    /**
     * @param tablePrefix the WordPress table prefix the migration ran with, e.g. {@code wp_}, for tables in the
     *                    WordPress database itself
     * @param siteId      the site whose counters and numbers these are; sites sharing the tables never share numbers
     */
    public JdbcInvoiceNumberAllocator(DataSource dataSource, String tablePrefix, String siteId) {
        this(dataSource, StateLocation.inWordPressDatabase(tablePrefix), siteId);
    }

    /** For tables wherever {@code location} says (the WordPress database or the agent's own schema). */
    public JdbcInvoiceNumberAllocator(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(location, "location");
        this.siteId = SiteIds.check(siteId);
        String numbers = location.qualified(StateTable.INVOICE_NUMBERS);
        String counters = location.qualified(StateTable.INVOICE_COUNTERS);
        selectAssignment = "SELECT series, invoice_year, sequence_no FROM " + numbers
                + " WHERE site_id = ? AND order_id = ?";
        // ON DUPLICATE KEY takes an exclusive lock at once; INSERT IGNORE would take a shared one, and two
        // allocations both upgrading their shared lock to FOR UPDATE would deadlock.
        ensureCounter = "INSERT INTO " + counters + " (site_id, series, invoice_year, next_value) VALUES (?, ?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE next_value = next_value";
        lockCounter = "SELECT next_value FROM " + counters
                + " WHERE site_id = ? AND series = ? AND invoice_year = ? FOR UPDATE";
        insertAssignment = "INSERT INTO " + numbers + " (site_id, order_id, series, invoice_year, sequence_no,"
                + " assigned_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3))";
        advanceCounter = "UPDATE " + counters + " SET next_value = ? WHERE site_id = ? AND series = ?"
                + " AND invoice_year = ?";
    }

    @Override
    public InvoiceNumberAssignment allocate(long orderId, String series, int year) {
        Objects.requireNonNull(series, "series");
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return allocateInTransaction(connection, orderId, series, year);
            } catch (SQLException e) {
                if (e.getErrorCode() == ER_DUP_ENTRY) {
                    // Another allocation for the same order won the race: its assignment is the order's number.
                    return find(orderId).orElseThrow(() -> new NumberAllocationException("counter of series "
                            + series + " year " + year + " is behind the numbers already assigned: it handed out a "
                            + "taken sequence (was a table edited by hand?)", e));
                }
                if (!isTransient(e)) {
                    throw new NumberAllocationException("cannot allocate an invoice number for order " + orderId
                            + ": " + e.getMessage(), e);
                }
                last = e;
                pause(attempt);
            }
        }
        throw new NumberAllocationException("cannot allocate an invoice number for order " + orderId + " after "
                + MAX_ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    @Override
    public Optional<InvoiceNumberAssignment> find(long orderId) {
        try (Connection connection = dataSource.getConnection()) {
            return select(connection, orderId);
        } catch (SQLException e) {
            throw new NumberAllocationException("cannot read the invoice number of order " + orderId + ": "
                    + e.getMessage(), e);
        }
    }

    private InvoiceNumberAssignment allocateInTransaction(Connection connection, long orderId, String series,
                                                          int year) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Optional<InvoiceNumberAssignment> existing = select(connection, orderId);
            if (existing.isPresent()) {
                connection.commit();
                return existing.get();
            }
            long sequence = lockNextValue(connection, series, year);
            try (PreparedStatement insert = connection.prepareStatement(insertAssignment)) {
                insert.setString(1, siteId);
                insert.setLong(2, orderId);
                insert.setString(3, series);
                insert.setInt(4, year);
                insert.setLong(5, sequence);
                insert.executeUpdate();
            }
            try (PreparedStatement advance = connection.prepareStatement(advanceCounter)) {
                advance.setLong(1, sequence + 1);
                advance.setString(2, siteId);
                advance.setString(3, series);
                advance.setInt(4, year);
                advance.executeUpdate();
            }
            connection.commit();
            return new InvoiceNumberAssignment(orderId, series, year, sequence);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private long lockNextValue(Connection connection, String series, int year) throws SQLException {
        try (PreparedStatement ensure = connection.prepareStatement(ensureCounter)) {
            ensure.setString(1, siteId);
            ensure.setString(2, series);
            ensure.setInt(3, year);
            ensure.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(lockCounter)) {
            lock.setString(1, siteId);
            lock.setString(2, series);
            lock.setInt(3, year);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("counter row for series " + series + " year " + year + " vanished");
                }
                return rs.getLong(1);
            }
        }
    }

    private Optional<InvoiceNumberAssignment> select(Connection connection, long orderId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectAssignment)) {
            select.setString(1, siteId);
            select.setLong(2, orderId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new InvoiceNumberAssignment(orderId, rs.getString(1), rs.getInt(2),
                        rs.getLong(3)));
            }
        }
    }

    /** Deadlocks and lock wait timeouts roll the transaction back whole, so it is safe to run it again. */
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return e.getErrorCode() == ER_LOCK_DEADLOCK || e.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                || (state != null && state.startsWith("40"));
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NumberAllocationException("interrupted while allocating an invoice number", e);
        }
    }
}
