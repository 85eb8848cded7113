package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades one state location's tables with Flyway ({@code classpath:db/migration/agent}).
 *
 * <p>Each location keeps its own history table, {@code <prefix>caricomtr_schema_history}, so several prefixes in
 * one WordPress database (multisite) and several sites sharing one agent schema each migrate safely; running it
 * again is a no-op. Flyway serialises concurrent runs (two agents starting at once) with a MySQL named lock.
 */
public final class AgentStateSchema {
    public static final String LOCATION = "classpath:db/migration/agent";

    private AgentStateSchema() {
    }

    /** What a migration run did. */
    public record Result(int migrationsApplied, String schemaVersion) {
    }

    /**
     * Migrates under a server-wide named lock per state location: two agents starting at once would otherwise race
     * on Flyway's baseline of the shared WordPress database (the second saw an empty history table and failed).
     */
    public static Result migrate(DataSource dataSource, StateLocation location) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(location, "location");
        String name = (location.schema() == null ? "" : location.schema() + ".") + location.tablePrefix();
        // Lock names are limited to 64 characters.
        String lock = "caricomtr_migrate_" + (name.length() <= 46 ? name : Integer.toHexString(name.hashCode()));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement get = c.prepareStatement("SELECT GET_LOCK(?, 120)")) {
                get.setString(1, lock);
                try (ResultSet rs = get.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new StateStoreException("timed out waiting for another agent's migration of "
                                + location.tableName(StateTable.SCHEMA_HISTORY), null);
                    }
                }
            }
            try {
                MigrateResult result = flyway(dataSource, location).load().migrate();
                return new Result(result.migrationsExecuted, result.targetSchemaVersion != null
                        ? result.targetSchemaVersion : result.initialSchemaVersion);
            } finally {
                try (PreparedStatement release = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, lock);
                    release.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new StateStoreException("cannot lock the agent's migration: " + e.getMessage(), e);
        }
    }

    static FluentConfiguration flyway(DataSource dataSource, StateLocation location) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(Map.of("prefix", location.tablePrefix()))
                .table(location.tableName(StateTable.SCHEMA_HISTORY))
                // The WordPress database is never empty; Flyway would refuse to touch it without a baseline.
                // Baseline version 0 is below V1, so every migration still runs on a first start.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("agent state baseline")
                // Nothing of ours may ever be dropped by a misconfigured "clean".
                .cleanDisabled(true);
        if (location.separateSchema()) {
            config.schemas(location.schema()).defaultSchema(location.schema()).createSchemas(true);
        }
        return config;
    }
}
