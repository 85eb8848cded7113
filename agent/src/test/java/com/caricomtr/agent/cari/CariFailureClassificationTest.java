package com.caricomtr.agent.cari;

import static com.caricomtr.agent.cari.CariFixtures.hata;
import static com.caricomtr.agent.cari.CariFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way a call can fail, over real HTTP, and the class the sync engine gets for it. */
class CariFailureClassificationTest {
    private static final Instant NOW = Instant.parse("2025-01-07T10:00:00Z");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final MockWebServer server = new MockWebServer();
    private final RecordingListener listener = new RecordingListener();
    private CariClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = clientWith(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), null,
                Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    // ---- 5xx, 429, 408: retryable ----

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetryable(int status) {
        server.enqueue(hata(status, "SUNUCU_HATASI", "Geçici bir sorun oluştu"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.cariCode()).contains("SUNUCU_HATASI");
        assertThat(e.getMessage()).contains("POST /faturalar", "HTTP " + status, "Geçici bir sorun oluştu");
    }

    @Test
    void aGatewayErrorPageThatIsNotJsonStillClassifiesAndShowsItsStart() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(500) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body(page).build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.cariCode()).isEmpty();
        assertThat(e.getMessage()).contains("HTTP 502", "<html><head><title>502 Bad Gateway</title>")
                .doesNotContain("x".repeat(FailureClassifier.SNIPPET_CHARS));
    }

    @Test
    void anEmptyErrorBodyStillClassifies() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.getMessage()).contains("HTTP 503", "empty body");
    }

    @Test
    void rateLimitedWithRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder(hata(429, "COK_FAZLA_ISTEK", "Çok fazla istek"))
                .setHeader("Retry-After", "30").build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.getMessage()).contains("COK_FAZLA_ISTEK", "retry after 30 s");
    }

    @Test
    void rateLimitedWithRetryAfterAnHttpDate() {
        server.enqueue(new MockResponse.Builder(hata(429, "COK_FAZLA_ISTEK", "Çok fazla istek"))
                .setHeader("Retry-After", HTTP_DATE.format(NOW.plusSeconds(120))).build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void rateLimitedWithoutRetryAfterLeavesTheWaitToTheEngine() {
        server.enqueue(hata(429, "COK_FAZLA_ISTEK", "Çok fazla istek"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void requestTimeoutFromTheServerIsRetryable() {
        server.enqueue(new MockResponse.Builder().code(408).build());

        assertThat(createInvoiceFails().failureClass()).isEqualTo(FailureClass.RETRYABLE);
    }

    // ---- 4xx: permanent ----

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void validationErrorsArePermanentAndNameCarisMessageAndFields(int status) {
        server.enqueue(json(status, CariFixtures.documentedJson("## Errors")));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.cariCode()).contains("DOGRULAMA_HATASI");
        assertThat(e.cariMessage()).contains("Fatura doğrulanamadı");
        assertThat(e.fieldErrors()).containsExactly(
                new CariFieldError("fatura.genel_toplam", "ara_toplam + kdv_toplam ile eşleşmiyor"));
        assertThat(e.getMessage()).contains("DOGRULAMA_HATASI", "Fatura doğrulanamadı", "fatura.genel_toplam",
                "ara_toplam + kdv_toplam ile eşleşmiyor", "PERMANENT");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void authorizationFailuresArePermanent(int status) {
        server.enqueue(hata(status, "YETKISIZ", "Firma kodu veya anahtar hatalı"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.cariCode()).contains("YETKISIZ");
        assertThat(e.getMessage()).contains("HTTP " + status, "Firma kodu veya anahtar hatalı");
    }

    @Test
    void anUnknownCustomerIsPermanent() {
        server.enqueue(hata(404, "BULUNAMADI", "Cari bulunamadı"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.getMessage()).contains("HTTP 404", "BULUNAMADI", "Cari bulunamadı");
    }

    @ParameterizedTest
    @ValueSource(ints = {405, 410, 413, 415, 418})
    void otherClientErrorsArePermanent(int status) {
        server.enqueue(new MockResponse.Builder().code(status).body("nope").build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.getMessage()).contains("HTTP " + status, "nope");
    }

    @Test
    void aRedirectIsNotFollowedAndIsPermanent() {
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere.test/api")
                .build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.getMessage()).contains("HTTP 301", "https://elsewhere.test/api", "not followed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSuccessWhoseBodyBreaksTheContractIsPermanent() {
        server.enqueue(new MockResponse.Builder().code(201).body("Created!").build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.httpStatus()).hasValue(201);
        assertThat(e.getMessage()).contains("HTTP 201", "does not match the Cari contract", "Created!");
        assertThat(listener.last().outcome()).isEqualTo("PERMANENT");
    }

    @Test
    void aSuccessWithoutTheIdIsPermanent() {
        server.enqueue(json(201, "{\"fatura\":{\"fatura_no\":\"WOO2025000000042\"}}"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.getMessage()).contains("fatura.id is missing");
    }

    // ---- 409: conflict ----

    @Test
    void anExistingInvoiceIsAConflictWithItsId() {
        server.enqueue(json(409, "{\"hata\":{\"kod\":\"FATURA_MEVCUT\",\"mesaj\":\"Bu fatura numarası kayıtlı\","
                + "\"mevcut_id\":\"F000042\"}}"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.CONFLICT);
        assertThat(e.httpStatus()).hasValue(409);
        assertThat(e.existingInvoiceId()).contains("F000042");
        assertThat(e.cariCode()).contains("FATURA_MEVCUT");
        assertThat(e.getMessage()).contains("FATURA_MEVCUT", "F000042", "CONFLICT");
    }

    @Test
    void aConflictWithoutTheExistingIdIsStillAConflict() {
        server.enqueue(hata(409, "FATURA_MEVCUT", "Bu fatura numarası kayıtlı"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.CONFLICT);
        assertThat(e.existingInvoiceId()).isEmpty();
    }

    @Test
    void anotherKindOf409IsPermanent() {
        server.enqueue(hata(409, "KILITLI_KAYIT", "Kayıt başka bir işlemde"));

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(e.existingId()).isEmpty();
    }

    @Test
    void anExistingCustomerKeyIsAConflictWithTheCustomersId() {
        server.enqueue(json(409, "{\"hata\":{\"kod\":\"CARI_MEVCUT\",\"mesaj\":\"Bu dış anahtar ile kayıtlı bir"
                + " cari var\",\"mevcut_id\":\"C000007\"}}"));

        CariException e = catchThrowableOfType(CariException.class,
                () -> client.createCustomer(CariFixtures.documentedCustomer()));

        assertThat(e.failureClass()).isEqualTo(FailureClass.CONFLICT);
        assertThat(e.existingId()).contains("C000007");
        assertThat(e.cariCode()).contains("CARI_MEVCUT");
        assertThat(e.getMessage()).contains("POST /cariler", "CARI_MEVCUT", "existing customer C000007", "CONFLICT");
    }

    @Test
    void anExistingCustomerKeyWithoutTheIdIsStillAConflict() {
        server.enqueue(hata(409, "CARI_MEVCUT", "Bu dış anahtar ile kayıtlı bir cari var"));

        CariException e = catchThrowableOfType(CariException.class,
                () -> client.createCustomer(CariFixtures.documentedCustomer()));

        assertThat(e.failureClass()).isEqualTo(FailureClass.CONFLICT);
        assertThat(e.existingId()).isEmpty();
    }

    // ---- no answer: retryable ----

    @Test
    void aConnectionDroppedBeforeTheAnswerIsRetryable() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).contains("no answer from Cari");
        assertThat(listener.last().status()).isEmpty();
        assertThat(listener.last().outcome()).isEqualTo("RETRYABLE");
    }

    @Test
    void aConnectionDroppedInTheMiddleOfTheBodyIsRetryableAndKeepsTheStatus() {
        server.enqueue(new MockResponse.Builder(json(201, "{\"fatura\":{\"id\":\"F000001\",\"x\":\""
                + "y".repeat(64 * 1024) + "\"}}")).onResponseBody(new SocketEffect.CloseSocket(true, false, false))
                .build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.httpStatus()).hasValue(201);
        assertThat(e.getMessage()).contains("HTTP 201", "body did not arrive complete");
        assertThat(listener.last().status()).hasValue(201);
        assertThat(listener.last().responseBody()).isNull();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        String url = closed.url("/api").toString();
        closed.close();

        try (CariClient refused = clientWith(CariSettings.of(url, CariFixtures.FIRMA_KODU, CariFixtures.API_TOKEN))) {
            CariException e = catchThrowableOfType(CariException.class, refused::testConnection);

            assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
            assertThat(e.getMessage()).contains("could not connect");
            assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void aReadTimeoutIsRetryable() {
        server.enqueue(new MockResponse.Builder(json(201, "{\"fatura\":{\"id\":\"F1\"}}"))
                .headersDelay(3, TimeUnit.SECONDS).build());

        CariException e = createInvoiceFails();

        assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(e.getMessage()).contains("timed out");
        assertThat(listener.last().duration()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theOverallCallTimeoutCutsASlowAnswer() throws Exception {
        // The body comes after 1.5 s, within the 3 s read timeout; only the 700 ms call timeout can stop this.
        try (CariClient impatient = clientWith(settings().withTimeouts(null, Duration.ofSeconds(3), null,
                Duration.ofMillis(700)))) {
            server.enqueue(new MockResponse.Builder(json(201, "{\"fatura\":{\"id\":\"F1\"}}"))
                    .bodyDelay(1500, TimeUnit.MILLISECONDS).build());

            long started = System.nanoTime();
            CariException e = catchThrowableOfType(CariException.class,
                    () -> impatient.createInvoice(CariFixtures.documentedInvoice(), "C000001"));

            assertThat(e.failureClass()).isEqualTo(FailureClass.RETRYABLE);
            assertThat(e.getMessage()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
        }
    }

    @Test
    void anInterruptedCallerGetsARetryableFailureAndKeepsItsInterrupt() throws Exception {
        server.enqueue(new MockResponse.Builder(json(201, "{\"fatura\":{\"id\":\"F1\"}}"))
                .headersDelay(3, TimeUnit.SECONDS).build());
        AtomicReference<CariException> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();

        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                client.createInvoice(CariFixtures.documentedInvoice(), "C000001");
            } catch (CariException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        Thread.sleep(200);
        caller.interrupt();
        caller.join(2_000);

        assertThat(failure.get().failureClass()).isEqualTo(FailureClass.RETRYABLE);
        assertThat(failure.get().getMessage()).contains("interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    private CariException createInvoiceFails() {
        CariException e = catchThrowableOfType(CariException.class,
                () -> client.createInvoice(CariFixtures.documentedInvoice(), "C000001"));
        assertThat(e).as("createInvoice throws CariException").isNotNull();
        assertThat(listener.last().failureMessage()).isEqualTo(e.getMessage());
        return e;
    }

    private CariSettings settings() {
        return CariSettings.of(server.url("/api").toString(), CariFixtures.FIRMA_KODU, CariFixtures.API_TOKEN);
    }

    private CariClient clientWith(CariSettings settings) {
        return new CariClient(settings, listener, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
