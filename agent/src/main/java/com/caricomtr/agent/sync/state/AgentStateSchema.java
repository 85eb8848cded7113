package com.caricomtr.agent.sync.state;

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

    public static Result migrate(DataSource dataSource, StateLocation location) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(location, "location");
        MigrateResult result = flyway(dataSource, location).load().migrate();
        return new Result(result.migrationsExecuted, result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
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
