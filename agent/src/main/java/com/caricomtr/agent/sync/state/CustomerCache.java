package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Which Cari customer each WooCommerce customer became, per site, so that a repeat buyer is not created twice.
 * Keys are compared byte for byte: the caller normalises them (e.g. lower-cased e-mail, or {@code user:42}).
 */
public final class CustomerCache {
    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public CustomerCache(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.CUSTOMERS);
        this.siteId = SiteIds.check(siteId);
    }

    public Optional<CachedCustomer> find(String customerKey) {
        checkKey(customerKey);
        String sql = "SELECT customer_key, cari_customer_id, payload_hash, updated_at FROM " + table
                + " WHERE site_id = ? AND customer_key = ?";
        return Jdbc.autoCommit(dataSource, "reading the customer cache", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, customerKey);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new CachedCustomer(rs.getString(1), rs.getString(2),
                            rs.getString(3), Jdbc.getInstant(rs, "updated_at"))) : Optional.empty();
                }
            }
        });
    }

    /** Inserts or replaces the entry. */
    public void put(String customerKey, String cariCustomerId, String payloadHash) {
        checkKey(customerKey);
        Texts.requireLength("Cari customer id", cariCustomerId, 64, false);
        Texts.requireLength("payload hash", payloadHash, 128, true);
        String sql = "INSERT INTO " + table + " (site_id, customer_key, cari_customer_id, payload_hash, updated_at)"
                + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE cari_customer_id = ?,"
                + " payload_hash = ?, updated_at = UTC_TIMESTAMP(3)";
        Jdbc.autoCommit(dataSource, "writing the customer cache", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, customerKey);
                statement.setString(3, cariCustomerId);
                statement.setString(4, payloadHash);
                statement.setString(5, cariCustomerId);
                statement.setString(6, payloadHash);
                return statement.executeUpdate();
            }
        });
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
}
