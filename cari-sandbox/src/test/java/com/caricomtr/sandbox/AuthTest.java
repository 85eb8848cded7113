package com.caricomtr.sandbox;

import java.util.List;
import java.util.Map;

import com.caricomtr.sandbox.store.Company;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, the connection test, and one company never seeing another's records. */
@ServerTest
class AuthTest {
    private static final Company OTHER = new Company("ACME", "acme-token", "Acme A.Ş.");
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.builder().addCompany(OTHER).build());

    private final CariApi demo;
    private final CariApi acme;

    AuthTest(Http1Client client) {
        this.demo = new CariApi(client);
        this.acme = demo.as("ACME", "acme-token");
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
    void connectionTestNamesTheCompany() {
        CariApi.Reply reply = demo.get("/api/baglanti-testi");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(Examples.parse(
                "{\"durum\":\"ok\",\"firma_kodu\":\"DEMO\",\"firma_adi\":\"Demo Ltd.\"}"));
        assertThat(reply.headers().contentType().orElseThrow().text()).isEqualToIgnoringCase(CariApi.JSON_UTF8);
        assertThat(acme.get("/api/baglanti-testi").text("/firma_adi")).isEqualTo("Acme A.Ş.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "no headers at all            | -    | -",
            "no firma kodu                | -    | Bearer demo-token",
            "no authorization             | DEMO | -",
            "basic instead of bearer      | DEMO | Basic ZGVtbzpkZW1vLXRva2Vu",
            "bearer without a token       | DEMO | Bearer ",
            "wrong token                  | DEMO | Bearer acme-token",
            "unknown firma kodu           | NOPE | Bearer demo-token",
            "firma kodu in other case     | demo | Bearer demo-token",
            "token of another company     | ACME | Bearer demo-token"})
    void badCredentialsAre401Yetkisiz(String description, String firmaKodu, String authorization) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (firmaKodu != null) {
            headers.put("X-Firma-Kodu", firmaKodu);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }

        CariApi.Reply reply = demo.withHeaders(headers).get("/api/baglanti-testi");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("YETKISIZ");
        assertThat(reply.text("/hata/mesaj")).isNotBlank();
        assertThat(reply.body().at("/hata/alanlar").isArray()).isTrue();
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        CariApi.Reply reply = demo.withHeaders(Map.of("X-Firma-Kodu", "DEMO", "Authorization", "bearer demo-token"))
                .get("/api/baglanti-testi");

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /api/cariler",
            "PUT,  /api/cariler/C000001",
            "GET,  /api/cariler?dis_anahtar=x",
            "POST, /api/faturalar",
            "GET,  /api/faturalar?seri_no=WOO&fatura_no=WOO2025000000042",
            "GET,  /api/faturalar/F000001"})
    void everyEndpointChecksCredentialsBeforeTheBody(String method, String path) {
        CariApi anonymous = demo.withHeaders(Map.of());

        CariApi.Reply reply = anonymous.send(Method.create(method), path, "not json".getBytes(), "text/plain");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("YETKISIZ");
    }

    @Test
    void companiesDoNotSeeEachOthersRecords() {
        String customerId = demo.post("/api/cariler", Examples.docCustomer()).text("/cari/id");
        String invoiceId = demo.post("/api/faturalar", Examples.invoice()).text("/fatura/id");

        assertThat(acme.get("/api/faturalar/" + invoiceId).status()).isEqualTo(404);
        assertThat(acme.get("/api/faturalar?seri_no=WOO&fatura_no=WOO2025000000042").body().get("faturalar"))
                .isEmpty();
        assertThat(acme.get("/api/cariler?dis_anahtar=vkn:6789123457").body().get("cariler")).isEmpty();
        assertThat(acme.put("/api/cariler/" + customerId, Examples.docCustomer()).status()).isEqualTo(404);

        CariApi.Reply foreignCustomer = acme.post("/api/faturalar", Examples.invoice());
        assertThat(foreignCustomer.status()).isEqualTo(422);
        assertThat(foreignCustomer.errorFields()).containsExactly("fatura.cari_id");
    }

    @Test
    void invoiceNumbersAreUniquePerCompanyOnly() {
        demo.post("/api/cariler", Examples.docCustomer());
        String acmeCustomer = acme.post("/api/cariler", Examples.docCustomer()).text("/cari/id");
        var acmeInvoice = Examples.invoice();
        Examples.fatura(acmeInvoice).put("cari_id", acmeCustomer);

        assertThat(demo.post("/api/faturalar", Examples.invoice()).status()).isEqualTo(201);
        assertThat(acme.post("/api/faturalar", acmeInvoice).status()).isEqualTo(201);
        assertThat(SANDBOX.invoices()).extracting(i -> i.firmaKodu()).containsExactly("DEMO", "ACME");
        assertThat(List.of(SANDBOX.invoices().get(0).id(), SANDBOX.invoices().get(1).id()))
                .containsExactly("F000001", "F000002");
    }
}
