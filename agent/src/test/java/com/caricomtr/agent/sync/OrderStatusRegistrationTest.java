package com.caricomtr.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.api.BridgeHooks;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RelaySettings;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.api.UnknownTriggerStatuses;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.CapturedLogs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge registers the shop's order statuses with its hooks (PUT …/hooks, over real HTTP, signed, stored in the
 * site's state): they come back in the shop's order, survive a restart, are replaced with the rest of the
 * registration, and trigger statuses set from the dashboard must be among them; a trigger status the shop does not
 * have is answered and warned of.
 */
class OrderStatusRegistrationTest {
    private static final String SHOP = "statuses.example.com";
    private static final String FRESH = "fresh.example.com";
    private static final String FRESH_SECRET = "fresh-secret-abcdefghijklmnopqrstuvwxyz-0123";
    private static final InMemorySiteSecrets SECRETS = InMemorySiteSecrets.of(Map.of(SHOP, SyncFixture.SECRET,
            FRESH, FRESH_SECRET));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What wc_get_order_statuses() gives on a Turkish shop with a shipping plugin's status. */
    private static final String STATUSES = "{\"wc-pending\":\"Ödeme bekleniyor\",\"wc-processing\":\"Hazırlanıyor\","
            + "\"wc-on-hold\":\"Beklemede\",\"wc-completed\":\"Tamamlandı\",\"wc-cancelled\":\"İptal edildi\","
            + "\"wc-refunded\":\"İade edildi\",\"wc-failed\":\"Başarısız\",\"wc-checkout-draft\":\"Taslak\","
            + "\"wc-kargolandi\":\"Kargoya verildi\"}";

    private static SyncFixture fixture;
    private static SyncEngine engine;
    private static BridgeHooks hooks;
    private static WebServer server;

