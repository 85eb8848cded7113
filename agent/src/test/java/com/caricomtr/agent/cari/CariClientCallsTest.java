package com.caricomtr.agent.cari;

import static com.caricomtr.agent.cari.CariFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.invoice.Invoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each client method puts on the wire, and what it makes of Cari's documented answers. */
class CariClientCallsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final RecordingListener listener = new RecordingListener();
    private CariClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = new CariClient(CariSettings.of(server.url("/api").toString(), CariFixtures.FIRMA_KODU,
                CariFixtures.API_TOKEN), listener, Clock.systemUTC(), CariFixtures.SITE_ID);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void connectionTestSendsTheAccountHeaders() throws Exception {
        server.enqueue(json(200, "{\"durum\":\"ok\",\"firma_kodu\":\"DEMO\",\"firma_adi\":\"Demo Ltd.\"}"));

        ConnectionInfo info = client.testConnection();

        assertThat(info).isEqualTo(new ConnectionInfo("DEMO", "Demo Ltd."));
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/baglanti-testi");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + CariFixtures.API_TOKEN);
        assertThat(request.getHeaders().get("X-Firma-Kodu")).isEqualTo(CariFixtures.FIRMA_KODU);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void aConnectionTestThatIsNotOkIsAFailure() {
        server.enqueue(json(200, "{\"durum\":\"pasif\",\"firma_kodu\":\"DEMO\"}"));

        assertThatThrownBy(() -> client.testConnection())
                .isInstanceOfSatisfying(CariException.class,
                        e -> assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT))
                .hasMessageContaining("durum is pasif");
    }

    @Test
    void createCustomerPostsTheCariBodyAndReturnsItsId() throws Exception {
        server.enqueue(json(201, "{\"cari\":{\"id\":\"C000001\",\"dis_anahtar\":\"vkn:6789123457\"}}"));

        CariCustomerRef created = client.createCustomer(CariFixtures.documentedCustomer());

        assertThat(created).isEqualTo(new CariCustomerRef("C000001"));
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/cariler");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(JSON.readTree(request.getBody().utf8()))
                .isEqualTo(JSON.readTree(CariFixtures.documentedJson("## Customer (`cari`)")));
    }

    @Test
    void updateCustomerPutsToTheCustomersPath() throws Exception {
        server.enqueue(json(200, "{\"cari\":{\"id\":\"C000001\"}}"));

        CariCustomerRef updated = client.updateCustomer("C000001", CariFixtures.documentedCustomer());

        assertThat(updated.id()).isEqualTo("C000001");
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/cariler/C000001");
        assertThat(JSON.readTree(request.getBody().utf8()).at("/cari/dis_anahtar").asText())
                .isEqualTo("vkn:6789123457");
    }

    @Test
    void findCustomerQueriesByOurKey() throws Exception {
        server.enqueue(json(200, "{\"cariler\":[{\"id\":\"C000007\",\"dis_anahtar\":\"email:a+b@example.test\"}]}"));

        Optional<CariCustomerRef> found = client.findCustomer("email:a+b@example.test");

        assertThat(found).contains(new CariCustomerRef("C000007"));
        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/cariler");
        assertThat(request.getUrl().queryParameter("dis_anahtar")).isEqualTo("email:a+b@example.test");
    }

    @Test
    void findCustomerWithNoMatchIsEmpty() throws Exception {
        server.enqueue(json(200, "{\"cariler\":[]}"));

        assertThat(client.findCustomer("vkn:1234567890")).isEmpty();
    }

    @Test
    void createInvoicePostsTheFaturaWithTheCustomersId() throws Exception {
        server.enqueue(json(201, "{\"fatura\":{\"id\":\"F000001\",\"fatura_no\":\"WOO2025000000042\"}}"));

        CariInvoiceRef created = client.createInvoice(CariFixtures.documentedInvoice(), "C000001",
                CariCallContext.forOrder(32, 1));

        assertThat(created).isEqualTo(new CariInvoiceRef("F000001", "WOO2025000000042"));
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/faturalar");
        JsonNode sent = JSON.readTree(request.getBody().utf8());
        assertThat(sent).isEqualTo(JSON.readTree(CariFixtures.documentedJson("## Invoice (`fatura`)")));
        assertThat(sent.at("/fatura/cari_id").asText()).isEqualTo("C000001");
    }

    @Test
    void anInvoiceAnswerWithoutTheNumberKeepsOurs() throws Exception {
        server.enqueue(json(201, "{\"fatura\":{\"id\":\"F000009\"}}"));

        CariInvoiceRef created = client.createInvoice(CariFixtures.documentedInvoice(), "C000001");

        assertThat(created).isEqualTo(new CariInvoiceRef("F000009", "WOO2025000000042"));
    }

    @Test
    void anInvoiceThatCannotBeSentIsPermanentAndNeverReachesCari() {
        Invoice documented = CariFixtures.documentedInvoice();
        Invoice subKurus = new Invoice(documented.orderId(), documented.orderNumber(), documented.series(),
                documented.sequence(), documented.number(), documented.issueDate(), documented.currency(), null,
                documented.customer(), documented.lines(), documented.subtotal(), documented.taxes(),
                documented.taxTotal(), new java.math.BigDecimal("788.685"), documented.note());

        assertThatThrownBy(() -> client.createInvoice(subKurus, "C000001"))
                .isInstanceOfSatisfying(CariException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.PERMANENT);
                    assertThat(e.httpStatus()).isEmpty();
                })
                .hasMessageContaining("fatura.genel_toplam");
        assertThat(server.getRequestCount()).isZero();
        assertThat(listener.exchanges).isEmpty();
    }

    @Test
    void findInvoiceQueriesBySeriesAndNumber() throws Exception {
        server.enqueue(json(200, "{\"faturalar\":[{\"id\":\"F000001\",\"seri_no\":\"WOO\","
                + "\"fatura_no\":\"WOO2025000000042\",\"dis_anahtar\":\"magaza/32\",\"siparis_no\":\"32\","
                + "\"genel_toplam\":\"788.68\",\"kdv_toplamlari\":[{\"oran\":\"20\",\"matrah\":\"657.23\","
                + "\"tutar\":\"131.45\"}]}]}"));

        Optional<CariInvoice> found = client.findInvoice("WOO", "WOO2025000000042");

        assertThat(found).hasValueSatisfying(invoice -> {
            assertThat(invoice.id()).isEqualTo("F000001");
            assertThat(invoice.number()).isEqualTo("WOO2025000000042");
            assertThat(invoice.key()).isEqualTo("magaza/32");
            assertThat(invoice.orderRef()).isEqualTo("32");
            assertThat(invoice.grandTotal()).isEqualByComparingTo("788.68");
            assertThat(invoice.taxes()).containsExactly(new CariInvoice.Tax(new java.math.BigDecimal("20"),
                    new java.math.BigDecimal("657.23"), new java.math.BigDecimal("131.45")));
            assertThat(invoice.subtotal()).as("left out of the answer").isNull();
        });
        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/faturalar");
        assertThat(request.getUrl().queryParameter("seri_no")).isEqualTo("WOO");
        assertThat(request.getUrl().queryParameter("fatura_no")).isEqualTo("WOO2025000000042");
    }

    @Test
    void findInvoiceWithNoMatchIsEmpty() throws Exception {
        server.enqueue(json(200, "{\"faturalar\":[]}"));

        assertThat(client.findInvoice("WOO", "WOO2025000000043")).isEmpty();
    }

    @Test
    void aBaseUrlWithATrailingSlashGivesTheSamePaths() throws Exception {
        try (CariClient slashed = CariClient.create(CariSettings.of(server.url("/api/").toString(),
                CariFixtures.FIRMA_KODU, CariFixtures.API_TOKEN), CariExchangeListener.NONE)) {
            server.enqueue(json(200, "{\"cariler\":[]}"));

            slashed.findCustomer("k");

            assertThat(take().getUrl().encodedPath()).isEqualTo("/api/cariler");
        }
    }

    @Test
    void theListenerSeesTheWholeExchange() throws Exception {
        server.enqueue(json(201, "{\"fatura\":{\"id\":\"F000001\",\"fatura_no\":\"WOO2025000000042\"}}"));

        client.createInvoice(CariFixtures.documentedInvoice(), "C000001", CariCallContext.forOrder(32, 3));

        CariExchange exchange = listener.last();
        assertThat(exchange.context()).isEqualTo(CariCallContext.forOrder(32, 3));
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.url()).isEqualTo(server.url("/api/faturalar").toString());
        assertThat(exchange.requestHeaders()).containsKeys("Authorization", "X-Firma-Kodu");
        assertThat(exchange.requestBody()).contains("\"fatura_no\":\"WOO2025000000042\"");
        assertThat(exchange.status()).hasValue(201);
        assertThat(exchange.responseHeaders()).containsKey("Content-Type");
        assertThat(exchange.responseBody()).contains("F000001");
        assertThat(exchange.duration()).isPositive();
        assertThat(exchange.succeeded()).isTrue();
        assertThat(exchange.outcome()).isEqualTo("OK");
    }

    @Test
    void aFailingListenerDoesNotFailTheCall() throws Exception {
        try (CariClient withBrokenLog = CariClient.create(CariSettings.of(server.url("/api").toString(),
                CariFixtures.FIRMA_KODU, CariFixtures.API_TOKEN), exchange -> {
                    throw new IllegalStateException("log disk full");
                })) {
            server.enqueue(json(200, "{\"cariler\":[{\"id\":\"C1\"}]}"));

            assertThat(withBrokenLog.findCustomer("k")).contains(new CariCustomerRef("C1"));
        }
    }

    @Test
    void theDefaultLogLineHasEverythingOnOneLine() throws Exception {
        server.enqueue(json(201, "{\"cari\":{\"id\":\"C000001\"}}"));
        client.createCustomer(CariFixtures.documentedCustomer(), CariCallContext.forOrder(32, 1));

        String line = new LoggingExchangeListener().line(listener.last());

        assertThat(line)
                .startsWith("cari order=32 attempt=1 POST " + server.url("/api/cariler") + " -> 201 in ")
                .contains(" OK | request headers=", "\"dis_anahtar\":\"vkn:6789123457\"", "C000001")
                .doesNotContain("\n");
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }
}
