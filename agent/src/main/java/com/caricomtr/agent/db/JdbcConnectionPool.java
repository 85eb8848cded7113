package com.caricomtr.agent.db;

import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A small HikariCP pool per database. Helidon 4.5's parent has no Hikari dbclient module, and the agent talks
 * plain JDBC anyway.
 */
public final class JdbcConnectionPool implements AutoCloseable {
    private final HikariDataSource dataSource;

    private JdbcConnectionPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static JdbcConnectionPool open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(1, settings.maxPoolSize()));
        config.setPoolName(settings.poolName());
        config.setConnectionTimeout(10_000);
        // The agent's state transactions all run READ COMMITTED (no gap locks between agents); as the session
        // default it costs no SET before and after each of them. Single-statement reads do not care.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Batched IN-lists and multi-row reads benefit from server-side prepared statement caching.
        config.addDataSourceProperty("cachePrepStmts", "true");
        config.addDataSourceProperty("useServerPrepStmts", "false");
        config.addDataSourceProperty("prepStmtCacheSize", "250");
        config.addDataSourceProperty("rewriteBatchedStatements", "true");
        return new JdbcConnectionPool(new HikariDataSource(config));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
