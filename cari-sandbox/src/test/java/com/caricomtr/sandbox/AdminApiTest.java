package com.caricomtr.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /_sandbox}: what the sandbox received, its counters, and reset. */
@ServerTest
class AdminApiTest {
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.defaults());

    private final CariApi api;
    private final CariApi admin;

    AdminApiTest(Http1Client client) {
        this.api = new CariApi(client);
        this.admin = api.withHeaders(java.util.Map.of());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SANDBOX.routing(routing);
    }

    @BeforeEach
    void reset() {
        SANDBOX.reset();
    }

    @Test
    void invoicesListsEveryInvoiceWithItsTotalsAndReceiptTime() {
        api.post("/api/cariler", Examples.docCustomer());
        api.post("/api/faturalar", Examples.invoice());

        CariApi.Reply reply = admin.get("/_sandbox/invoices");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode invoice = reply.body().at("/invoices/0");
        assertThat(invoice.get("firma_kodu").asText()).isEqualTo("DEMO");
        assertThat(invoice.get("id").asText()).isEqualTo("F000001");
        assertThat(invoice.get("fatura_no").asText()).isEqualTo("WOO2025000000042");
        assertThat(invoice.get("seri_no").asText()).isEqualTo("WOO");
        assertThat(invoice.get("siparis_no").asText()).isEqualTo("32");
        assertThat(invoice.get("cari_id").asText()).isEqualTo("C000001");
        assertThat(invoice.get("ara_toplam").asText()).isEqualTo("657.23");
        assertThat(invoice.get("kdv_toplam").asText()).isEqualTo("131.45");
        assertThat(invoice.get("genel_toplam").asText()).isEqualTo("788.68");
        assertThat(invoice.get("received_at").asText()).isNotBlank();
        assertThat(invoice.get("fatura")).isEqualTo(Examples.fatura(Examples.invoice()));
        assertThat(admin.get("/_sandbox/invoices?firma_kodu=ACME").body().get("invoices")).isEmpty();
    }

    @Test
    void customersListsEveryCustomer() {
        api.post("/api/cariler", Examples.docCustomer());

        JsonNode customer = admin.get("/_sandbox/customers").body().at("/customers/0");

        assertThat(customer.get("id").asText()).isEqualTo("C000001");
        assertThat(customer.get("firma_kodu").asText()).isEqualTo("DEMO");
        assertThat(customer.get("dis_anahtar").asText()).isEqualTo("vkn:6789123457");
        assertThat(customer.get("tur").asText()).isEqualTo("tuzel");
        assertThat(customer.get("cari")).isEqualTo(Examples.cari(Examples.docCustomer()));
    }

    @Test
    void requestsShowsTheRecentApiRequestsOldestFirst() {
        api.get("/api/baglanti-testi");
        api.withHeaders(java.util.Map.of("X-Firma-Kodu", "DEMO")).get("/api/baglanti-testi");
        api.post("/api/cariler", "{}");

        CariApi.Reply reply = admin.get("/_sandbox/requests?limit=2");

        assertThat(reply.body().get("requests")).hasSize(2);
        JsonNode unauthorized = reply.body().at("/requests/0");
        assertThat(unauthorized.get("method").asText()).isEqualTo("GET");
        assertThat(unauthorized.get("path").asText()).isEqualTo("/api/baglanti-testi");
        assertThat(unauthorized.get("status").asInt()).isEqualTo(401);
        assertThat(unauthorized.get("hata_kod").asText()).isEqualTo("YETKISIZ");
        assertThat(unauthorized.get("firma_kodu").asText()).isEqualTo("DE****");
        assertThat(unauthorized.get("duration_ms").isIntegralNumber()).isTrue();
        assertThat(reply.body().at("/requests/1/status").asInt()).isEqualTo(422);
        assertThat(admin.get("/_sandbox/requests").body().get("requests")).hasSize(3);
    }

    @Test
    void requestsLimitMustBePositive() {
        assertThat(admin.get("/_sandbox/requests?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/_sandbox/requests?limit=many").status()).isEqualTo(400);
    }

    @Test
    void statsCountOutcomes() {
        api.post("/api/cariler", Examples.docCustomer());
        api.post("/api/faturalar", Examples.invoice());
        api.post("/api/faturalar", Examples.invoice());
        api.post("/api/faturalar", "nope");
        api.post("/api/faturalar", Examples.fatura(Examples.invoice()));
        api.as("DEMO", "wrong").get("/api/baglanti-testi");

        JsonNode stats = admin.get("/_sandbox/stats").body();

        assertThat(stats.get("requests").asLong()).isEqualTo(6);
        assertThat(stats.get("invoices").asLong()).isEqualTo(1);
        assertThat(stats.get("customers").asLong()).isEqualTo(1);
        assertThat(stats.get("conflicts").asLong()).isEqualTo(1);
        assertThat(stats.get("rejections").asLong()).isEqualTo(2);
        assertThat(stats.get("unauthorized").asLong()).isEqualTo(1);
        assertThat(stats.at("/by_status/201").asLong()).isEqualTo(2);
        assertThat(stats.at("/by_status/400").asLong()).isEqualTo(1);
        assertThat(stats.at("/by_status/422").asLong()).isEqualTo(1);
        assertThat(stats.get("duplicate_invoice_numbers").asLong()).isZero();
        assertThat(stats.get("orders_invoiced_more_than_once")).isEmpty();
        assertThat(stats.get("faults_injected").get("drop").asLong()).isZero();
    }

    @Test
    void statsReportAnOrderInvoicedUnderTwoNumbers() {
        api.post("/api/cariler", Examples.docCustomer());
        api.post("/api/faturalar", Examples.invoice(42, "32"));
        api.post("/api/faturalar", Examples.invoice(43, "32"));

        JsonNode repeated = admin.get("/_sandbox/stats").body().at("/orders_invoiced_more_than_once/0");

        assertThat(repeated.get("firma_kodu").asText()).isEqualTo("DEMO");
        assertThat(repeated.get("siparis_no").asText()).isEqualTo("32");
        assertThat(repeated.get("invoice_ids")).hasSize(2);
    }

    @Test
    void resetForgetsEverythingAndIdsStartAgain() {
        api.post("/api/cariler", Examples.docCustomer());
        api.post("/api/faturalar", Examples.invoice());
        admin.put("/_sandbox/faults", "{\"latency_ms\": 5}");

        CariApi.Reply reply = admin.send(Method.POST, "/_sandbox/reset", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(admin.get("/_sandbox/invoices").body().get("invoices")).isEmpty();
        assertThat(admin.get("/_sandbox/customers").body().get("customers")).isEmpty();
        assertThat(admin.get("/_sandbox/requests").body().get("requests")).isEmpty();
        assertThat(admin.get("/_sandbox/stats").body().get("requests").asLong()).isZero();
        assertThat(admin.get("/_sandbox/faults").body().at("/latency_ms/max").asInt()).isZero();
        assertThat(api.post("/api/cariler", Examples.docCustomer()).text("/cari/id")).isEqualTo("C000001");
    }

    @Test
    void adminNeedsNoCredentialsAndIsNotLogged() {
        assertThat(admin.get("/_sandbox/stats").status()).isEqualTo(200);
        assertThat(admin.get("/_sandbox/faults").status()).isEqualTo(200);

        assertThat(SANDBOX.requests(100)).isEmpty();
    }

    @Test
    void faultsShowTheirSettings() {
        JsonNode faults = admin.get("/_sandbox/faults").body();

        assertThat(faults.get("seed").asLong()).isEqualTo(42);
        assertThat(faults.get("error_statuses")).hasSize(3);
        assertThat(faults.get("timeout_then").asText()).isEqualTo("answer");
        assertThat(faults.get("store_then_fail_with").asText()).isEqualTo("error");
        assertThat(faults.get("injected").has("store_then_fail")).isTrue();
    }
}
