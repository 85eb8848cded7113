package com.caricomtr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.buffers.DataReader;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every fault kind, set through {@code /_sandbox/faults} and observed by real HTTP clients. */
@ServerTest
class FaultInjectionTest {
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.defaults());

    private final JdkClient http;
    private final CariApi helidon;

    FaultInjectionTest(URI uri, Http1Client client) {
        this.http = new JdkClient(uri);
        this.helidon = new CariApi(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SANDBOX.routing(routing);
    }

    @AfterAll
    static void releaseHeldRequests() {
        SANDBOX.close();
    }

    private static void awaitInvoices(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (SANDBOX.invoices().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(SANDBOX.invoices()).hasSize(count);
    }

    @BeforeEach
    void resetAndCreateTheDocCustomer() throws Exception {
        SANDBOX.reset();
        assertThat(http.post("/api/cariler", Examples.docCustomer()).statusCode()).isEqualTo(201);
    }

    private JsonNode faults(String json) throws Exception {
        HttpResponse<String> response = http.put("/_sandbox/faults", Examples.parse(json));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JdkClient.json(response);
    }

    private JsonNode stats() throws Exception {
        return JdkClient.json(http.get("/_sandbox/stats"));
    }

    @Test
    void droppedConnectionIsAConnectionFailureNotAStatus() throws Exception {
        faults("{\"script\": [\"drop\"]}");

        Throwable failure = catchThrowable(() -> http.post("/api/faturalar", Examples.invoice()));

        assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(SANDBOX.invoices()).isEmpty();
        assertThat(http.post("/api/faturalar", Examples.invoice()).statusCode()).isEqualTo(201);
        assertThat(stats().at("/faults_injected/drop").asLong()).isEqualTo(1);
        assertThat(stats().at("/unanswered").asLong()).isEqualTo(1);
    }

    @Test
    void helidonClientAlsoSeesADroppedConnectionAsAFailure() throws Exception {
        faults("{\"drop_rate\": 1.0}");

        Throwable failure = catchThrowable(() -> helidon.post("/api/faturalar", Examples.invoice()));

        // Helidon's client gives up while reading the status line: the connection ended before any answer.
        assertThat(failure).isInstanceOf(DataReader.InsufficientDataAvailableException.class);
        assertThat(SANDBOX.invoices()).isEmpty();
    }

    @Test
    void dropRateOneDropsEveryApiRequestButNoAdminRequest() throws Exception {
        faults("{\"drop_rate\": 1.0}");

        for (String path : List.of("/api/baglanti-testi", "/api/cariler?dis_anahtar=x", "/api/nowhere")) {
            assertThatThrownBy(() -> http.get(path)).isInstanceOf(IOException.class);
        }
        assertThat(http.get("/_sandbox/stats").statusCode()).isEqualTo(200);
        // The JDK client quietly resends an idempotent GET once after a dropped connection: 3 GETs, 6 drops.
        JsonNode stats = stats();
        assertThat(stats.at("/faults_injected/drop").asLong()).isGreaterThanOrEqualTo(3)
                .isEqualTo(stats.at("/unanswered").asLong());
    }

    @Test
    void errorRateAnswersTheConfiguredStatusWithACariBody() throws Exception {
        faults("{\"error_rate\": 1.0, \"error_statuses\": [502]}");

        HttpResponse<String> response = http.post("/api/faturalar", Examples.invoice());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JdkClient.json(response).at("/hata/kod").asText()).isEqualTo("SUNUCU_HATASI");
        assertThat(SANDBOX.invoices()).isEmpty();
    }

    @Test
    void errorStatusesAreDrawnFromTheList() throws Exception {
        faults("{\"error_rate\": 1.0}");
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            statuses.add(http.get("/api/baglanti-testi").statusCode());
        }

        assertThat(statuses).allMatch(s -> s == 500 || s == 502 || s == 503);
        assertThat(statuses.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        faults("{\"rate_limit_rate\": 1.0, \"retry_after_seconds\": 7}");

        HttpResponse<String> response = http.get("/api/baglanti-testi");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
        assertThat(JdkClient.json(response).at("/hata/kod").asText()).isEqualTo("COK_FAZLA_ISTEK");
    }

    @Test
    void fixedLatencyDelaysEveryApiRequest() throws Exception {
        faults("{\"latency_ms\": 300}");

        long start = System.nanoTime();
        HttpResponse<String> response = http.get("/api/baglanti-testi");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThat(stats().at("/faults_injected/latency").asLong()).isEqualTo(1);
    }

    @Test
    void latencyRangeIsDrawnPerRequest() throws Exception {
        faults("{\"latency_ms\": {\"min\": 50, \"max\": 150}}");

        for (int i = 0; i < 5; i++) {
            http.get("/api/baglanti-testi");
        }

        assertThat(SANDBOX.requests(5)).allSatisfy(r -> assertThat(r.latencyMs()).isBetween(50, 150));
        assertThat(SANDBOX.requests(5).stream().map(r -> r.latencyMs()).distinct().count()).isGreaterThan(1);
    }

    @Test
    void heldThenClosedRequestTimesOutTheClientAndStoresNothing() throws Exception {
        faults("{\"hang_ms\": 800, \"script\": [\"timeout-close\"]}");

        Throwable failure = catchThrowable(() -> http.post("/api/faturalar", Examples.invoice(), Duration.ofMillis(300)));

        assertThat(failure).isInstanceOf(HttpTimeoutException.class);
        Thread.sleep(800);
        assertThat(SANDBOX.invoices()).isEmpty();
        assertThat(SANDBOX.requests(1)).singleElement().satisfies(r -> {
            assertThat(r.fault()).isEqualTo("timeout");
            assertThat(r.status()).isNull();
        });
    }

    @Test
    void heldAnswerTimesOutTheClientButTheInvoiceIsStoredAndTheRetryGets409() throws Exception {
        faults("{\"hang_ms\": 2000, \"script\": [\"timeout-answer\"]}");

        Throwable failure = catchThrowable(() -> http.post("/api/faturalar", Examples.invoice(), Duration.ofMillis(300)));

        assertThat(failure).isInstanceOf(HttpTimeoutException.class);
        awaitInvoices(1);
        HttpResponse<String> retry = http.post("/api/faturalar", Examples.invoice());
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(JdkClient.json(retry).at("/hata/mevcut_id").asText()).isEqualTo(SANDBOX.invoices().getFirst().id());
    }

    @Test
    void storeThenErrorAnswers500AfterStoringAndTheRetryGets409WithTheId() throws Exception {
        faults("{\"script\": [\"store-then-error\"]}");

        HttpResponse<String> first = http.post("/api/faturalar", Examples.invoice());

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(JdkClient.json(first).at("/hata/kod").asText()).isEqualTo("SUNUCU_HATASI");
        assertThat(SANDBOX.invoices()).hasSize(1);
        HttpResponse<String> retry = http.post("/api/faturalar", Examples.invoice());
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(JdkClient.json(retry).at("/hata/mevcut_id").asText()).isEqualTo("F000001");
        assertThat(stats().at("/faults_injected/store_then_fail").asLong()).isEqualTo(1);
    }

    @Test
    void storeThenDropLosesTheAnswerAfterStoring() throws Exception {
        faults("{\"store_then_fail_rate\": 1.0, \"store_then_fail_with\": \"drop\"}");

        Throwable failure = catchThrowable(() -> http.post("/api/faturalar", Examples.invoice()));

        assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(SANDBOX.invoices()).hasSize(1);
        faults("{\"store_then_fail_rate\": 0}");
        HttpResponse<String> retry = http.post("/api/faturalar", Examples.invoice());
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(JdkClient.json(retry).at("/hata/mevcut_id").asText()).isEqualTo("F000001");
    }

    @Test
    void storeThenFailConcernsCreationsOnly() throws Exception {
        faults("{\"store_then_fail_rate\": 1.0}");

        assertThat(http.get("/api/baglanti-testi").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/cariler?dis_anahtar=vkn:6789123457").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/cariler", Examples.individual("12345678950")).statusCode()).isEqualTo(500);
        assertThat(http.post("/api/faturalar", Examples.invoice()).statusCode()).isEqualTo(500);
        assertThat(SANDBOX.customers()).hasSize(2);
        assertThat(SANDBOX.invoices()).hasSize(1);
        assertThat(stats().at("/faults_injected/store_then_fail").asLong()).isEqualTo(2);
    }

    @Test
    void aCustomerStoredThenFailedIsAnsweredCariMevcutOnTheRetry() throws Exception {
        faults("{\"script\": [\"customer-store-then-error\"]}");

        HttpResponse<String> first = http.post("/api/cariler", Examples.individual("12345678950"));

        assertThat(first.statusCode()).isEqualTo(500);
        String stored = SANDBOX.customers().getLast().id();
        HttpResponse<String> retry = http.post("/api/cariler", Examples.individual("12345678950"));
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(JdkClient.json(retry).at("/hata/kod").asText()).isEqualTo("CARI_MEVCUT");
        assertThat(JdkClient.json(retry).at("/hata/mevcut_id").asText()).isEqualTo(stored);
    }

    @Test
    void storeThenScriptEntriesWaitForTheirKindOfCreation() throws Exception {
        faults("{\"script\": [\"store-then-error\"]}");
        assertThat(http.post("/api/cariler", Examples.individual("12345678950")).statusCode()).isEqualTo(201);
        assertThat(http.post("/api/faturalar", Examples.invoice()).statusCode()).isEqualTo(500);

        faults("{\"script\": [\"customer-store-then-drop\"]}");
        assertThat(http.post("/api/faturalar", Examples.invoice(43, "33")).statusCode()).isEqualTo(201);
        Throwable failure = catchThrowable(() -> http.post("/api/cariler", Examples.foreigner()));

        assertThat(failure).isInstanceOf(IOException.class);
        assertThat(SANDBOX.customers()).extracting(c -> c.disAnahtar()).contains("eposta:john@example.test");
        assertThat(JdkClient.json(http.get("/_sandbox/faults")).get("script")).isEmpty();
    }

    @Test
    void rejectedInvoiceIsNotFailedAfterStoring() throws Exception {
        faults("{\"store_then_fail_rate\": 1.0}");
        var broken = Examples.invoice();
        Examples.fatura(broken).put("genel_toplam", "1.00");

        assertThat(http.post("/api/faturalar", broken).statusCode()).isEqualTo(422);
        assertThat(stats().at("/faults_injected/store_then_fail").asLong()).isZero();
    }

    @Test
    void sameSeedGivesTheSameFaults() throws Exception {
        faults("{\"seed\": 7, \"error_rate\": 0.3, \"rate_limit_rate\": 0.2}");
        List<Integer> first = statuses(30);
        faults("{\"seed\": 7}");
        List<Integer> second = statuses(30);
        faults("{\"seed\": 8}");
        List<Integer> otherSeed = statuses(30);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 429).anyMatch(s -> s >= 500);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private List<Integer> statuses(int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(http.get("/api/baglanti-testi").statusCode());
        }
        return statuses;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error_rate\": 1.5}",
            "{\"drop_rate\": 0.6, \"error_rate\": 0.6}",
            "{\"error_statuses\": [404]}",
            "{\"latency_ms\": {\"min\": 200, \"max\": 100}}",
            "{\"timeout_then\": \"later\"}",
            "{\"script\": [\"explode\"]}",
            "{\"error_rate\": \"0.5\"}",
            "{\"nonsense\": 1}",
            "[1, 2]"})
    void invalidSettingsAre400AndChangeNothing(String json) throws Exception {
        JsonNode before = JdkClient.json(http.get("/_sandbox/faults"));

        HttpResponse<String> response = http.send("PUT", "/_sandbox/faults", Examples.parse(
                json.startsWith("[") ? "{\"wrapped\": " + json + "}" : json), JdkClient.DEFAULT_TIMEOUT);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JdkClient.json(response).get("error").asText()).isNotBlank();
        assertThat(JdkClient.json(http.get("/_sandbox/faults"))).isEqualTo(before);
    }

    @Test
    void deleteTurnsEveryFaultOff() throws Exception {
        faults("{\"error_rate\": 0.5, \"latency_ms\": 10, \"script\": [\"drop\"]}");

        JsonNode off = JdkClient.json(http.delete("/_sandbox/faults"));

        assertThat(off.get("error_rate").asDouble()).isZero();
        assertThat(off.at("/latency_ms/max").asInt()).isZero();
        assertThat(off.get("script")).isEmpty();
        assertThat(http.get("/api/baglanti-testi").statusCode()).isEqualTo(200);
    }

    @Test
    void programmaticChangesAreSeenOverHttp() throws Exception {
        SANDBOX.faults().update(SANDBOX.faults().settings().toBuilder().rateLimitRate(1.0).build());

        assertThat(http.get("/api/baglanti-testi").statusCode()).isEqualTo(429);
        assertThat(JdkClient.json(http.get("/_sandbox/faults")).get("rate_limit_rate").asDouble()).isEqualTo(1.0);
    }
}
