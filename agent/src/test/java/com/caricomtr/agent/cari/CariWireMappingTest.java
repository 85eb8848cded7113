package com.caricomtr.agent.cari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.CustomerType;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.LineKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tests against the examples in docs/cari-api.md itself, so that the document and the code cannot drift. */
class CariWireMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customerIsTheDocumentedExample() throws Exception {
        String sent = CariJson.write(CariMapping.customer(CariFixtures.documentedCustomer()));

        assertSameJson(sent, CariFixtures.documentedJson("## Customer (`cari`)"));
    }

    @Test
    void invoiceIsTheDocumentedExample() throws Exception {
        String sent = CariJson.write(CariMapping.invoice(CariFixtures.documentedInvoice(), "C000001", CariFixtures.SITE_ID + "/32"));

        assertSameJson(sent, CariFixtures.documentedJson("## Invoice (`fatura`)"));
    }

    @Test
    void turkishCharactersAreSentAsUtf8NotEscaped() {
        String sent = CariJson.write(CariMapping.customer(CariFixtures.documentedCustomer()));

        assertThat(sent).contains("Öztürk Gıda Ltd. Şti.").doesNotContain("\\u");
    }

    @Test
    void moneyIsAlwaysAStringWithTwoDecimals() {
        assertThat(CariMapping.money(new BigDecimal("5"), "x")).isEqualTo("5.00");
        assertThat(CariMapping.money(new BigDecimal("5.1"), "x")).isEqualTo("5.10");
        assertThat(CariMapping.money(new BigDecimal("-10.00"), "x")).isEqualTo("-10.00");
        assertThat(CariMapping.money(new BigDecimal("1E+3"), "x")).isEqualTo("1000.00");
        assertThat(CariMapping.money(new BigDecimal("0.000"), "x")).isEqualTo("0.00");
    }

    @Test
    void moneyFinerThanKurusIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> CariMapping.money(new BigDecimal("1.005"), "fatura.genel_toplam"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fatura.genel_toplam")
                .hasMessageContaining("1.005");
    }

    @Test
    void ratesAndQuantitiesLoseTrailingZerosOnly() {
        assertThat(CariMapping.decimal(new BigDecimal("20.00"), "x")).isEqualTo("20");
        assertThat(CariMapping.decimal(new BigDecimal("1.50"), "x")).isEqualTo("1.5");
        assertThat(CariMapping.decimal(new BigDecimal("100"), "x")).isEqualTo("100");
        assertThat(CariMapping.decimal(new BigDecimal("0"), "x")).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"INDIVIDUAL, gercek", "COMPANY, tuzel", "FOREIGN, yabanci"})
    void customerTypes(CustomerType type, String wire) {
        assertThat(CariMapping.customerType(type)).isEqualTo(wire);
    }

    @ParameterizedTest
    @CsvSource({"PRODUCT, urun", "SHIPPING, kargo", "FEE, ucret"})
    void lineKinds(LineKind kind, String wire) {
        assertThat(CariMapping.lineKind(kind)).isEqualTo(wire);
    }

    @Test
    void anIndividualsTaxNumberGoesToTcKimlikNo() throws Exception {
        CustomerRecord person = new CustomerRecord("tckn:10000000146", CustomerType.INDIVIDUAL, "Ayşe Yılmaz", null,
                "10000000146", null, "Bağdat Cd. 10", "Kadıköy", "TR34", "34710", "TR", null, null);

        JsonNode cari = JSON.readTree(CariJson.write(CariMapping.customer(person))).get("cari");

        assertThat(cari.get("tur").asText()).isEqualTo("gercek");
        assertThat(cari.get("tc_kimlik_no").asText()).isEqualTo("10000000146");
        assertThat(cari.get("vergi_no").asText()).isEmpty();
        assertThat(cari.get("unvan").asText()).isEmpty();
        assertThat(cari.get("eposta").isTextual()).isTrue();
    }

    @Test
    void aForeignBuyerHasNoTurkishTaxNumber() throws Exception {
        CustomerRecord foreign = new CustomerRecord("email:john@example.test", CustomerType.FOREIGN, "John Smith",
                null, "", null, "1 Main St", null, "Berlin", "10115", "DE", "john@example.test", null);

        JsonNode cari = JSON.readTree(CariJson.write(CariMapping.customer(foreign))).get("cari");

        assertThat(cari.get("tur").asText()).isEqualTo("yabanci");
        assertThat(cari.get("tc_kimlik_no").asText()).isEmpty();
        assertThat(cari.get("vergi_no").asText()).isEmpty();
        assertThat(cari.get("ulke").asText()).isEqualTo("DE");
    }

    @Test
    void anExchangeRateIsSentAsAString() throws Exception {
        Invoice documented = CariFixtures.documentedInvoice();
        Invoice inEuro = new Invoice(documented.orderId(), documented.orderNumber(), documented.series(),
                documented.sequence(), documented.number(), documented.issueDate(), "EUR",
                new BigDecimal("36.452100"), documented.customer(), documented.lines(), documented.subtotal(),
                documented.taxes(), documented.taxTotal(), documented.grandTotal(), documented.note());

        JsonNode fatura = JSON.readTree(CariJson.write(CariMapping.invoice(inEuro, "C1", null))).get("fatura");

        assertThat(fatura.get("doviz_kuru").isTextual()).isTrue();
        assertThat(fatura.get("doviz_kuru").asText()).isEqualTo("36.4521");
    }

    @Test
    void theDocumentedErrorBodyIsUnderstood() throws Exception {
        CariWire.ErrorResponse parsed = CariJson.read(CariFixtures.documentedJson("## Errors"),
                CariWire.ErrorResponse.class);

        assertThat(parsed.error().kod()).isEqualTo("DOGRULAMA_HATASI");
        assertThat(parsed.error().mesaj()).isEqualTo("Fatura doğrulanamadı");
        assertThat(parsed.error().alanlar()).containsExactly(
                new CariWire.FieldError("fatura.genel_toplam", "ara_toplam + kdv_toplam ile eşleşmiyor"));
    }

    /** Same tree (names, values and JSON types: a string is not a number) and the same field order. */
    private static void assertSameJson(String actual, String expected) throws Exception {
        JsonNode actualTree = JSON.readTree(actual);
        JsonNode expectedTree = JSON.readTree(expected);
        assertThat(actualTree).isEqualTo(expectedTree);
        assertThat(fieldPaths(actualTree, "")).containsExactlyElementsOf(fieldPaths(expectedTree, ""));
    }

    private static List<String> fieldPaths(JsonNode node, String at) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                paths.add(at + "." + name);
                paths.addAll(fieldPaths(node.get(name), at + "." + name));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.addAll(fieldPaths(node.get(i), at + "[" + i + "]"));
            }
        }
        return paths;
    }
}
