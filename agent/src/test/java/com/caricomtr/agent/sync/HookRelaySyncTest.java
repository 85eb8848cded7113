package com.caricomtr.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.api.BridgeHooks;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RelaySettings;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureFilter;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.api.SignatureVerifier;
import com.caricomtr.agent.api.SignedRequest;
import com.caricomtr.agent.demo.StorageLayout;
import com.caricomtr.agent.invoice.InvoiceMapper;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.sync.state.OrderSyncState;
import com.caricomtr.agent.sync.state.RetentionCleaner;
import com.caricomtr.agent.sync.state.SyncState;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop's hooks in a real sync: a served agent (engine, {@link BridgeHooks}, signed API) on the test database
 * and the sandbox, and a server playing the bridge that checks the agent's signature on every call (the agent's own
 * {@link SignatureFilter}, as the PHP side verifies) and answers each hook as the callback path says.
 */
class HookRelaySyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SHOP = "shop";
    private static final String FRESH = "fresh";
    private static final String FRESH_SECRET = "fresh-secret-ZYXWVUTSRQPONMLKJIHGFEDCBA-98765";
    private static final InMemorySiteSecrets SECRETS = InMemorySiteSecrets.of(Map.of(SHOP, SyncFixture.SECRET,
            FRESH, FRESH_SECRET));
    private static final RelaySettings FAST = RelaySettings.defaults()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1));
    private static final List<String> FILTERS = List.of("caricomtr_invoice_data", "caricomtr_customer_data",
            "caricomtr_invoice_serie", "caricomtr_invoice_number", "caricomtr_logs_retention_days");
    private static final List<String> ACTIONS = List.of("caricomtr_before_sync", "caricomtr_after_sync",
            "caricomtr_sync_error", "caricomtr_cleanup_logs");

    /** What the bridge received, after the signature check. */
    record Call(String site, String mode, String hook, JsonNode args) {
        long orderId() {
            return args.path("order_id").asLong();
        }
    }

    private static final Queue<Call> CALLS = new ConcurrentLinkedQueue<>();
    /** For the "overrides" path: what the number filter answers per order, and whose money it breaks. */
    private static final Map<Long, String> NUMBERS = new ConcurrentHashMap<>();
    private static final Set<Long> BAD_MONEY = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger RETENTION_DAYS = new AtomicInteger(30);

    private static SyncFixture fixture;
    private static WebServer bridge;
    private static Agent agent;
    private static List<Long> orders;
    private static int nextOrder;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SyncFixture(StorageLayout.HPOS, 120);
        bridge = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.addFilter(new SignatureFilter(new SignatureVerifier(SECRETS,
                                SignatureSettings.defaults()), SECRETS))
                        .post("/relay/{mode}", HookRelaySyncTest::relay))
                .build().start();
        agent = new Agent(fixture.site(SHOP).withRequireHookRegistration(true));
        orders = fixture.ordersIn("completed");
    }

    @AfterAll
    static void stop() {
        agent.close();
        bridge.stop();
        fixture.close();
    }

    @BeforeEach
    void clear() {
        CALLS.clear();
        NUMBERS.clear();
        BAD_MONEY.clear();
        fixture.sandbox.faults().reset();
    }

    @Test
    void filtersShapeTheInvoiceAndTheCustomerAndActionsTellTheBridge() throws Exception {
        agent.register("filters", FILTERS, ACTIONS);
        long order = order();

        agent.sync(order);
        agent.awaitState(order, SyncState.SYNCED);

        StoredInvoice invoice = invoiceOf(order);
        String expected = "ABC" + invoice.fatura().get("tarih").asText().substring(0, 4) + (700_000_000 + order);
        assertThat(invoice.seriNo()).isEqualTo("ABC");
        assertThat(invoice.faturaNo()).isEqualTo(expected);
        assertThat(invoice.fatura().get("sira_no").asLong()).isEqualTo(700_000_000 + order);
        assertThat(invoice.fatura().get("aciklama").asText()).isEqualTo("Filtered " + order);
        StoredCustomer customer = fixture.sandbox.customers().stream()
                .filter(c -> c.id().equals(invoice.cariId())).findFirst().orElseThrow();
        assertThat(customer.cari().get("telefon").asText()).isEqualTo("0850 000 00 00");
        assertThat(agent.state(order).invoiceNumber().number()).isEqualTo(expected);

        await().atMost(Duration.ofSeconds(5)).until(() -> calls(order, "caricomtr_after_sync").size() == 1);
        assertThat(calls(order, "caricomtr_invoice_serie")).singleElement().satisfies(call -> assertThat(
                call.args().toString()).isEqualTo("{\"value\":\"WOO\",\"order_id\":" + order + "}"));
        assertThat(calls(order, "caricomtr_invoice_number")).singleElement().satisfies(call -> {
            assertThat(call.args().get("value").asText()).startsWith("ABC").endsWith(String.format("%09d", order));
            assertThat(call.args().get("serie").asText()).isEqualTo("ABC");
        });
        assertThat(calls(order, "caricomtr_customer_data")).singleElement().satisfies(call ->
                assertThat(call.args().get("value").get("dis_anahtar").asText()).isEqualTo(customer.disAnahtar()));
        assertThat(calls(order, "caricomtr_invoice_data")).singleElement().satisfies(call -> {
            assertThat(call.args().get("value").get("fatura_no").asText()).isEqualTo(expected);
            assertThat(call.args().get("value").get("cari_id").asText()).isEqualTo(customer.id());
        });
        assertThat(calls(order, "caricomtr_before_sync")).singleElement().satisfies(call ->
                assertThat(call.args().toString()).isEqualTo("{\"order_id\":" + order + "}"));
        assertThat(calls(order, "caricomtr_after_sync")).singleElement().satisfies(call ->
                assertThat(call.args()).isEqualTo(JSON.readTree("{\"order_id\":" + order + ",\"result\":{"
                        + "\"invoice_id\":\"" + invoice.id() + "\",\"customer_id\":\"" + customer.id() + "\","
                        + "\"serie\":\"ABC\",\"number\":\"" + expected + "\"}}")));
        assertThat(calls(order, "caricomtr_sync_error")).isEmpty();
        assertThat(CALLS).allSatisfy(call -> assertThat(call.site()).isEqualTo(SHOP));
    }

    @Test
    void aRetryReusesTheFilteredNumberWithoutAskingForItAgain() {
        agent.register("filters", FILTERS, ACTIONS);
        long order = order();
        // Cari stores the invoice, then answers 500: the retry must send the same number and be told "exists".
        fixture.sandbox.faults().script(List.of("store-then-error"));

        agent.sync(order);
        agent.awaitState(order, SyncState.SYNCED);

        await().atMost(Duration.ofSeconds(5)).until(() -> calls(order, "caricomtr_after_sync").size() == 1);
        assertThat(calls(order, "caricomtr_invoice_serie")).hasSize(1);
        assertThat(calls(order, "caricomtr_invoice_number")).hasSize(1);
        assertThat(calls(order, "caricomtr_invoice_data")).as("filtered before each send").hasSize(2);
        assertThat(calls(order, "caricomtr_sync_error")).singleElement().satisfies(call -> {
            assertThat(call.args().get("error").get("code").asText()).isEqualTo("retryable");
            assertThat(call.args().get("error").get("message").asText()).contains("500");
        });
        assertThat(invoicesOf(order)).singleElement().satisfies(invoice -> assertThat(invoice.faturaNo())
                .isEqualTo(agent.state(order).invoiceNumber().number()).startsWith("ABC"));
        assertThat(calls(order, "caricomtr_after_sync").getFirst().args().get("result").get("invoice_id").asText())
                .isEqualTo(invoiceOf(order).id());
    }

    @Test
    void aFailingOrSlowBridgeLeavesTheValuesUnfilteredAndTheOrderSyncs() {
        for (String mode : List.of("error", "slow")) {
            agent.register(mode, FILTERS, List.of());
            long order = order();

            long started = System.nanoTime();
            agent.sync(order);
            agent.awaitState(order, SyncState.SYNCED);

            StoredInvoice invoice = invoiceOf(order);
            assertThat(invoice.seriNo()).as(mode).isEqualTo("WOO");
            assertThat(invoice.faturaNo()).as(mode).endsWith(String.format("%09d", order));
            assertThat(invoice.fatura().get("aciklama").asText()).as(mode).isEqualTo("WooCommerce sipariş #" + order);
            assertThat(calls(order, "caricomtr_invoice_number")).as(mode).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(mode).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aNumberTamperedWithInTheInvoiceDataIsPutBackSoNoOrderTakesAnothersInvoice() {
        agent.register("tamper", List.of("caricomtr_invoice_data"), List.of());
        List<Long> batch = List.of(order(), order(), order());

        agent.sync(batch.toArray(Long[]::new));
        batch.forEach(order -> agent.awaitState(order, SyncState.SYNCED));

        for (long order : batch) {
            assertThat(invoicesOf(order)).singleElement().satisfies(invoice -> {
                assertThat(invoice.faturaNo()).isEqualTo(agent.state(order).invoiceNumber().number())
                        .endsWith(String.format("%09d", order));
                assertThat(invoice.seriNo()).isEqualTo("WOO");
                assertThat(invoice.fatura().get("aciklama").asText()).isEqualTo("tampered");
                assertThat(invoice.id()).isEqualTo(agent.state(order).cariInvoiceId());
            });
        }
        assertThat(fixture.sandbox.stats().ordersInvoicedMoreThanOnce()).isEmpty();
    }

    @Test
    void aNumberAnotherOrderHoldsIsNeverSentTwice() throws Exception {
        agent.register("overrides", List.of("caricomtr_invoice_number"), List.of("caricomtr_sync_error"));
        long taker = order();
        long second = order();
        long owner = order();
        String ownersNumber = naturalNumber(owner);
        NUMBERS.put(taker, ownersNumber);
        NUMBERS.put(second, ownersNumber);

        agent.sync(taker);
        agent.awaitState(taker, SyncState.SYNCED);
        agent.sync(second);
        agent.awaitState(second, SyncState.SYNCED);
        agent.sync(owner);
        agent.awaitState(owner, SyncState.NEEDS_REVIEW);

        assertThat(invoiceOf(taker).faturaNo()).isEqualTo(ownersNumber);
        assertThat(invoiceOf(second).faturaNo()).as("the filtered number was taken: the unfiltered one is used")
                .isEqualTo(naturalNumber(second));
        assertThat(invoicesOf(owner)).isEmpty();
        assertThat(agent.state(owner).lastError()).contains(ownersNumber, "order " + taker);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls(owner, "caricomtr_sync_error").size() == 1);
        assertThat(calls(owner, "caricomtr_sync_error").getFirst().args().get("error").get("code").asText())
                .isEqualTo("conflict");
    }

    @Test
    void moneyBrokenByTheInvoiceFilterFailsThatOrderAloneNamingTheField() {
        agent.register("overrides", List.of("caricomtr_invoice_data"), List.of("caricomtr_sync_error"));
        long broken = order();
        List<Long> fine = List.of(order(), order());
        BAD_MONEY.add(broken);

        agent.sync(broken, fine.get(0), fine.get(1));
        agent.awaitState(broken, SyncState.FAILED);
        fine.forEach(order -> agent.awaitState(order, SyncState.SYNCED));

        assertThat(invoicesOf(broken)).isEmpty();
        assertThat(agent.state(broken).lastError()).startsWith("fatura.genel_toplam: ").contains("two decimals");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls(broken, "caricomtr_sync_error").size() == 1);
        JsonNode error = calls(broken, "caricomtr_sync_error").getFirst().args().get("error");
        assertThat(error.get("code").asText()).isEqualTo("permanent");
        assertThat(error.get("message").asText()).contains("fatura.genel_toplam");
    }

    @Test
    void theRetentionFilterDecidesWhatTheDailyCleanupDeletes() throws Exception {
        agent.register("overrides", List.of("caricomtr_logs_retention_days"), List.of("caricomtr_cleanup_logs"));
        insertLogRows(40, 2);
        insertLogRows(10, 5);
        insertLogRows(3, 4);

        RETENTION_DAYS.set(0);
        RetentionCleaner.Result kept30 = agent.site.cleanupNow();
        RETENTION_DAYS.set(7);
        RetentionCleaner.Result kept7 = agent.site.cleanupNow();

        assertThat(kept30.apiLogRows()).as("0 days is not a retention: the configured 30 apply").isEqualTo(2);
        assertThat(kept7.apiLogRows()).isEqualTo(5);
        assertThat(CALLS).filteredOn(call -> call.hook().equals("caricomtr_logs_retention_days"))
                .extracting(call -> call.args().toString()).containsExactly("{\"value\":30}", "{\"value\":30}");
        await().atMost(Duration.ofSeconds(5)).until(() -> cleanups().size() == 2);
        assertThat(cleanups()).containsExactlyInAnyOrder("{\"retention_days\":30,\"deleted\":2}",
                "{\"retention_days\":7,\"deleted\":5}");
    }

    @Test
    void requireRegistrationMakesOrdersWaitAndARegistrationSurvivesARestart() throws Exception {
        SiteConfig fresh = fixture.site(FRESH, FRESH_SECRET).withRequireHookRegistration(true);
        long order = order();
        try (Agent first = new Agent(fresh)) {
            first.call("GET", "/v1/sites/fresh/hooks", null, 404);
            first.sync(order);
            Thread.sleep(1500);
            assertThat(first.state(order).state()).isEqualTo(SyncState.PENDING);
            assertThat(first.site.waitingForHooks()).isTrue();
            assertThat(first.call("GET", "/v1/sites/fresh/dashboard", null, 200).get("waiting_for_hooks")
                    .asBoolean()).isTrue();

            first.register("filters", List.of("caricomtr_invoice_serie"), List.of("caricomtr_after_sync"));

            first.awaitState(order, SyncState.SYNCED);
            assertThat(first.site.waitingForHooks()).isFalse();
            assertThat(invoiceOf(order).seriNo()).isEqualTo("ABC");
        }

        try (Agent restarted = new Agent(fresh)) {
            assertThat(restarted.site.waitingForHooks()).isFalse();
            assertThat(restarted.call("GET", "/v1/sites/fresh/hooks", null, 200)).isEqualTo(JSON.readTree(
                    "{\"site\":\"fresh\",\"callback_url\":\"" + bridgeUrl("filters") + "\","
                            + "\"filters\":[\"caricomtr_invoice_serie\"],\"actions\":[\"caricomtr_after_sync\"],"
                            + "\"order_statuses\":{},\"unknown_trigger_statuses\":[]}"));
            long next = order();
            restarted.sync(next);
            restarted.awaitState(next, SyncState.SYNCED);
            assertThat(invoiceOf(next).seriNo()).isEqualTo("ABC");
        }
    }

    // ---- the agent ----

    /** What {@code serve} builds, for one site, without polling. */
    private static final class Agent implements AutoCloseable {
        final SyncEngine engine;
        final BridgeHooks hooks;
        final SiteSync site;
        final WebServer api;
        final RequestSigner signer;

        Agent(SiteConfig config) {
            engine = SyncEngine.open(List.of(config), "hooks-test");
            hooks = BridgeHooks.over(engine, SECRETS, FAST);
            engine.start(false, hooks);
            site = engine.site(config.id()).orElseThrow();
            api = WebServer.builder().host("127.0.0.1").port(0)
                    .routing(r -> Main.routing(r, SECRETS, SignatureSettings.defaults(), hooks.registry(), engine))
                    .build().start();
            signer = new RequestSigner(config.id(), config.secret());
        }

        void register(String mode, List<String> filters, List<String> actions) {
            ObjectNode body = JSON.createObjectNode().put("callback_url", bridgeUrl(mode));
            filters.forEach(body.putArray("filters")::add);
            actions.forEach(body.putArray("actions")::add);
            call("PUT", "/v1/sites/" + signer.siteId() + "/hooks", body.toString(), 200);
        }

        void sync(Long... orderIds) {
            site.syncNow(List.of(orderIds), false);
        }

        OrderSyncState state(long order) {
            return site.runtime().state().orders().states(List.of(order)).get(order);
        }

        void awaitState(long order, SyncState expected) {
            await().atMost(Duration.ofSeconds(15)).until(() -> state(order).state() == expected);
        }

        JsonNode call(String method, String path, String body, int expectedStatus) {
            try {
                byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                HttpRequest request = signer.request(method, URI.create("http://127.0.0.1:" + api.port() + path),
                        bytes).header("Content-Type", "application/json").build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
                        .isEqualTo(expectedStatus);
                return JSON.readTree(response.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            api.stop();
            engine.close();
            hooks.close();
        }
    }

    // ---- the bridge ----

    private static String bridgeUrl(String mode) {
        return "http://127.0.0.1:" + bridge.port() + "/relay/" + mode;
    }

    /** Reached only through the signature check; answers as the path's mode says. */
    private static void relay(ServerRequest request, ServerResponse response) throws Exception {
        JsonNode body = JSON.readTree(request.content().as(byte[].class));
        String mode = request.path().pathParameters().get("mode");
        Call call = new Call(SignedRequest.siteId(request), mode, body.path("hook").asText(), body.path("args"));
        CALLS.add(call);
        if (!call.args().has("value")) {
            response.status(204).send();
            return;
        }
        switch (mode) {
            case "error" -> response.status(500).send("{\"value\":{}}");
            case "slow" -> {
                Thread.sleep(1_000);
                answer(response, filtered(call));
            }
            default -> answer(response, filtered(call));
        }
    }

    private static JsonNode filtered(Call call) {
        JsonNode value = call.args().get("value");
        long order = call.orderId();
        return switch (call.mode() + " " + call.hook()) {
            case "filters caricomtr_invoice_serie", "slow caricomtr_invoice_serie" -> TextNode.valueOf("ABC");
            case "filters caricomtr_invoice_number", "slow caricomtr_invoice_number" -> TextNode.valueOf(
                    value.asText().substring(0, 7) + (700_000_000 + order));
            case "filters caricomtr_customer_data", "slow caricomtr_customer_data" ->
                    ((ObjectNode) value).put("telefon", "0850 000 00 00");
            case "filters caricomtr_invoice_data", "slow caricomtr_invoice_data" ->
                    ((ObjectNode) value).put("aciklama", "Filtered " + order);
            case "filters caricomtr_logs_retention_days", "overrides caricomtr_logs_retention_days" ->
                    IntNode.valueOf(RETENTION_DAYS.get());
            case "tamper caricomtr_invoice_data" -> ((ObjectNode) value).put("aciklama", "tampered")
                    .put("seri_no", "ZZZ").put("sira_no", 1).put("fatura_no", "ZZZ2025000000001");
            case "overrides caricomtr_invoice_number" -> TextNode.valueOf(NUMBERS.getOrDefault(order,
                    value.asText()));
            case "overrides caricomtr_invoice_data" -> BAD_MONEY.contains(order)
                    ? ((ObjectNode) value).put("genel_toplam", 123.4) : value;
            default -> value;
        };
    }

    private static void answer(ServerResponse response, JsonNode value) {
        response.header("Content-Type", "application/json");
        response.send(JSON.createObjectNode().set("value", value).toString());
    }

    // ---- helpers ----

    /** A completed order no other test has used. */
    private static long order() {
        return orders.get(nextOrder++);
    }

    private static List<Call> calls(long order, String hook) {
        return CALLS.stream().filter(call -> call.hook().equals(hook) && call.orderId() == order).toList();
    }

    private static List<String> cleanups() {
        return CALLS.stream().filter(call -> call.hook().equals("caricomtr_cleanup_logs"))
                .map(call -> call.args().toString()).toList();
    }

    private static List<StoredInvoice> invoicesOf(long order) {
        return fixture.sandbox.invoices().stream()
                .filter(invoice -> invoice.siparisNo().map(Long.toString(order)::equals).orElse(false)).toList();
    }

    private static StoredInvoice invoiceOf(long order) {
        assertThat(invoicesOf(order)).hasSize(1);
        return invoicesOf(order).getFirst();
    }

    /** The number the agent gives the order when no filter intervenes. */
    private static String naturalNumber(long order) {
        return new InvoiceMapper(InvoiceSettings.defaults())
                .map(agent.site.runtime().reader().load(List.of(order)).orders().getFirst()).number();
    }

    private static void insertLogRows(int daysOld, int count) throws Exception {
        try (Connection c = TestDatabase.connect(fixture.db); Statement s = c.createStatement()) {
            for (int i = 0; i < count; i++) {
                s.executeUpdate("INSERT INTO wp_caricomtr_api_log (site_id, method, url, duration_ms, outcome,"
                        + " created_at) VALUES ('" + SHOP + "', 'GET', 'http://cari/old', 1, 'OK',"
                        + " UTC_TIMESTAMP(3) - INTERVAL " + daysOld + " DAY)");
            }
        }
    }
}
