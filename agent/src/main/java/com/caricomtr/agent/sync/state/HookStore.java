package com.caricomtr.agent.sync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.caricomtr.agent.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One site's hook registration ({@code <prefix>caricomtr_hooks}), so that an agent knows the shop's hooks and order
 * statuses after a restart, and every agent sharing the tables knows them. A registration replaces the previous
 * one as a whole.
 */
public final class HookStore {
    /** The longest callback URL stored. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Order statuses stored at most; a shop has about ten, a few dozen with status plugins. */
    public static final int MAX_ORDER_STATUSES = 200;
    /** The longest status label stored. */
    public static final int MAX_STATUS_LABEL = 200;
    /** A status key as WordPress keeps it: {@code sanitize_key()} characters, in a VARCHAR(20) post status. */
    public static final Pattern STATUS_KEY = Pattern.compile("[a-z0-9_-]{1,20}");
    private static final int MAX_NAMES_LENGTH = 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final System.Logger LOG = System.getLogger(HookStore.class.getName());

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
        String sql = "SELECT callback_url, filters, actions, order_statuses, registered_at FROM " + table
                + " WHERE site_id = ?";
        return Jdbc.autoCommit(dataSource, "reading the hook registration", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredHooks(rs.getString(1), names(rs.getString(2)),
                            names(rs.getString(3)), statuses(rs.getString(4)), Jdbc.getInstant(rs, "registered_at")))
                            : Optional.empty();
                }
            }
        });
    }

    /** Stores the registration in place of the previous one. */
    public void save(StoredHooks hooks) {
        Texts.requireLength("callback URL", hooks.callbackUrl(), MAX_URL_LENGTH, true);
        String filters = joined("filters", hooks.filters());
        String actions = joined("actions", hooks.actions());
        String statuses = json(hooks.orderStatuses());
        String sql = "INSERT INTO " + table + " (site_id, callback_url, filters, actions, order_statuses,"
                + " registered_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE callback_url = ?,"
                + " filters = ?, actions = ?, order_statuses = ?, registered_at = UTC_TIMESTAMP(3)";
        Jdbc.autoCommit(dataSource, "storing the hook registration", c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, siteId);
                statement.setString(2, hooks.callbackUrl());
                statement.setString(3, filters);
                statement.setString(4, actions);
                statement.setString(5, statuses);
                statement.setString(6, hooks.callbackUrl());
                statement.setString(7, filters);
                statement.setString(8, actions);
                statement.setString(9, statuses);
                return statement.executeUpdate();
            }
        });
    }

    /** The statuses as a JSON object in their order; null for none (the bridge did not say). */
    private static String json(Map<String, String> statuses) {
        if (statuses.size() > MAX_ORDER_STATUSES) {
            throw new IllegalArgumentException("at most " + MAX_ORDER_STATUSES + " order statuses, got "
                    + statuses.size());
        }
        statuses.forEach((key, label) -> {
            if (key == null || !STATUS_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("an order status key is 1-20 of a-z 0-9 _ -, got '" + key + "'");
            }
            Texts.requireLength("label of order status " + key, label, MAX_STATUS_LABEL, false);
        });
        try {
            return statuses.isEmpty() ? null : JSON.writeValueAsString(statuses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #json} stored; a value this agent cannot read counts as no statuses, with a warning. */
    private Map<String, String> statuses(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "site " + siteId + ": the stored order statuses are unreadable ("
                    + e.getOriginalMessage() + "); treating the registration as one without statuses");
            return Map.of();
        }
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