    @BeforeAll
    static void start() {
        fixture = new SyncFixture(StorageLayout.HPOS, 20);
        // Two sites of one Cari company print different series.
        SiteConfig fresh = fixture.site(FRESH, FRESH_SECRET);
        engine = SyncEngine.open(List.of(fixture.site(SHOP), new SiteConfig(FRESH, fresh.database(), fresh.prefix(),
                fresh.stateSchema(), FRESH_SECRET, fresh.cari(), fresh.invoice().withSeries("FRS"), fresh.policy(),
                false, false)), "statuses-test");
        hooks = BridgeHooks.over(engine, SECRETS, RelaySettings.defaults());
        engine.start(false, hooks);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> Main.routing(r, SECRETS, SignatureSettings.defaults(), hooks.registry(), engine))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        engine.close();
        hooks.close();
        fixture.close();
    }

    @AfterEach
    void defaultTriggers() {
        call(SHOP, "PUT", "/settings", "{\"settings\":{\"trigger_statuses\":\"processing,completed\"}}", 200);
        call(FRESH, "PUT", "/settings", "{\"settings\":{\"trigger_statuses\":\"processing,completed\"}}", 200);
    }

    @Test
    void theShopsStatusesAreStoredInItsOrderAndReplacedWithTheRegistration() throws Exception {
        String body = "{\"filters\":[],\"actions\":[],\"order_statuses\":" + STATUSES + "}";
        JsonNode expected = JSON.readTree("{\"site\":\"" + SHOP + "\",\"callback_url\":null,\"filters\":[],"
                + "\"actions\":[],\"order_statuses\":" + STATUSES + ",\"unknown_trigger_statuses\":[]}");

        JsonNode registered = call(SHOP, "PUT", "/hooks", body, 200);

        assertThat(registered).isEqualTo(expected);
        assertThat(fieldNames(registered)).containsExactly("site", "callback_url", "filters", "actions",
                "order_statuses", "unknown_trigger_statuses");
        assertThat(fieldNames(registered.get("order_statuses"))).as("the shop's order")
                .containsExactlyElementsOf(fieldNames(JSON.readTree(STATUSES)));
        assertThat(call(SHOP, "PUT", "/hooks", body, 200)).as("the same again").isEqualTo(expected);
        assertThat(call(SHOP, "GET", "/hooks", null, 200)).isEqualTo(expected);
        HookRegistry restarted = HookRegistry.stored(engine.states());
        assertThat(restarted.registration(SHOP).orElseThrow().orderStatuses())
                .containsExactlyEntriesOf(JSON.convertValue(JSON.readTree(STATUSES), Map.class))
                .containsEntry("wc-kargolandi", "Kargoya verildi");

        JsonNode withoutStatuses = call(SHOP, "PUT", "/hooks", "{\"filters\":[],\"actions\":[]}", 200);
        assertThat(withoutStatuses.get("order_statuses")).isEqualTo(JSON.createObjectNode());
        assertThat(HookRegistry.stored(engine.states()).registration(SHOP).orElseThrow().orderStatuses()).isEmpty();
        assertThat(call(SHOP, "PUT", "/hooks", "{\"order_statuses\":[]}", 200).get("order_statuses"))
                .as("PHP's json_encode of an empty array").isEqualTo(JSON.createObjectNode());
    }

    @Test
    void triggerStatusesMustBeAmongTheRegisteredStatuses() {
        call(SHOP, "PUT", "/hooks", "{\"order_statuses\":" + STATUSES + "}", 200);

        JsonNode refused = call(SHOP, "PUT", "/settings",
                "{\"settings\":{\"trigger_statuses\":[\"processing\",\"shipped\",\"wc-delivered\"]}}", 400);

        assertThat(refused.get("error").get("code").asText()).isEqualTo("invalid_settings");
        assertThat(refused.get("error").get("fields")).singleElement().satisfies(field -> {
            assertThat(field.get("field").asText()).isEqualTo("trigger_statuses");
            assertThat(field.get("message").asText()).isEqualTo("'shipped', 'delivered' are not among the shop's"
                    + " order statuses: pending, processing, on-hold, completed, cancelled, refunded, failed,"
                    + " checkout-draft, kargolandi");
        });
        assertThat(call(SHOP, "GET", "/settings", null, 200).get("settings").get("trigger_statuses").asText())
                .as("nothing stored").isEqualTo("processing,completed");
        JsonNode one = call(SHOP, "PUT", "/settings", "{\"settings\":{\"trigger_statuses\":\"completed,shipped\"}}",
                400);
        assertThat(one.get("error").get("fields").get(0).get("message").asText())
                .startsWith("'shipped' is not one of the shop's order statuses: pending, processing");

        JsonNode accepted = call(SHOP, "PUT", "/settings",
                "{\"settings\":{\"trigger_statuses\":[\"wc-processing\",\"kargolandi\"]}}", 200);
        assertThat(accepted.get("settings").get("trigger_statuses").asText()).isEqualTo("processing,kargolandi");
        assertThat(engine.site(SHOP).orElseThrow().runtime().policy().triggers("kargolandi")).isTrue();

        call(SHOP, "PUT", "/hooks", "{}", 200);
        call(SHOP, "PUT", "/settings", "{\"settings\":{\"trigger_statuses\":\"processing,shipped\"}}", 200);
        JsonNode badFormat = call(SHOP, "PUT", "/settings", "{\"settings\":{\"trigger_statuses\":\"Ship It!\"}}", 400);
        assertThat(badFormat.get("error").get("fields").get(0).get("message").asText())
                .as("without registered statuses, the format only").contains("must list at least one order status");
    }

    @Test
    void beforeAnyRegistrationTriggerStatusesAreCheckedForTheirFormatOnly() {
        call(FRESH, "GET", "/hooks", null, 404);

        JsonNode accepted = call(FRESH, "PUT", "/settings",
                "{\"settings\":{\"trigger_statuses\":[\"processing\",\"shipped\"]}}", 200);

        assertThat(accepted.get("settings").get("trigger_statuses").asText()).isEqualTo("processing,shipped");
    }

    @Test
    void aRegistrationThatLeavesOutATriggerStatusIsAnsweredAndWarnedOf() {
        String withoutCompleted = STATUSES.replace("\"wc-completed\":\"Tamamlandı\",", "");
        try (CapturedLogs logs = new CapturedLogs(UnknownTriggerStatuses.class.getName())) {
            JsonNode registered = call(SHOP, "PUT", "/hooks", "{\"order_statuses\":" + withoutCompleted + "}", 200);

            assertThat(registered.get("unknown_trigger_statuses")).isEqualTo(JSON.createArrayNode().add("completed"));
            assertThat(call(SHOP, "GET", "/hooks", null, 200).get("unknown_trigger_statuses"))
                    .isEqualTo(JSON.createArrayNode().add("completed"));
            assertThat(logs.lines()).singleElement().asString().contains("WARNING").contains("site " + SHOP
                    + ": trigger statuses not among the shop's order statuses: completed (no order comes into them;"
                    + " the shop has pending, processing, on-hold, cancelled, refunded, failed, checkout-draft,"
                    + " kargolandi)");

            UnknownTriggerStatuses.warnAtStart(engine, HookRegistry.stored(engine.states()));
            assertThat(logs.lines()).hasSize(2).last().asString().contains("site " + SHOP + ": trigger statuses not"
                    + " among the shop's order statuses: completed");
        } finally {
            call(SHOP, "PUT", "/hooks", "{}", 200);
        }
    }

    @Test
    void badStatusesAreRefusedAndThePreviousRegistrationStays() throws Exception {
        call(SHOP, "PUT", "/hooks", "{\"order_statuses\":" + STATUSES + "}", 200);
        ObjectNode tooMany = JSON.createObjectNode();
        for (int i = 0; i <= 200; i++) {
            tooMany.put("wc-status-" + i, "Status " + i);
        }
        for (String bad : List.of("[\"wc-processing\"]", "\"wc-processing\"", "{\"Wc Processing\":\"x\"}",
                "{\"wc-a-status-key-too-long\":\"x\"}", "{\"wc-processing\":1}",
                "{\"wc-processing\":\"" + "x".repeat(201) + "\"}", tooMany.toString())) {
            JsonNode refused = call(SHOP, "PUT", "/hooks", "{\"order_statuses\":" + bad + "}", 400);
            assertThat(refused.get("error").get("code").asText()).as(bad).isEqualTo("invalid_registration");
        }
        assertThat(call(SHOP, "GET", "/hooks", null, 200).get("order_statuses")).isEqualTo(JSON.readTree(STATUSES));
        call(SHOP, "PUT", "/hooks", "{}", 200);
    }

    private static JsonNode call(String site, String method, String endpoint, String body, int expectedStatus) {
        String path = "/v1/sites/" + site + endpoint;
        RequestSigner signer = new RequestSigner(site, site.equals(SHOP) ? SyncFixture.SECRET : FRESH_SECRET);
        try {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = signer.request(method, URI.create("http://127.0.0.1:" + server.port() + path),
                    bytes).header("Content-Type", "application/json").build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
                    .isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
