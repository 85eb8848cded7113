package com.caricomtr.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.Main;
import com.caricomtr.agent.api.HookRegistry;
import com.caricomtr.agent.api.InMemorySiteSecrets;
import com.caricomtr.agent.api.RequestSigner;
import com.caricomtr.agent.api.SignatureSettings;
import com.caricomtr.agent.demo.StorageLayout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge's API over real HTTP, signed as the bridge signs: each endpoint of docs/agent-api.md, for a site named
 * as hosting providers name them, by its domain (in the path, the signature header and every state table).
 */
class SyncApiTest {
    private static final String SITE = "shop.example.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SyncFixture fixture;
    private static SyncEngine engine;
    private static WebServer server;
    private static RequestSigner bridge;

    @BeforeAll
    static void start() {
        fixture = new SyncFixture(StorageLayout.HPOS, 200);
        engine = SyncEngine.start(List.of(fixture.site(SITE)), "api-test", false);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> Main.routing(r, InMemorySiteSecrets.of(Map.of(SITE, SyncFixture.SECRET)),
                        SignatureSettings.defaults(), new HookRegistry(), engine))
                .build().start();
        bridge = new RequestSigner(SITE, SyncFixture.SECRET);
    }

    @AfterAll
    static void stop() {
        server.stop();
        engine.close();
        fixture.close();
    }

    @Test
    void syncOneOrderAndSeeItsStateInTheOrdersList() throws Exception {
        long order = fixture.ordersIn("completed").getFirst();
        JsonNode sync = call("POST", path("/orders/sync"), "{\"order_ids\":[" + order + ", 999999]}", 200);
        assertThat(sync.get("results").get(0).get("outcome").asText()).isEqualTo("queued");
        assertThat(sync.get("results").get(1).get("outcome").asText()).isEqualTo("not_found");

        await().atMost(Duration.ofSeconds(10)).until(() -> call("GET", path("/orders/states?ids=") + order,
                null, 200).get("states").get(Long.toString(order)).get("state").asText().equals("synced"));
        JsonNode states = call("GET", path("/orders/states?ids=") + order + ",999999", null, 200);
        assertThat(states.get("states").get(Long.toString(order)).get("invoice_number").asText())
                .startsWith("WOO2025");
        assertThat(states.get("states").get("999999").get("state").asText()).isEqualTo("none");

        JsonNode dashboard = call("GET", path("/dashboard"), null, 200);
        assertThat(dashboard.get("counts").get("synced").asLong()).isPositive();
        assertThat(dashboard.get("storage").asText()).isEqualTo("HPOS");

        JsonNode logs = call("GET", path("/logs?order_id=") + order, null, 200);
        assertThat(logs.get("items")).isNotEmpty();
        assertThat(logs.toString()).doesNotContain("demo-token");
    }

    @Test
    void notifyQueuesOnlyTriggerStatuses() throws Exception {
        long pending = fixture.ordersIn("pending").getFirst();
        JsonNode result = call("POST", path("/orders/notify"), "{\"order_id\":" + pending + "}", 202);
        assertThat(result.get("results").get(0).get("outcome").asText()).isEqualTo("not_in_trigger_status");
    }

    @Test
    void settingsAreValidatedFieldByField() throws Exception {
        JsonNode bad = call("PUT", path("/settings"),
                "{\"settings\":{\"invoice_series\":\"toolong\",\"retention_days\":\"0\",\"colour\":\"red\"}}", 400);
        assertThat(bad.get("error").get("fields")).extracting(f -> f.get("field").asText())
                .containsExactlyInAnyOrder("invoice_series", "retention_days", "colour");

        JsonNode good = call("PUT", path("/settings"),
                "{\"settings\":{\"trigger_statuses\":[\"processing\",\"completed\",\"on-hold\"],"
                        + "\"retention_days\":\"14\"}}", 200);
        assertThat(good.get("settings").get("trigger_statuses").asText()).isEqualTo("processing,completed,on-hold");
        assertThat(good.get("settings").get("firma_kodu").asText()).isEqualTo("DE****");
        assertThat(engine.site(SITE).orElseThrow().runtime().policy().retentionDays()).isEqualTo(14);
        call("PUT", path("/settings"), "{\"settings\":{\"trigger_statuses\":\"processing,completed\"}}", 200);
    }

    @Test
    void connectionTestAnswersWithTheCompany() throws Exception {
        JsonNode test = call("POST", path("/connection-test"), "{}", 200);
        assertThat(test.get("ok").asBoolean()).isTrue();
        assertThat(test.get("company").asText()).isEqualTo("Demo Ltd.");
    }

    @Test
    void backfillStartsReportsProgressAndCancels() throws Exception {
        JsonNode started = call("POST", path("/backfills"),
                "{\"from\":\"2025-01-01\",\"to\":\"2025-01-31\",\"statuses\":[\"completed\"]}", 202);
        long id = started.get("backfill").get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> !call("GET", path("/backfills/") + id, null, 200)
                .get("backfill").get("state").asText().equals("RUNNING"));
        call("POST", path("/backfills/") + id + "/cancel", "{}", 409);
        call("POST", path("/backfills"), "{\"from\":\"2025-02-01\",\"to\":\"2025-01-01\"}", 400);
        assertThat(call("POST", path("/backfills"), "{\"statuses\":[\"completed\",\"complete\"]}", 400)
                .at("/error/message").asText()).as("a status the shop does not have")
                .contains("'complete' is not among the shop's order statuses");
    }

    @Test
    void errorsCanBeListedRetriedAndDismissed() throws Exception {
        JsonNode errors = call("GET", path("/errors?per_page=5"), null, 200);
        assertThat(errors.has("items")).isTrue();
        JsonNode retried = call("POST", path("/errors/retry"), "{\"order_ids\":[1]}", 200);
        assertThat(retried.get("retried")).isEmpty();
        call("POST", path("/errors/dismiss"), "{\"order_ids\":[]}", 400);
    }

    @Test
    void aSiteMayOnlyActOnItselfAndEveryCallIsSigned() throws Exception {
        call("GET", "/v1/sites/other/dashboard", null, 403);
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(uri(path("/dashboard"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = bridge.request(method, uri(path), bytes)
                .header("Content-Type", "application/json").build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    /** A path of the site's own endpoints. */
    private static String path(String endpoint) {
        return "/v1/sites/" + SITE + endpoint;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
