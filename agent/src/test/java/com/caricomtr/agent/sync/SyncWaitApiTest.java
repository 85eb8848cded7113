package com.caricomtr.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.api.BridgeHooks;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RelaySettings;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.store.StoredInvoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a bulk action of the bridge sees over real HTTP, signed: {@code POST …/orders/sync} with {@code wait_seconds}
 * answers with each order's end state (invoice number, error) when Cari answers within the wait, says "still on its
 * way" when it does not, and never waits past the cap; every order state has the same keys in the same order; an
 * order held for the bridge's registration says so itself. Against the test database and the sandbox.
 */
class SyncWaitApiTest {
    private static final String SITE = "wait.example.com";
    private static final String HELD = "held.example.com";
    private static final String HELD_SECRET = "held-secret-0123456789ABCDEFGHIJKLMNOPQRSTUV";
    private static final InMemorySiteSecrets SECRETS = InMemorySiteSecrets.of(Map.of(SITE, SyncFixture.SECRET,
            HELD, HELD_SECRET));
    /** docs/agent-api.md, "Order state": every entry has these, in this order. */
    private static final List<String> STATE_KEYS = List.of("state", "invoice_number", "cari_invoice_id",
            "error_class", "last_error", "attempts", "claims", "lost_claims", "next_attempt_at", "synced_at",
            "waiting_for_hooks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SyncFixture fixture;
    private static Served agent;
    private static Served held;
    private static Iterator<Long> freshOrders;

    /** An engine and its signed API on a port of its own. */
    private record Served(SyncEngine engine, WebServer server, RequestSigner signer, AutoCloseable hooks) {
        static Served start(SiteConfig site, boolean bridge) {
            SyncEngine engine = SyncEngine.open(List.of(site), "wait-test-" + site.id());
            BridgeHooks hooks = bridge ? BridgeHooks.over(engine, SECRETS, RelaySettings.defaults()) : null;
            engine.start(false, bridge ? hooks : SyncHooks.NONE);
            HookRegistry registry = bridge ? hooks.registry() : new HookRegistry();
            WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                    .routing(r -> Main.routing(r, SECRETS, SignatureSettings.defaults(), registry, engine))
                    .build().start();
            return new Served(engine, server, new RequestSigner(site.id(), site.secret()), hooks);
        }

        JsonNode call(String method, String endpoint, String body, int expectedStatus) {
            String path = "/v1/sites/" + signer.siteId() + endpoint;
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

        void close() throws Exception {
            server.stop();
            engine.close();
            if (hooks != null) {
                hooks.close();
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = new SyncFixture(StorageLayout.HPOS, 120);
        agent = Served.start(fixture.site(SITE), false);
        // Its own series: both sites invoice into the one sandbox company.
        SiteConfig heldSite = fixture.site(HELD, HELD_SECRET);
        held = Served.start(new SiteConfig(HELD, heldSite.database(), heldSite.prefix(), heldSite.stateSchema(),
                HELD_SECRET, heldSite.cari(), heldSite.invoice().withSeries("HLD"), heldSite.policy(), true, false),
                true);
        freshOrders = fixture.ordersIn("completed").iterator();
    }

    @AfterAll
    static void stop() throws Exception {
        held.close();
        agent.close();
        fixture.close();
    }

    @AfterEach
    void calmCari() {
        fixture.sandbox.faults().reset();
    }

    @Test
    void ordersSyncedWithinTheWaitComeBackWithTheirInvoiceNumbers() {
        long first = freshOrders.next();
        long second = freshOrders.next();
        long third = freshOrders.next();

        long start = System.nanoTime();
        JsonNode answer = agent.call("POST", "/orders/sync", "{\"order_ids\":[" + first + "," + second + "," + third
                + ",999999],\"wait_seconds\":8}", 200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("answered when the last one was synced").isLessThan(Duration.ofSeconds(8));
        assertThat(answer.get("waited_ms").asLong()).isLessThan(8000);
        JsonNode results = answer.get("results");
        for (int i = 0; i < 3; i++) {
            JsonNode result = results.get(i);
            assertResultShape(result);
            StoredInvoice invoice = invoiceOf(result.get("order_id").asLong());
            assertThat(result.get("outcome").asText()).isEqualTo("queued");
            assertThat(result.get("state").asText()).isEqualTo("synced");
            assertThat(result.get("invoice_number").asText()).isEqualTo(invoice.faturaNo()).startsWith("WOO2025");
            assertThat(result.get("cari_invoice_id").asText()).isEqualTo(invoice.id());
            assertThat(result.get("error_class").asText()).isEmpty();
            assertThat(result.get("last_error").asText()).isEmpty();
            assertThat(result.get("attempts").asInt()).isEqualTo(1);
            assertThat(result.get("next_attempt_at").isNull()).isTrue();
            assertThat(Instant.parse(result.get("synced_at").asText())).isBefore(Instant.now().plusSeconds(60));
        }
        assertThat(results.get(3).get("outcome").asText()).isEqualTo("not_found");
        assertThat(results.get(3).get("message").asText()).isEqualTo("no such order");
        assertThat(results.get(3).get("state").asText()).isEqualTo("none");
    }

    @Test
    void anOrderThatFailsWithinTheWaitComesBackWithItsError() throws Exception {
        long order = freshOrders.next();
        try (Connection c = TestDatabase.connect(fixture.db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE wp_wc_order_addresses SET first_name = '', last_name = '', company = ''"
                    + " WHERE order_id = " + order + " AND address_type = 'billing'");
        }

        JsonNode result = agent.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "],\"wait_seconds\":8}",
                200).get("results").get(0);

        assertResultShape(result);
        assertThat(result.get("state").asText()).isEqualTo("failed");
        assertThat(result.get("error_class").asText()).isEqualTo("permanent");
        assertThat(result.get("last_error").asText())
                .isEqualTo("billing.first_name: neither a name nor a company to invoice");
        assertThat(result.get("invoice_number").asText()).as("fails before a number is fixed").isEmpty();
        assertThat(result.get("synced_at").isNull()).isTrue();
    }

    @Test
    void withCariSlowTheAnswerSaysOnItsWayWhenTheWaitIsOver() {
        // Each call answers within the read timeout (2 s), but an order takes three calls: about 4.5 s.
        fixture.sandbox.faults().update(FaultSettings.builder().latencyMs(1500, 1500).build());
        long order = freshOrders.next();

        long start = System.nanoTime();
        JsonNode answer = agent.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "],\"wait_seconds\":1.5}",
                200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2500));
        assertThat(answer.get("waited_ms").asLong()).isBetween(1300L, 1600L);
        JsonNode result = answer.get("results").get(0);
        assertResultShape(result);
        assertThat(result.get("state").asText()).isIn("pending", "sending");
        assertThat(result.get("waiting_for_hooks").asBoolean()).isFalse();

        fixture.sandbox.faults().reset();
        await().atMost(Duration.ofSeconds(15)).until(() -> state(agent, order).get("state").asText()
                .equals("synced"));
    }

    @Test
    void noAnswerWaitsLongerThanTenSeconds() {
        // Past the read timeout every call fails: the order goes round retries and cannot be synced meanwhile.
        fixture.sandbox.faults().update(FaultSettings.builder().latencyMs(2500, 2500).build());
        long order = freshOrders.next();

        long start = System.nanoTime();
        JsonNode answer = agent.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "],\"wait_seconds\":60}",
                200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(9900), Duration.ofMillis(11_000));
        assertThat(answer.get("waited_ms").asLong()).isBetween(9800L, 10_100L);
        JsonNode result = answer.get("results").get(0);
        assertResultShape(result);
        assertThat(result.get("state").asText()).isIn("pending", "sending");

        fixture.sandbox.faults().reset();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(agent, order).get("state").asText()
                .equals("synced"));
        assertThat(state(agent, order).get("error_class").asText()).as("cleared once synced").isEmpty();
    }

