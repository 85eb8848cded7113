package com.caricomtr.agent.cari;

import static com.caricomtr.agent.cari.CariFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every kind of exchange with distinctive credentials, with Cari echoing them back in every place it could
 * (bodies, headers, error messages, a redirect URL, PHP-escaped JSON), and checks that no log line, listener
 * record, exception or toString contains either in full.
 */
class CariSecretsTest {
    private static final String FIRMA_KODU = "GIZLI-FIRMA-4711";
    /** Has '+' and '/' so that its URL-encoded and escaped JSON forms differ from the raw one. */
    private static final String API_TOKEN = "tok_live+9f8e/7d6c5b4a3f2e1d";

    private static final List<String> FORBIDDEN = List.of(
            FIRMA_KODU,
            API_TOKEN,
            URLEncoder.encode(API_TOKEN, StandardCharsets.UTF_8),
            API_TOKEN.replace("/", "\\/"));

    private final MockWebServer server = new MockWebServer();
    private final RecordingListener recorded = new RecordingListener();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final List<String> observed = new ArrayList<>();
    private final Logger exchangeLog = Logger.getLogger(LoggingExchangeListener.LOGGER_NAME);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage() + (record.getThrown() == null ? "" : stackTrace(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final LoggingExchangeListener log = new LoggingExchangeListener();
    private final CariExchangeListener recordAndLog = exchange -> {
        recorded.onExchange(exchange);
        log.onExchange(exchange);
    };
    private CariClient client;

    @BeforeEach
    void start() throws Exception {
        exchangeLog.addHandler(capture);
        exchangeLog.setLevel(Level.ALL);
        server.start();
        client = CariClient.create(settings(server.url("/api").toString()), recordAndLog);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        exchangeLog.removeHandler(capture);
        exchangeLog.setLevel(null);
    }

    @Test
    void noSecretLeavesTheClientUnmasked() throws Exception {
        // Successes that echo the secrets.
        server.enqueue(new MockResponse.Builder(json(200, "{\"durum\":\"ok\",\"firma_kodu\":\"" + FIRMA_KODU
                + "\",\"firma_adi\":\"Gizli A.Ş.\"}")).setHeader("X-Echo-Token", API_TOKEN).build());
        observed.add(client.testConnection(CariCallContext.forOrder(1, 1)).toString());

        server.enqueue(json(201, "{\"cari\":{\"id\":\"C1\",\"adres\":\"" + FIRMA_KODU + "\"}}"));
        observed.add(client.createCustomer(customerMentioningTheSecrets()).toString());

        // Every failure class, with the secrets in Cari's own words.
        server.enqueue(json(401, "{\"hata\":{\"kod\":\"YETKISIZ\",\"mesaj\":\"Anahtar " + API_TOKEN + " firma "
                + FIRMA_KODU + " için geçersiz\"}}"));
        server.enqueue(json(422, "{\"hata\":{\"kod\":\"DOGRULAMA_HATASI\",\"mesaj\":\"Geçersiz\",\"alanlar\":[{\"alan\":"
                + "\"cari." + FIRMA_KODU + "\",\"mesaj\":\"" + API_TOKEN.replace("/", "\\/") + " tanınmadı\"}]}}"));
        server.enqueue(new MockResponse.Builder().code(500)
                .body("x".repeat(FailureClassifier.SNIPPET_CHARS - 10) + API_TOKEN + FIRMA_KODU + "y".repeat(50))
                .build());
        server.enqueue(new MockResponse.Builder().code(201).body("created for " + FIRMA_KODU + " " + API_TOKEN)
                .build());
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "https://login.test/?token="
                + URLEncoder.encode(API_TOKEN, StandardCharsets.UTF_8) + "&firma=" + FIRMA_KODU).build());
        server.enqueue(new MockResponse.Builder(json(429, "{\"hata\":{\"kod\":\"COK_FAZLA_ISTEK\",\"mesaj\":\""
                + FIRMA_KODU + "\"}}")).setHeader("Retry-After", "5").build());
        server.enqueue(json(409, "{\"hata\":{\"kod\":\"FATURA_MEVCUT\",\"mesaj\":\"" + FIRMA_KODU
                + "\",\"mevcut_id\":\"F1\"}}"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        for (int i = 0; i < 8; i++) {
            failAndObserve(() -> client.createInvoice(invoiceMentioningTheSecrets(), "C1"));
        }
        server.enqueue(json(404, "{\"hata\":{\"kod\":\"BULUNAMADI\",\"mesaj\":\"" + API_TOKEN.replace("/", "\\/")
                + "\"}}"));
        failAndObserve(() -> client.updateCustomer(FIRMA_KODU + "/" + API_TOKEN, customerMentioningTheSecrets()));
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
        failAndObserve(() -> client.findCustomer(FIRMA_KODU + "/" + API_TOKEN));

        // No answer at all: timeout and refused connection.
        try (CariClient impatient = CariClient.create(settings(server.url("/api").toString())
                .withTimeouts(null, Duration.ofMillis(300), null, null), recordAndLog)) {
            server.enqueue(new MockResponse.Builder(json(200, "{}")).headersDelay(2, TimeUnit.SECONDS).build());
            failAndObserve(impatient::testConnection);
            observed.add(impatient.toString());
        }
        try (CariClient refused = CariClient.create(settings("http://127.0.0.1:1/api"), recordAndLog)) {
            failAndObserve(refused::testConnection);
        }

        observed.add(client.toString());
        observed.add(settings("http://localhost/api").toString());
        recorded.exchanges.forEach(exchange -> observed.add(exchange.toString()));
        observed.addAll(logLines);

        assertThat(recorded.exchanges).hasSize(14);
        assertThat(logLines).hasSize(14);
        for (String text : observed) {
            assertThat(text).doesNotContain(FORBIDDEN);
        }
        assertThat(String.join("\n", logLines)).contains("GI****", "to****", "Bearer to****");
        assertThat(sentCredentials()).as("the wire itself carries the real values")
                .containsOnly(List.of(FIRMA_KODU, "Bearer " + API_TOKEN));
    }

    private void failAndObserve(ThrowingCall call) {
        try {
            call.run();
            throw new AssertionError("expected a CariException");
        } catch (CariException e) {
            observed.add(e.getMessage());
            observed.add(e.toString());
            observed.add(stackTrace(e));
            e.cariMessage().ifPresent(observed::add);
            e.fieldErrors().forEach(field -> observed.add(field.toString()));
        }
    }

    private List<List<String>> sentCredentials() throws InterruptedException {
        List<List<String>> sent = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            sent.add(List.of(request.getHeaders().get("X-Firma-Kodu"), request.getHeaders().get("Authorization")));
        }
        return sent;
    }

    private static CariSettings settings(String baseUrl) {
        return CariSettings.of(baseUrl, FIRMA_KODU, API_TOKEN);
    }

    private static CustomerRecord customerMentioningTheSecrets() {
        CustomerRecord c = CariFixtures.documentedCustomer();
        return new CustomerRecord(c.key(), c.type(), c.name(), c.company(), c.taxNumber(), c.taxOffice(),
                "Kat 3, " + FIRMA_KODU, c.district(), c.city(), c.postcode(), c.country(), c.email(), API_TOKEN);
    }

    private static Invoice invoiceMentioningTheSecrets() {
        Invoice i = CariFixtures.documentedInvoice();
        return new Invoice(i.orderId(), i.orderNumber(), i.series(), i.sequence(), i.number(), i.issueDate(),
                i.currency(), i.exchangeRate(), i.customer(), i.lines(), i.subtotal(), i.taxes(), i.taxTotal(),
                i.grandTotal(), "not: " + FIRMA_KODU + " " + API_TOKEN);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws CariException;
    }
}
