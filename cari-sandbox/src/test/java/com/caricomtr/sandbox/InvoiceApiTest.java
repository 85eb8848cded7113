package com.caricomtr.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** {@code /api/faturalar}: the happy path, reading back, and every rule of the invoice table. */
@ServerTest
class InvoiceApiTest {
    private static final Sandbox SANDBOX = Sandbox.create(SandboxOptions.defaults());

    private final CariApi api;

    InvoiceApiTest(Http1Client client) {
        this.api = new CariApi(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SANDBOX.routing(routing);
    }

    @BeforeEach
    void resetAndCreateTheDocCustomer() {
        SANDBOX.reset();
        assertThat(api.post("/api/cariler", Examples.docCustomer()).text("/cari/id")).isEqualTo("C000001");
    }

    @Test
    void docExampleIsAcceptedAsPrinted() {
        CariApi.Reply reply = api.post("/api/faturalar", Examples.invoice());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        ObjectNode expected = Examples.parse("{\"id\":\"F000001\"}");
        expected.setAll(Examples.fatura(Examples.invoice()));
        assertThat(reply.body().get("fatura")).isEqualTo(expected);
    }

    @Test
    void invoiceIsReadBackByIdAndByNumber() {
        String id = api.post("/api/faturalar", Examples.invoice()).text("/fatura/id");

        CariApi.Reply byId = api.get("/api/faturalar/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.text("/fatura/genel_toplam")).isEqualTo("788.68");
        assertThat(byId.text("/fatura/satirlar/0/ad")).isEqualTo("Türk Kahvesi 250 g");

        CariApi.Reply byNumber = api.get("/api/faturalar?seri_no=WOO&fatura_no=WOO2025000000042");
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body().get("faturalar")).hasSize(1);
        assertThat(byNumber.text("/faturalar/0/id")).isEqualTo(id);
        assertThat(byNumber.body().at("/faturalar/0")).isEqualTo(byId.body().get("fatura"));
    }

    @Test
    void lookupOfAnUnknownNumberIsAnEmptyList() {
        api.post("/api/faturalar", Examples.invoice());

        assertThat(api.get("/api/faturalar?seri_no=WOO&fatura_no=WOO2025000000043").body().get("faturalar")).isEmpty();
        assertThat(api.get("/api/faturalar?seri_no=ABC&fatura_no=WOO2025000000042").body().get("faturalar")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/faturalar", "/api/faturalar?seri_no=WOO", "/api/faturalar?fatura_no=WOO2025000000042"})
    void lookupNeedsBothSeriesAndNumber(String path) {
        CariApi.Reply reply = api.get(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("DOGRULAMA_HATASI");
    }

    @Test
    void unknownInvoiceIdIs404Bulunamadi() {
        CariApi.Reply reply = api.get("/api/faturalar/F123456");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("BULUNAMADI");
    }

    @Test
    void feeLinesMayBeNegative() {
        ObjectNode body = Examples.invoice();
        ((ArrayNode) Examples.fatura(body).get("satirlar")).addObject()
                .put("tur", "ucret").put("ad", "Kupon indirimi").put("miktar", "1").put("birim_fiyat", "-10.00")
                .put("kdv_orani", "20").put("tutar", "-10.00").put("kdv_tutari", "-2.00").put("toplam", "-12.00");
        Examples.fatura(body).put("ara_toplam", "647.23").put("kdv_toplam", "129.45").put("genel_toplam", "776.68");
        ((ObjectNode) Examples.fatura(body).get("kdv_toplamlari").get(0)).put("matrah", "647.23").put("tutar", "129.45");

        CariApi.Reply reply = api.post("/api/faturalar", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void severalRatesEachNeedTheirOwnTotal() {
        ObjectNode body = Examples.invoice();
        ((ArrayNode) Examples.fatura(body).get("satirlar")).addObject()
                .put("tur", "kargo").put("ad", "Kargo").put("miktar", "1").put("birim_fiyat", "50.00")
                .put("kdv_orani", "10").put("tutar", "50.00").put("kdv_tutari", "5.00").put("toplam", "55.00");
        Examples.fatura(body).put("ara_toplam", "707.23").put("kdv_toplam", "136.45").put("genel_toplam", "843.68");
        ((ArrayNode) Examples.fatura(body).get("kdv_toplamlari")).addObject()
                .put("oran", "10").put("matrah", "50.00").put("tutar", "5.00");

        assertThat(api.post("/api/faturalar", body).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"131.44", "131.47"})
    void perRateTaxMayDifferByAKurusPerLinePlusOne(String rateTax) {
        // Two lines at 20 %: tolerance 0.03 around 657.23 × 0.20 = 131.446.
        assertThat(api.post("/api/faturalar", withRateTax(rateTax)).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"131.41", "131.48"})
    void perRateTaxBeyondTheToleranceIs422(String rateTax) {
        CariApi.Reply reply = api.post("/api/faturalar", withRateTax(rateTax));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorFields()).containsExactly("fatura.kdv_toplamlari[0].tutar");
        assertThat(reply.text("/hata/alanlar/0/mesaj")).contains("131.446");
    }

    /** The second line's KDV moved so that every exact sum still holds and only the tolerance is tested. */
    private static ObjectNode withRateTax(String rateTax) {
        ObjectNode body = Examples.invoice();
        BigDecimal secondLineTax = new BigDecimal(rateTax).subtract(new BigDecimal("63.30"));
        BigDecimal secondLineGross = new BigDecimal("340.73").add(secondLineTax);
        Examples.line(body, 1).put("kdv_tutari", secondLineTax.toPlainString())
                .put("toplam", secondLineGross.toPlainString());
        ((ObjectNode) Examples.fatura(body).get("kdv_toplamlari").get(0)).put("tutar", rateTax);
        BigDecimal grand = new BigDecimal("657.23").add(new BigDecimal(rateTax));
        Examples.fatura(body).put("kdv_toplam", rateTax).put("genel_toplam", grand.toPlainString());
        return body;
    }

    static Stream<Arguments> brokenInvoices() {
        return Stream.of(
                // arithmetic
                rule("line toplam ≠ tutar + kdv_tutari", "fatura.satirlar[1].toplam",
                        f -> line(f, 1).put("toplam", "408.87")),
                rule("ara_toplam ≠ Σ tutar", "fatura.ara_toplam", f -> {
                    f.put("ara_toplam", "657.24");
                    f.put("genel_toplam", "788.69");
                }),
                rule("per-rate matrah ≠ Σ tutar of the rate", "fatura.kdv_toplamlari[0].matrah",
                        f -> tax(f, 0).put("matrah", "657.22")),
                rule("per-rate tutar ≠ Σ kdv_tutari of the rate", "fatura.kdv_toplamlari[0].tutar", f -> {
                    tax(f, 0).put("tutar", "131.46");
                    f.put("kdv_toplam", "131.46");
                    f.put("genel_toplam", "788.69");
                }),
                rule("kdv_toplam ≠ Σ kdv_toplamlari", "fatura.kdv_toplam", f -> {
                    f.put("kdv_toplam", "131.46");
                    f.put("genel_toplam", "788.69");
                }),
                rule("genel_toplam ≠ ara_toplam + kdv_toplam", "fatura.genel_toplam", f -> f.put("genel_toplam", "788.67")),
                rule("rate used by a line has no total", "fatura.kdv_toplamlari", f -> {
                    line(f, 1).put("kdv_orani", "10").put("kdv_tutari", "34.07").put("toplam", "374.80");
                    tax(f, 0).put("matrah", "316.50").put("tutar", "63.30");
                    f.put("kdv_toplam", "63.30").put("genel_toplam", "720.53");
                }),
                rule("total for a rate no line uses", "fatura.kdv_toplamlari[1].oran",
                        f -> ((ArrayNode) f.get("kdv_toplamlari")).addObject()
                                .put("oran", "10").put("matrah", "0.00").put("tutar", "0.00")),
                rule("same rate twice", "fatura.kdv_toplamlari[1].oran",
                        f -> ((ArrayNode) f.get("kdv_toplamlari")).addObject()
                                .put("oran", "20").put("matrah", "0.00").put("tutar", "0.00")),
                rule("KDV with the opposite sign", "fatura.satirlar[2].kdv_tutari", f -> {
                    // A one-kuruş fee line, so that only the sign rule is broken.
                    ((ArrayNode) f.get("satirlar")).addObject().put("tur", "ucret").put("ad", "Yuvarlama")
                            .put("miktar", "1").put("birim_fiyat", "-0.01").put("kdv_orani", "20")
                            .put("tutar", "-0.01").put("kdv_tutari", "0.01").put("toplam", "0.00");
                    f.put("ara_toplam", "657.22").put("kdv_toplam", "131.46");
                    tax(f, 0).put("matrah", "657.22").put("tutar", "131.46");
                }),
                // money format
                rule("money as a JSON number", "fatura.genel_toplam", f -> f.put("genel_toplam", 788.68)),
                rule("money with one decimal", "fatura.ara_toplam", f -> f.put("ara_toplam", "657.2")),
                rule("money with three decimals", "fatura.satirlar[0].tutar", f -> line(f, 0).put("tutar", "316.500")),
                rule("money without decimals", "fatura.satirlar[0].birim_fiyat",
                        f -> line(f, 0).put("birim_fiyat", "158")),
                rule("money with a comma", "fatura.kdv_toplam", f -> f.put("kdv_toplam", "131,45")),
                rule("line money as a number", "fatura.satirlar[0].kdv_tutari",
                        f -> line(f, 0).put("kdv_tutari", new BigDecimal("63.30"))),
                // rates and quantities
                rule("KDV rate not allowed", "fatura.satirlar[0].kdv_orani", f -> line(f, 0).put("kdv_orani", "25")),
                rule("KDV rate spelt 20.0", "fatura.satirlar[0].kdv_orani", f -> line(f, 0).put("kdv_orani", "20.0")),
                rule("KDV rate as a number", "fatura.satirlar[0].kdv_orani", f -> line(f, 0).put("kdv_orani", 20)),
                rule("total rate not allowed", "fatura.kdv_toplamlari[0].oran", f -> tax(f, 0).put("oran", "19")),
                rule("zero quantity", "fatura.satirlar[0].miktar", f -> line(f, 0).put("miktar", "0")),
                rule("quantity as a number", "fatura.satirlar[0].miktar", f -> line(f, 0).put("miktar", 2)),
                rule("negative product line", "fatura.satirlar[0].tutar", f -> {
                    line(f, 0).put("tutar", "-316.50").put("kdv_tutari", "-63.30").put("toplam", "-379.80");
                    f.put("ara_toplam", "24.23").put("kdv_toplam", "4.85").put("genel_toplam", "29.08");
                    tax(f, 0).put("matrah", "24.23").put("tutar", "4.85");
                }),
                // lines
                rule("unknown line type", "fatura.satirlar[0].tur", f -> line(f, 0).put("tur", "hizmet")),
                rule("blank line name", "fatura.satirlar[0].ad", f -> line(f, 0).put("ad", "  ")),
                rule("no lines", "fatura.satirlar", f -> f.putArray("satirlar")),
                rule("unknown line field", "fatura.satirlar[0].indirim", f -> line(f, 0).put("indirim", "0.00")),
                // header fields
                rule("unknown cari_id", "fatura.cari_id", f -> f.put("cari_id", "C999999")),
                rule("seri_no with lower case", "fatura.seri_no", f -> f.put("seri_no", "woo")),
                rule("seri_no of 17 characters", "fatura.seri_no", f -> f.put("seri_no", "ABCDEFGHIJKLMNOPQ")),
                rule("sira_no as text", "fatura.sira_no", f -> f.put("sira_no", "42")),
                rule("sira_no zero", "fatura.sira_no", f -> f.put("sira_no", 0)),
                rule("fatura_no not GİB style", "fatura.fatura_no", f -> f.put("fatura_no", "WOO-2025-42")),
                rule("fatura_no prefix ≠ seri_no", "fatura.fatura_no", f -> f.put("fatura_no", "ABC2025000000042")),
                rule("fatura_no year ≠ tarih year", "fatura.fatura_no", f -> f.put("fatura_no", "WOO2024000000042")),
                rule("fatura_no sequence ≠ sira_no", "fatura.fatura_no", f -> f.put("fatura_no", "WOO2025000000043")),
                rule("impossible date", "fatura.tarih", f -> f.put("tarih", "2025-02-30")),
                rule("date with time", "fatura.tarih", f -> f.put("tarih", "2025-01-07T10:00:00")),
                rule("currency in lower case", "fatura.para_birimi", f -> f.put("para_birimi", "try")),
                rule("zero exchange rate", "fatura.doviz_kuru", f -> f.put("doviz_kuru", "0")),
                rule("exchange rate as a number", "fatura.doviz_kuru", f -> f.put("doviz_kuru", 32.5)),
                rule("siparis_no as a number", "fatura.siparis_no", f -> f.put("siparis_no", 32)),
                rule("unknown field", "fatura.indirim_toplam", f -> f.put("indirim_toplam", "0.00")));
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of("seri_no", "sira_no", "fatura_no", "tarih", "para_birimi", "cari_id", "satirlar",
                        "ara_toplam", "kdv_toplamlari", "kdv_toplam", "genel_toplam")
                .map(field -> arguments(field));
    }

    private static Arguments rule(String name, String field, Consumer<ObjectNode> change) {
        ObjectNode body = Examples.invoice();
        change.accept(Examples.fatura(body));
        return arguments(name, field, body);
    }

    private static ObjectNode line(ObjectNode fatura, int index) {
        return (ObjectNode) fatura.get("satirlar").get(index);
    }

    private static ObjectNode tax(ObjectNode fatura, int index) {
        return (ObjectNode) fatura.get("kdv_toplamlari").get(index);
    }

    @ParameterizedTest(name = "{0} → 422 {1}")
    @MethodSource("brokenInvoices")
    void eachRuleIs422NamingTheField(String name, String field, ObjectNode body) {
        CariApi.Reply reply = api.post("/api/faturalar", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo("DOGRULAMA_HATASI");
        assertThat(reply.text("/hata/mesaj")).isEqualTo("Fatura doğrulanamadı");
        assertThat(reply.errorFields()).as(reply.toString()).containsExactly(field);
        assertThat(SANDBOX.invoices()).isEmpty();
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("requiredFields")
    void requiredFieldsAreRequired(String field) {
        ObjectNode body = Examples.invoice();
        Examples.fatura(body).remove(field);

        CariApi.Reply reply = api.post("/api/faturalar", body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorFields()).contains("fatura." + field);
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        ObjectNode body = Examples.invoice();
        Examples.fatura(body).remove(List.of("doviz_kuru", "siparis_no", "aciklama"));
        Examples.line(body, 0).remove("stok_kodu");

        assertThat(api.post("/api/faturalar", body).status()).isEqualTo(201);
    }

    @Test
    void foreignCurrencyWithAnExchangeRateIsAccepted() {
        ObjectNode body = Examples.invoice();
        Examples.fatura(body).put("para_birimi", "EUR").put("doviz_kuru", "36.9512");

        assertThat(api.post("/api/faturalar", body).status()).isEqualTo(201);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode body = Examples.invoice();
        Examples.line(body, 0).put("kdv_orani", "7");
        Examples.line(body, 1).put("toplam", 408.88);
        Examples.fatura(body).put("genel_toplam", "1.00").put("tarih", "07.01.2025");

        CariApi.Reply reply = api.post("/api/faturalar", body);

        assertThat(reply.errorFields()).containsExactlyInAnyOrder("fatura.satirlar[0].kdv_orani",
                "fatura.satirlar[1].toplam", "fatura.genel_toplam", "fatura.tarih");
    }
}
