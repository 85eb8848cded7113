package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Which Cari customer each WooCommerce customer became, per site, so that a repeat buyer is not created twice.
 * Keys are compared byte for byte: the caller normalises them (e.g. lower-cased e-mail, or {@code user:42}).
 *
 * <p>Creating or updating a customer in Cari happens {@linkplain #withLock under the customer's named lock}, which
 * serialises it across threads and across agents whose state lives on one database server.
 */
public final class CustomerCache {
    private static final System.Logger LOG = System.getLogger(CustomerCache.class.getName());

    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public CustomerCache(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.CUSTOMERS);
        this.siteId = SiteIds.check(siteId);
    }

    /** This key's entry, as seen by a section holding the key's lock: read and written on the lock's connection. */
    public interface LockedEntry {
        Optional<CachedCustomer> current();

        /** Inserts or replaces the entry. */
        void put(String cariCustomerId, String payloadHash);
    }

    /** Work done while holding a customer's lock; {@code E} lets the caller's own exception (a Cari failure) through. */
    @FunctionalInterface
    public interface LockedSection<T, E extends Exception> {
        T run(LockedEntry entry) throws E;
    }

    public Optional<CachedCustomer> find(String customerKey) {
        checkKey(customerKey);
        return Jdbc.autoCommit(dataSource, "reading the customer cache", c -> read(c, customerKey));
    }

    /** Inserts or replaces the entry. */
    public void put(String customerKey, String cariCustomerId, String payloadHash) {
        checkKey(customerKey);
        checkEntry(cariCustomerId, payloadHash);
        Jdbc.autoCommit(dataSource, "writing the customer cache", c -> write(c, customerKey, cariCustomerId,
                payloadHash));
    }

    /**
     * Runs {@code section} holding the server-wide named lock {@code lockName} ({@link CustomerLockName}), taken with
     * {@code GET_LOCK} on one pooled connection and released with {@code RELEASE_LOCK} when the section ends, however
     * it ends. The section's reads and writes of the entry go through that same connection, so a section never
     * waits for a second connection while others wait for its lock: a full pool cannot deadlock on it.
     *
     * <p>Should the connection die while the lock is held, the server releases the lock with the session; the
     * section's next statement fails ({@link StateStoreException}).
     *
     * @throws CustomerLockTimeout when the lock was not free within {@code wait} (whole seconds, rounded up); the
     *                             section did not run
     */
    public <T, E extends Exception> T withLock(String customerKey, String lockName, Duration wait,
                                               LockedSection<T, E> section) throws E {
        checkKey(customerKey);
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StateStoreException("taking the lock of customer " + customerKey + " failed: " + e.getMessage(),
                    e);
        }
        try {
            acquire(connection, customerKey, lockName, wait);
            try {
                return section.run(new Entry(connection, customerKey));
            } finally {
                release(connection, lockName);
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a customer lock's connection failed", e);
            }
        }
    }

    private void acquire(Connection connection, String customerKey, String lockName, Duration wait) {
        long seconds = Math.max(0, (wait.toMillis() + 999) / 1000);
        Integer got;
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, lockName);
            statement.setLong(2, seconds);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int answer = rs.getInt(1);
                got = rs.wasNull() ? null : answer;
            }
        } catch (SQLException e) {
            throw new StateStoreException("taking the lock of customer " + customerKey + " failed: " + e.getMessage(),
                    e);
        }
        if (got == null) {
            // NULL: an error on the server, e.g. the wait was killed; 0 would have been a plain timeout.
            throw new StateStoreException("taking the lock of customer " + customerKey + " failed: GET_LOCK returned"
                    + " NULL", null);
        }
        if (got == 0) {
            throw new CustomerLockTimeout(customerKey, Duration.ofSeconds(seconds));
        }
    }

    /**
     * Never throws: the section's own outcome matters more. A connection that cannot release is discarded rather
     * than returned to the pool, where a session still holding the lock would block the customer until it closed.
     */
    private static void release(Connection connection, String lockName) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, lockName);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    LOG.log(System.Logger.Level.WARNING, "customer lock " + lockName + " was no longer held when"
                            + " released (its session was lost meanwhile)");
                }
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "customer lock " + lockName + " not released (" + e.getMessage()
                    + "); its connection is discarded");
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // Already broken: the pool discards it anyway, and the server ends the session with its locks.
            }
        }
    }

    /** The entry as the lock's holder sees it, on the lock's own connection. */
    private final class Entry implements LockedEntry {
        private final Connection connection;
        private final String customerKey;

        Entry(Connection connection, String customerKey) {
            this.connection = connection;
            this.customerKey = customerKey;
        }

        @Override
        public Optional<CachedCustomer> current() {
            try {
                return read(connection, customerKey);
            } catch (SQLException e) {
                throw new StateStoreException("reading the customer cache failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void put(String cariCustomerId, String payloadHash) {
            checkEntry(cariCustomerId, payloadHash);
            try {
                write(connection, customerKey, cariCustomerId, payloadHash);
            } catch (SQLException e) {
                throw new StateStoreException("writing the customer cache failed: " + e.getMessage(), e);
            }
        }
    }

    private Optional<CachedCustomer> read(Connection connection, String customerKey) throws SQLException {
        String sql = "SELECT customer_key, cari_customer_id, payload_hash, updated_at FROM " + table
                + " WHERE site_id = ? AND customer_key = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, siteId);
            statement.setString(2, customerKey);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new CachedCustomer(rs.getString(1), rs.getString(2),
                        rs.getString(3), Jdbc.getInstant(rs, "updated_at"))) : Optional.empty();
            }
        }
    }

    private int write(Connection connection, String customerKey, String cariCustomerId, String payloadHash)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (site_id, customer_key, cari_customer_id, payload_hash, updated_at)"
                + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE cari_customer_id = ?,"
                + " payload_hash = ?, updated_at = UTC_TIMESTAMP(3)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, siteId);
            statement.setString(2, customerKey);
            statement.setString(3, cariCustomerId);
            statement.setString(4, payloadHash);
            statement.setString(5, cariCustomerId);
            statement.setString(6, payloadHash);
            return statement.executeUpdate();
        }
    }

    public boolean remove(String customerKey) {
        checkKey(customerKey);
        String sql = "DELETE FROM " + table + " WHERE site_id = ? AND customer_key = ?";
        return Jdbc.autoCommit(dataSource, "removing a cached customer", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, customerKey);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private static void checkKey(String key) {
        Texts.requireLength("customer key", key, 191, false);
        if (key.isBlank()) {
            throw new IllegalArgumentException("customer key must not be blank");
        }
    }

    private static void checkEntry(String cariCustomerId, String payloadHash) {
        Texts.requireLength("Cari customer id", cariCustomerId, 64, false);
        Texts.requireLength("payload hash", payloadHash, 128, true);
    }
}