    @Test
    void aWaitThatIsNotANumberOfSecondsIsRefused() {
        long order = freshOrders.next();
        for (String wait : List.of("-1", "\"5\"", "true", "{}")) {
            JsonNode refused = agent.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "],\"wait_seconds\":"
                    + wait + "}", 400);
            assertThat(refused.get("error").get("code").asText()).as(wait).isEqualTo("invalid_wait");
        }
        assertThat(state(agent, order).get("state").asText()).as("nothing queued").isEqualTo("none");

        JsonNode noWait = agent.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "]}", 200);
        assertThat(noWait.get("waited_ms").asLong()).isZero();
        assertResultShape(noWait.get("results").get(0));
    }

    @Test
    void everyOrderStateHasTheSameKeysInTheSameOrder() throws Exception {
        long synced = freshOrders.next();
        agent.call("POST", "/orders/sync", "{\"order_ids\":[" + synced + "],\"wait_seconds\":8}", 200);
        long neverQueued = freshOrders.next();
        long notTriggering = fixture.ordersIn("pending").getFirst();

        JsonNode states = agent.call("GET", "/orders/states?ids=" + synced + "," + neverQueued + ",999999,"
                + notTriggering, null, 200).get("states");

        assertThat(fieldNames(states)).containsExactly(Long.toString(synced), Long.toString(neverQueued), "999999",
                Long.toString(notTriggering));
        states.forEach(SyncWaitApiTest::assertStateShape);
        assertThat(states.get(Long.toString(synced)).get("state").asText()).isEqualTo("synced");
        assertThat(states.get("999999")).isEqualTo(JSON.readTree("{\"state\":\"none\",\"invoice_number\":\"\","
                + "\"cari_invoice_id\":\"\",\"error_class\":\"\",\"last_error\":\"\",\"attempts\":0,\"claims\":0,"
                + "\"lost_claims\":0,\"next_attempt_at\":null,\"synced_at\":null,\"waiting_for_hooks\":false}"));

        JsonNode notified = agent.call("POST", "/orders/notify", "{\"order_id\":" + notTriggering + "}", 202)
                .get("results").get(0);
        assertResultShape(notified);
        assertThat(notified.get("outcome").asText()).isEqualTo("not_in_trigger_status");
        assertThat(notified.get("state").asText()).isEqualTo("none");
    }

    @Test
    void anOrderHeldForTheBridgesRegistrationSaysSoAndTheSyncDoesNotWaitForIt() {
        long order = freshOrders.next();

        long start = System.nanoTime();
        JsonNode result = held.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "],\"wait_seconds\":8}",
                200).get("results").get(0);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("its orders cannot move: no use waiting").isLessThan(Duration.ofSeconds(2));
        assertResultShape(result);
        assertThat(result.get("state").asText()).isEqualTo("pending");
        assertThat(result.get("waiting_for_hooks").asBoolean()).isTrue();
        assertThat(Instant.parse(result.get("next_attempt_at").asText())).isBefore(Instant.now().plusSeconds(1));
        JsonNode state = state(held, order);
        assertStateShape(state);
        assertThat(state.get("waiting_for_hooks").asBoolean()).isTrue();
        assertThat(held.call("GET", "/dashboard", null, 200).get("waiting_for_hooks").asBoolean()).isTrue();

        held.call("PUT", "/hooks", "{\"filters\":[],\"actions\":[]}", 200);

        JsonNode after = held.call("POST", "/orders/sync", "{\"order_ids\":[" + order + "],\"wait_seconds\":8}",
                200).get("results").get(0);
        assertThat(after.get("outcome").asText()).isEqualTo("already_queued");
        assertThat(after.get("state").asText()).isEqualTo("synced");
        assertThat(after.get("invoice_number").asText()).startsWith("HLD2025");
        assertThat(after.get("waiting_for_hooks").asBoolean()).isFalse();
    }

    private static JsonNode state(Served served, long order) {
        return served.call("GET", "/orders/states?ids=" + order, null, 200).get("states").get(Long.toString(order));
    }

    private static void assertResultShape(JsonNode result) {
        List<String> keys = fieldNames(result);
        assertThat(keys.subList(0, 3)).containsExactly("order_id", "outcome", "message");
        assertThat(keys.subList(3, keys.size())).containsExactlyElementsOf(STATE_KEYS);
        assertStateValues(result);
    }

    private static void assertStateShape(JsonNode state) {
        assertThat(fieldNames(state)).as(state.toString()).containsExactlyElementsOf(STATE_KEYS);
        assertStateValues(state);
    }

    /** Text is text (never null), counts are numbers, times are null or ISO-8601, the flag is a boolean. */
    private static void assertStateValues(JsonNode state) {
        for (String text : List.of("state", "invoice_number", "cari_invoice_id", "error_class", "last_error")) {
            assertThat(state.get(text).isTextual()).as(text + " in " + state).isTrue();
        }
        for (String count : List.of("attempts", "claims", "lost_claims")) {
            assertThat(state.get(count).isInt()).as(count + " in " + state).isTrue();
        }
        for (String time : List.of("next_attempt_at", "synced_at")) {
            JsonNode value = state.get(time);
            assertThat(value.isNull() || Instant.parse(value.asText()) != null).as(time + " in " + state).isTrue();
        }
        assertThat(state.get("waiting_for_hooks").isBoolean()).isTrue();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static StoredInvoice invoiceOf(long order) {
        List<StoredInvoice> invoices = fixture.sandbox.invoices().stream()
                .filter(invoice -> invoice.siparisNo().map(Long.toString(order)::equals).orElse(false)).toList();
        assertThat(invoices).hasSize(1);
        return invoices.getFirst();
    }
}
