package com.caricomtr.agent.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.testing.TcpProxy;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;

/** A generated shop on the test database and a sandbox beside it: what an end-to-end sync test needs. */
final class SyncFixture implements AutoCloseable {
    static final String SECRET = "test-secret-0123456789abcdef-0123456789";

    final DatabaseSettings db;
    final CariSandbox sandbox;

    SyncFixture(StorageLayout layout, int orders) {
        this(layout, orders, SandboxOptions.builder().port(0).build());
    }

    SyncFixture(StorageLayout layout, int orders, SandboxOptions sandboxOptions) {
        db = TestDatabase.get().newDatabase("sync_" + layout.name().toLowerCase(java.util.Locale.ROOT));
        try (JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            DemoShopGenerator.generate(pool.dataSource(), "wp_", layout, orders, 99);
        }
        sandbox = CariSandbox.start(sandboxOptions);
    }

    SiteConfig site(String id) {
        return site(id, SECRET);
    }

    /** A site of its own secret: sites sharing a secret are refused where the bridge's signatures are checked. */
    SiteConfig site(String id, String secret) {
        SyncPolicy policy = SyncPolicy.DEFAULTS
                .withPollInterval(Duration.ofMillis(200))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 20)
                .withLease(Duration.ofSeconds(5))
                .withThroughput(8, 500);
        return new SiteConfig(id, db, TablePrefix.of("wp_"), null, secret,
                CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token")
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                                Duration.ofSeconds(4)),
                InvoiceSettings.defaults(), policy, false, false);
    }

    /** The site, reaching its database through {@code proxy}, so that a test can take the database away. */
    SiteConfig site(String id, TcpProxy proxy) {
        SiteConfig site = site(id);
        DatabaseSettings proxied = new DatabaseSettings(proxy.jdbcUrl(db.jdbcUrl()), db.user(), db.password(),
                db.maxPoolSize(), "site-" + id);
        return new SiteConfig(id, proxied, site.prefix(), site.stateSchema(), site.secret(), site.cari(),
                site.invoice(), site.policy(), site.requireHookRegistration(), site.sharedNumbering());
    }

    /** Moves orders to a status the way WooCommerce does: the status and the modification time change. */
    void setStatus(String status, long... orderIds) throws SQLException {
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
            for (long id : orderIds) {
                s.executeUpdate("UPDATE wp_wc_orders SET status = 'wc-" + status + "', date_updated_gmt ="
                        + " UTC_TIMESTAMP() WHERE id = " + id);
            }
        }
    }

    /** Order ids in the given status. */
    List<Long> ordersIn(String status) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM wp_wc_orders WHERE type = 'shop_order' AND status = 'wc-"
                     + status + "' ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Order ids in the given status in the layout's authoritative storage. */
    List<Long> postsOrHposOrders(String status) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM wp_wc_orders WHERE type = 'shop_order' AND status = 'wc-"
                     + status + "' UNION SELECT ID FROM wp_posts WHERE post_type = 'shop_order' AND post_status = 'wc-"
                     + status + "' ORDER BY 1")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
