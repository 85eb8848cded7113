package com.caricomtr.agent.cli;

import java.util.List;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.OrderStorage;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.SiteDiscovery;
import com.caricomtr.agent.woo.TablePrefix;
import com.caricomtr.agent.woo.WooSite;

import picocli.CommandLine.Option;

/** Where a shop's database is, shared by the commands that read one. */
final class SiteOptions {
    @Option(names = "--db-url", required = true, description = "JDBC URL of the WordPress database, e.g. "
            + "jdbc:mariadb://127.0.0.1:3306/wordpress")
    String url;

    @Option(names = "--db-user", defaultValue = "root", description = "Database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--db-password-env", defaultValue = "CARICOMTR_DB_PASSWORD",
            description = "Environment variable holding the database password, so that it never appears in the "
                    + "process list (default: ${DEFAULT-VALUE})")
    String passwordEnv;

    @Option(names = "--db-password", hidden = true, description = "Database password (visible in the process "
            + "list: prefer --db-password-env)")
    String password;

    @Option(names = "--prefix", defaultValue = "wp_", description = "Table prefix (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--blog", defaultValue = "1", description = "Multisite blog id (default: ${DEFAULT-VALUE})")
    long blogId;

    @Option(names = "--storage", defaultValue = "auto",
            description = "auto (what WooCommerce uses), hpos or posts (default: ${DEFAULT-VALUE})")
    String storage;

    DatabaseSettings database() {
        return new DatabaseSettings(url, user, password != null ? password : System.getenv(passwordEnv), 2, "cli");
    }

    /** The site named by {@code --blog}, with its detected storage. */
    WooSite site(JdbcConnectionPool pool) {
        List<WooSite> sites = SiteDiscovery.discover(pool.dataSource(), TablePrefix.of(prefix));
        return sites.stream().filter(s -> s.blogId() == blogId).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no WooCommerce site with blog id " + blogId + " under prefix "
                        + prefix + "; found " + sites.stream().map(s -> s.blogId() + "=" + s.prefix()).toList()));
    }

    OrderReader reader(JdbcConnectionPool pool, WooSite site) {
        OrderStorage chosen = switch (storage) {
            case "auto" -> site.storage().authoritative();
            case "hpos" -> OrderStorage.HPOS;
            case "posts" -> OrderStorage.POSTS;
            default -> throw new IllegalArgumentException("--storage must be auto, hpos or posts");
        };
        return OrderReader.create(pool.dataSource(), site.prefix(), chosen, ReaderSettings.DEFAULTS);
    }
}
