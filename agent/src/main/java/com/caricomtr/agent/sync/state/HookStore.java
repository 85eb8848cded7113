package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * One site's hook registration ({@code <prefix>caricomtr_hooks}), so that an agent knows the shop's hooks after a
 * restart, and every agent sharing the tables knows them. A registration replaces the previous one as a whole.
 */
public final class HookStore {
    /** The longest callback URL stored. */
    public static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_NAMES_LENGTH = 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private final DataSource dataSource;
    private final String table;
    private final String siteId;

    public HookStore(DataSource dataSource, StateLocation location, String siteId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = location.qualified(StateTable.HOOKS);
        this.siteId = SiteIds.check(siteId);
    }

    /** The site's registration; empty when its bridge never registered. */
    public Optional<StoredHooks> find() {
        String sql = "SELECT callback_url, filters, actions, registered_at FROM " + table + " WHERE site_id = ?";
        return Jdbc.autoCommit(dataSource, "reading the hook registration", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredHooks(rs.getString(1), names(rs.getString(2)),
                            names(rs.getString(3)), Jdbc.getInstant(rs, "registered_at"))) : Optional.empty();
                }
            }
        });
    }

    /** Stores the registration in place of the previous one. */
    public void save(StoredHooks hooks) {
        Texts.requireLength("callback URL", hooks.callbackUrl(), MAX_URL_LENGTH, true);
        String filters = joined("filters", hooks.filters());
        String actions = joined("actions", hooks.actions());
        String sql = "INSERT INTO " + table + " (site_id, callback_url, filters, actions, registered_at)"
                + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE callback_url = ?, filters = ?,"
                + " actions = ?, registered_at = UTC_TIMESTAMP(3)";
        Jdbc.autoCommit(dataSource, "storing the hook registration", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, hooks.callbackUrl());
                statement.setString(3, filters);
                statement.setString(4, actions);
                statement.setString(5, hooks.callbackUrl());
                statement.setString(6, filters);
                statement.setString(7, actions);
                return statement.executeUpdate();
            }
        });
    }

    private static String joined(String what, List<String> names) {
        for (String name : names) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(what + ": a hook name is 1-64 of a-z 0-9 _, got '" + name + "'");
            }
        }
        return Texts.requireLength(what, String.join(",", names), MAX_NAMES_LENGTH, false);
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
