package com.caricomtr.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.caricomtr.sandbox.store.Company;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code /api/cariler}: create, update, lookup, and every rule of the customer table. */
@ServerTest
class CustomerApiTest {
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.builder()
            .addCompany(new Company("ACME", "acme-token", "Acme A.Ş.")).build());

    private final CariApi api;

    CustomerApiTest(Http1Client client) {
        this.api = new CariApi(client);
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
    void docExampleIsCreatedAndEchoedWithAnId() {
        CariApi.Reply reply = api.post("/api/cariler", Examples.docCustomer());

        assertThat(reply.status()).isEqualTo(201);
        ObjectNode expected = Examples.parse("{\"id\":\"C000001\"}");
        expected.setAll(Examples.cari(Examples.docCustomer()));
        assertThat(reply.body().get("cari")).isEqualTo(expected);
        assertThat(reply.text("/cari/unvan")).isEqualTo("Öztürk Gıda Ltd. Şti.");
    }

    @Test
    void lookupByDisAnahtarFindsTheCustomerOrNothing() {
        String id = api.post("/api/cariler", Examples.docCustomer()).text("/cari/id");

        CariApi.Reply found = api.get("/api/cariler?dis_anahtar=vkn:6789123457");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("cariler")).hasSize(1);
        assertThat(found.text("/cariler/0/id")).isEqualTo(id);
        assertThat(found.text("/cariler/0/vergi_no")).isEqualTo("6789123457");

        CariApi.Reply none = api.get("/api/cariler?dis_anahtar=vkn:0000000001");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().get("cariler")).isEmpty();
    }

    @Test
    void lookupWithoutDisAnahtarIs400() {
        CariApi.Reply reply = api.get("/api/cariler");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("DOGRULAMA_HATASI");
        assertThat(reply.errorFields()).containsExactly("dis_anahtar");
    }

    @Test
    void updateReplacesTheFields() {
        String id = api.post("/api/cariler", Examples.docCustomer()).text("/cari/id");
        ObjectNode changed = Examples.docCustomer();
        Examples.cari(changed).put("adres", "Tunalı Hilmi Cd. 7").put("telefon", "0312 555 00 00");

        CariApi.Reply reply = api.put("/api/cariler/" + id, changed);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/cari/id")).isEqualTo(id);
        assertThat(reply.text("/cari/adres")).isEqualTo("Tunalı Hilmi Cd. 7");
        assertThat(api.get("/api/cariler?dis_anahtar=vkn:6789123457").text("/cariler/0/telefon"))
                .isEqualTo("0312 555 00 00");
        assertThat(SANDBOX.customers()).hasSize(1);
    }

    @Test
    void updateOfAnUnknownIdIs404Bulunamadi() {
        CariApi.Reply reply = api.put("/api/cariler/C999999", Examples.docCustomer());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("BULUNAMADI");
    }

    @Test
    void invalidUpdateIs422AndChangesNothing() {
        String id = api.post("/api/cariler", Examples.docCustomer()).text("/cari/id");
        ObjectNode broken = Examples.docCustomer();
        Examples.cari(broken).put("vergi_no", "6789123458");

        CariApi.Reply reply = api.put("/api/cariler/" + id, broken);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorFields()).containsExactly("cari.vergi_no");
        assertThat(SANDBOX.customers().getFirst().cari().get("vergi_no").asText()).isEqualTo("6789123457");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678950", "10000000146", "11111111111"})
    void individualWithValidTcknOrThePlaceholderIsAccepted(String tckn) {
        CariApi.Reply reply = api.post("/api/cariler", Examples.individual(tckn));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void foreignBuyerNeedsNoTurkishTaxId() {
        assertThat(api.post("/api/cariler", Examples.foreigner()).status()).isEqualTo(201);
    }

    static Stream<Arguments> invalidCustomers() {
        return Stream.of(
                rule("TCKN with a wrong eleventh digit", "cari.tc_kimlik_no",
                        Examples.individual("11122233323"), c -> { }),
                rule("TCKN with 10 digits", "cari.tc_kimlik_no", Examples.individual("1234567895"), c -> { }),
                rule("individual without TCKN", "cari.tc_kimlik_no", Examples.individual("12345678950"),
                        c -> c.put("tc_kimlik_no", "")),
                rule("placeholder TCKN on a company", "cari.tc_kimlik_no", Examples.docCustomer(),
                        c -> c.put("tc_kimlik_no", "11111111111")),
                rule("individual without ad_soyad", "cari.ad_soyad", Examples.individual("12345678950"),
                        c -> c.remove("ad_soyad")),
                rule("VKN with a wrong check digit", "cari.vergi_no", Examples.docCustomer(),
                        c -> c.put("vergi_no", "6789123458")),
                rule("VKN with 9 digits", "cari.vergi_no", Examples.docCustomer(), c -> c.put("vergi_no", "678912345")),
                rule("company without VKN", "cari.vergi_no", Examples.docCustomer(), c -> c.put("vergi_no", "")),
                rule("company without vergi_dairesi", "cari.vergi_dairesi", Examples.docCustomer(),
                        c -> c.remove("vergi_dairesi")),
                rule("company without unvan", "cari.unvan", Examples.docCustomer(), c -> c.put("unvan", " ")),
                rule("foreigner without ad_soyad", "cari.ad_soyad", Examples.foreigner(), c -> c.remove("ad_soyad")),
                rule("unknown tur", "cari.tur", Examples.docCustomer(), c -> c.put("tur", "sirket")),
                rule("missing tur", "cari.tur", Examples.docCustomer(), c -> c.remove("tur")),
                rule("missing dis_anahtar", "cari.dis_anahtar", Examples.docCustomer(), c -> c.remove("dis_anahtar")),
                rule("dis_anahtar over 190 characters", "cari.dis_anahtar", Examples.docCustomer(),
                        c -> c.put("dis_anahtar", "ş".repeat(191))),
                rule("missing ulke", "cari.ulke", Examples.docCustomer(), c -> c.remove("ulke")),
                rule("lower-case ulke", "cari.ulke", Examples.docCustomer(), c -> c.put("ulke", "tr")),
                rule("three-letter ulke", "cari.ulke", Examples.docCustomer(), c -> c.put("ulke", "TUR")),
                rule("eposta without @", "cari.eposta", Examples.docCustomer(), c -> c.put("eposta", "mehmet")),
                rule("number instead of text", "cari.posta_kodu", Examples.docCustomer(), c -> c.put("posta_kodu", 6420)),
                rule("unknown field", "cari.vkn", Examples.docCustomer(), c -> c.put("vkn", "6789123457")));
    }

    private static Arguments rule(String name, String field, ObjectNode body, Consumer<ObjectNode> change) {
        change.accept(Examples.cari(body));
        return arguments(name, field, body);
    }

    @ParameterizedTest(name = "{0} → 422 {1}")
    @MethodSource("invalidCustomers")
    void eachRuleIs422NamingTheField(String name, String field, ObjectNode body) {
        CariApi.Reply reply = api.post("/api/cariler", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo("DOGRULAMA_HATASI");
        assertThat(reply.text("/hata/mesaj")).isEqualTo("Cari doğrulanamadı");
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(SANDBOX.customers()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode body = Examples.docCustomer();
        Examples.cari(body).put("vergi_no", "1").put("ulke", "").put("eposta", "x").remove("vergi_dairesi");

        CariApi.Reply reply = api.post("/api/cariler", body);

        assertThat(reply.errorFields())
                .containsExactlyInAnyOrder("cari.vergi_no", "cari.ulke", "cari.eposta", "cari.vergi_dairesi");
    }

    @Test
    void missingWrapperIs422NamingCari() {
        CariApi.Reply reply = api.post("/api/cariler", Examples.cari(Examples.docCustomer()));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorFields()).contains("cari", "dis_anahtar");
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        CariApi.Reply reply = api.post("/api/cariler", "{\"cari\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("DOGRULAMA_HATASI");
    }

    @Test
    void duplicateKeysAre400() {
        CariApi.Reply reply = api.post("/api/cariler", "{\"cari\": {}, \"cari\": {}}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void jsonArrayBodyIs400() {
        assertThat(api.post("/api/cariler", "[]").status()).isEqualTo(400);
    }

    @Test
    void wrongContentTypeIs400() {
        CariApi.Reply reply = api.send(Method.POST, "/api/cariler", CariApi.bytes(Examples.docCustomer()), "text/plain");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("DOGRULAMA_HATASI");
    }

    @Test
    void contentTypeWithoutCharsetIsAccepted() {
        CariApi.Reply reply = api.send(Method.POST, "/api/cariler", CariApi.bytes(Examples.docCustomer()),
                "application/json");

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void sameDisAnahtarTwiceIs409CariMevcutWithTheExistingId() {
        String id = api.post("/api/cariler", Examples.docCustomer()).text("/cari/id");

        CariApi.Reply second = api.post("/api/cariler", Examples.docCustomer());

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("CARI_MEVCUT");
        assertThat(second.text("/hata/mevcut_id")).isEqualTo(id);
        assertThat(second.errorFields()).containsExactly("cari.dis_anahtar");
        assertThat(SANDBOX.customers()).hasSize(1);
        assertThat(SANDBOX.stats().duplicateCustomerKeys()).isEmpty();
    }

    @Test
    void theSameKeyInAnotherCompanyIsAnotherCustomer() {
        api.post("/api/cariler", Examples.docCustomer());

        assertThat(api.as("ACME", "acme-token").post("/api/cariler", Examples.docCustomer()).status())
                .isEqualTo(201);
    }

    @Test
    void anUpdateThatWouldTakeAnotherCustomersKeyIs409AndChangesNothing() {
        String holder = api.post("/api/cariler", Examples.docCustomer()).text("/cari/id");
        String other = api.post("/api/cariler", Examples.individual("12345678950")).text("/cari/id");
        ObjectNode taking = Examples.individual("12345678950");
        Examples.cari(taking).put("dis_anahtar", "vkn:6789123457");

        CariApi.Reply reply = api.put("/api/cariler/" + other, taking);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("CARI_MEVCUT");
        assertThat(reply.text("/hata/mevcut_id")).isEqualTo(holder);
        assertThat(api.get("/api/cariler?dis_anahtar=tckn:12345678950").text("/cariler/0/id")).isEqualTo(other);
    }

    @Test
    void ofSixteenConcurrentCreationsOfOneKeyExactlyOneIsStored() throws Exception {
        List<CariApi.Reply> replies;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CariApi.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(callers.submit(() -> {
                    start.await();
                    return api.post("/api/cariler", Examples.docCustomer());
                }));
            }
            start.countDown();
            replies = new ArrayList<>();
            for (Future<CariApi.Reply> call : calls) {
                replies.add(call.get());
            }
        }

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        String id = SANDBOX.customers().getFirst().id();
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(15)
                .allSatisfy(r -> assertThat(r.text("/hata/mevcut_id")).isEqualTo(id));
        assertThat(SANDBOX.customers()).hasSize(1);
    }
}
