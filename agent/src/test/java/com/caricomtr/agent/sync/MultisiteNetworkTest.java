package com.caricomtr.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.demo.DemoShopGenerator;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One entry serves a whole multisite network: a generated network of three blogs, one without WooCommerce, is
 * served as two sites, each signed with its own derived secret; a fourth blog added while the agent runs is served
 * and synced without a restart.
 */
class MultisiteNetworkTest {
    private static final String NETWORK_SECRET = "network-secret-0123456789abcdef-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyBlogWithWooCommerceIsASiteOfItsOwnAndANewBlogJoinsWithoutARestart() throws Exception {
        DatabaseSettings db = TestDatabase.get().newDatabase("multisite");
        try (CariSandbox sandbox = CariSandbox.start(SandboxOptions.builder().port(0).build());
             JdbcConnectionPool pool = JdbcConnectionPool.open(db)) {
            DemoShopGenerator.generate(pool.dataSource(), "wp_", StorageLayout.HPOS, 20, 1);
            DemoShopGenerator.generate(pool.dataSource(), "wp_2_", StorageLayout.POSTS, 20, 2);
            try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE wp_3_options (option_id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " option_name VARCHAR(191) NOT NULL UNIQUE, option_value LONGTEXT NOT NULL)");
                s.execute("INSERT INTO wp_3_options (option_name, option_value) VALUES ('siteurl', 'http://blog3')");
                s.execute("CREATE TABLE wp_blogs (blog_id BIGINT PRIMARY KEY, domain VARCHAR(200),"
                        + " path VARCHAR(100), deleted TINYINT NOT NULL DEFAULT 0,"
                        + " archived ENUM('0','1') NOT NULL DEFAULT '0', spam TINYINT NOT NULL DEFAULT 0)");
                s.execute("INSERT INTO wp_blogs (blog_id, domain, path) VALUES (1, 'shops.test', '/'),"
                        + " (2, 'shops.test', '/two/'), (3, 'shops.test', '/blog/')");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("multisite", "true");
            settings.put("multisite-rediscovery", "1s");
            var config = AgentYaml.agent().site("net", NETWORK_SECRET, "wp_", db.jdbcUrl(), db, sandbox.baseUrl(),
                    settings).write();

            try (ServeProcess agent = ServeProcess.start(config, "multisite")) {
                agent.awaitServing(Duration.ofSeconds(90));
                URI base = baseUri(agent.output());

                assertThat(settingsStatus(base, "net-1", blogSecret(1))).isEqualTo(200);
                assertThat(settingsStatus(base, "net-2", blogSecret(2))).isEqualTo(200);
                assertThat(settingsStatus(base, "net-3", blogSecret(3))).as("a blog without WooCommerce")
                        .isEqualTo(401);
                assertThat(settingsStatus(base, "net-2", blogSecret(1))).as("one blog's secret for another")
                        .isEqualTo(401);

                long postsOrder = firstOrder(pool, "SELECT ID FROM wp_2_posts WHERE post_type = 'shop_order'");
                JsonNode synced = sync(base, "net-2", blogSecret(2), postsOrder);
                assertThat(synced.at("/results/0/state").asText()).isEqualTo("synced");

                DemoShopGenerator.generate(pool.dataSource(), "wp_4_", StorageLayout.HPOS, 10, 4);
                try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO wp_blogs (blog_id, domain, path) VALUES (4, 'shops.test', '/four/')");
                }
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> settingsStatus(base, "net-4", blogSecret(4)) == 200);
                // Blogs start from the network's one entry: each admin gives its blog a series of its own.
                String ownSeries = "{\"settings\":{\"invoice_series\":\"BL4\"}}";
                assertThat(put(base, "net-4", blogSecret(4), "/settings", ownSeries)).isEqualTo(200);
                long newBlogOrder = firstOrder(pool, "SELECT id FROM wp_4_wc_orders WHERE type = 'shop_order'");
                assertThat(sync(base, "net-4", blogSecret(4), newBlogOrder).at("/results/0/state").asText())
                        .isEqualTo("synced");
                assertThat(agent.output()).contains("site net-4: a new blog of its network");
            }
            assertThat(sandbox.invoices()).extracting(i -> i.fatura().path("dis_anahtar").asText())
                    .contains("net-2/" + firstOrder(pool, "SELECT ID FROM wp_2_posts WHERE post_type = 'shop_order'"),
                            "net-4/" + firstOrder(pool, "SELECT id FROM wp_4_wc_orders WHERE type = 'shop_order'"));
        }
    }

    /** As the bridge of a network-activated plugin computes it. */
    private static String blogSecret(long blog) {
        return NetworkConfig.blogSecret(NETWORK_SECRET, blog);
    }

    private static int settingsStatus(URI base, String site, String secret) throws Exception {
        HttpRequest request = new RequestSigner(site, secret)
                .request("GET", base.resolve("/v1/sites/" + site + "/settings"), null).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static JsonNode sync(URI base, String site, String secret, long order) throws Exception {
        byte[] body = ("{\"order_ids\":[" + order + "],\"wait_seconds\":10}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = new RequestSigner(site, secret)
                .request("POST", base.resolve("/v1/sites/" + site + "/orders/sync"), body)
                .header("Content-Type", "application/json").build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int put(URI base, String site, String secret, String endpoint, String json) throws Exception {
        HttpRequest request = new RequestSigner(site, secret)
                .request("PUT", base.resolve("/v1/sites/" + site + endpoint), json.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static long firstOrder(JdbcConnectionPool pool, String sql) throws Exception {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql + " ORDER BY 1 LIMIT 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static URI baseUri(String output) {
        Matcher m = Pattern.compile("listening on (http://[0-9.]+:[0-9]+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return URI.create(m.group(1));
    }
}
