package com.caricomtr.agent.sync.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.testing.TestDatabase;

/** A fresh database on the test server with the agent's migrations applied, and small SQL helpers. */
final class StateFixture implements AutoCloseable {
    final DatabaseSettings database;
    final JdbcConnectionPool pool;
    final StateLocation location;

    private StateFixture(DatabaseSettings database, StateLocation location) {
        this.database = database;
        this.location = location;
        this.pool = JdbcConnectionPool.open(database);
        AgentStateSchema.migrate(pool.dataSource(), location);
    }

    /** The default layout: {@code wp_caricomtr_*} tables in the (otherwise empty) database. */
    static StateFixture migrated(String hint) {
        return new StateFixture(TestDatabase.get().newDatabase(hint), StateLocation.inWordPressDatabase("wp_"));
    }

    static StateFixture migrated(DatabaseSettings database, StateLocation location) {
        return new StateFixture(database, location);
    }

    AgentState site(String siteId) {
        return AgentState.open(pool.dataSource(), location, siteId);
    }

    String table(StateTable table) {
        return location.qualified(table);
    }

    /** A second, independent pool: what another agent instance would have. */
    JdbcConnectionPool secondPool(String name) {
        return JdbcConnectionPool.open(new DatabaseSettings(database.jdbcUrl(), database.user(), database.password(),
                database.maxPoolSize(), name));
    }

    long count(String sql) {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Any statement; returns the update count, or -1 for one that answers with rows (e.g. ANALYZE TABLE). */
    int execute(String sql) {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            return s.execute(sql) ? -1 : s.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    interface PerThread {
        void run(int thread) throws Exception;
    }

    /** Starts {@code threads} workers at the same instant and waits for all; the first failure is rethrown. */
    static void runConcurrently(int threads, PerThread work) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    work.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(180, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
