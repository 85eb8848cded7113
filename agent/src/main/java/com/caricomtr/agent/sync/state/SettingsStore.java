package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

/** Named text settings of one site (what the dashboard edits). Secrets do not belong here. */
public final class SettingsStore {
    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public SettingsStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.SETTINGS);
        this.siteId = SiteIds.check(siteId);
    }

    public Optional<String> get(String name) {
        checkName(name);
        String sql = "SELECT value FROM " + table + " WHERE site_id = ? AND name = ?";
        return Jdbc.autoCommit(dataSource, "reading setting " + name, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, name);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every setting of the site, by name. */
    public Map<String, String> getAll() {
        String sql = "SELECT name, value FROM " + table + " WHERE site_id = ?";
        return Jdbc.autoCommit(dataSource, "reading settings", c -> {
            Map<String, String> settings = new TreeMap<>();
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        settings.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return settings;
        });
    }

    public void put(String name, String value) {
        putAll(Map.of(name, value));
    }

    /** Writes all of them or none. */
    public void putAll(Map<String, String> settings) {
        settings.forEach((name, value) -> {
            checkName(name);
            Texts.requireLength("value of " + name, value, Texts.MAX_MESSAGE, false);
        });
        Jdbc.transaction(dataSource, "writing settings", c -> {
            for (Map.Entry<String, String> setting : new TreeMap<>(settings).entrySet()) {
                upsert(c, setting.getKey(), setting.getValue());
            }
            return null;
        });
    }

    public boolean remove(String name) {
        checkName(name);
        String sql = "DELETE FROM " + table + " WHERE site_id = ? AND name = ?";
        return Jdbc.autoCommit(dataSource, "removing setting " + name, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, name);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private void upsert(Connection connection, String name, String value) throws SQLException {
        String sql = "INSERT INTO " + table + " (site_id, name, value, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))"
                + " ON DUPLICATE KEY UPDATE value = ?, updated_at = UTC_TIMESTAMP(3)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, siteId);
            statement.setString(2, name);
            statement.setString(3, value);
            statement.setString(4, value);
            statement.executeUpdate();
        }
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new IllegalArgumentException("setting name must be 1-128 characters of A-Z a-z 0-9 . _ : -, got '"
                    + name + "'");
        }
    }
}
