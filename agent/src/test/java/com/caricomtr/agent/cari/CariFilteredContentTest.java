package com.caricomtr.agent.cari;

import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.cari.CariFixtures.documentedCustomer;
import static com.caricomtr.agent.cari.CariFixtures.documentedInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Content changed on its way to Cari (a shop's filter) against the real sandbox: the changes arrive, the fields the
 * agent finds records by do not change, and money that is no longer kuruş text is not sent.
 */
class CariFilteredContentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CariFixtures.DemoSandbox cari;

    @BeforeAll
    static void start() {
        cari = new CariFixtures.DemoSandbox();
    }

    @AfterAll
    static void stop() {
        cari.close();
    }

    @BeforeEach
    void reset() {
        cari.sandbox.reset();
    }

    @Test
    void unchangedContentIsTheMappedPayload() throws Exception {
        CustomerRecord customer = documentedCustomer();
        Invoice invoice = documentedInvoice();

        assertThat(CariPayloads.customer(customer, cari.client.customerContent(customer)))
                .isEqualTo(CariPayloads.customer(customer));
        ObjectNode body = JSON.createObjectNode();
        body.set("fatura", cari.client.invoiceContent(invoice, "C000001"));
        assertThat(body.toString()).isEqualTo(CariPayloads.invoice(invoice, "C000001"));
    }

    @Test
    void changedContentArrivesWithTheAgentsKeysPutBack() throws Exception {
        CustomerRecord customer = documentedCustomer();
        ObjectNode content = cari.client.customerContent(customer)
                .put("telefon", "0312 000 00 00")
                .put("dis_anahtar", "someone-else");
        String customerId = cari.client.createCustomer(customer, content, CariCallContext.NONE).id();

        Invoice invoice = documentedInvoice();
        ObjectNode fatura = cari.client.invoiceContent(invoice, customerId)
                .put("aciklama", "Kampanya siparişi")
                .put("seri_no", "ABC")
                .put("sira_no", 7)
                .put("fatura_no", "ABC2025000000007");
        ((ObjectNode) fatura.get("satirlar").get(0)).put("ad", "Türk Kahvesi (hediye paketi)");
        CariInvoiceRef ref = cari.client.createInvoice(invoice, fatura, CariCallContext.NONE);

        StoredCustomer storedCustomer = cari.sandbox.customers().getFirst();
        assertThat(storedCustomer.disAnahtar()).isEqualTo(customer.key());
        assertThat(storedCustomer.cari().get("telefon").asText()).isEqualTo("0312 000 00 00");
        StoredInvoice stored = cari.sandbox.invoices().getFirst();
        assertThat(ref.faturaNo()).isEqualTo("WOO2025000000042");
        assertThat(stored.faturaNo()).isEqualTo("WOO2025000000042");
        assertThat(stored.seriNo()).isEqualTo("WOO");
        assertThat(stored.fatura().get("sira_no").asLong()).isEqualTo(42);
        assertThat(stored.fatura().get("aciklama").asText()).isEqualTo("Kampanya siparişi");
        assertThat(stored.fatura().get("satirlar").get(0).get("ad").asText())
                .isEqualTo("Türk Kahvesi (hediye paketi)");
    }

    @Test
    void moneyThatIsNoLongerKurusTextIsNotSentAndTheFieldIsNamed() throws Exception {
        Invoice invoice = documentedInvoice();
        ObjectNode asNumber = cari.client.invoiceContent(invoice, "C000001");
        ((ObjectNode) asNumber.get("satirlar").get(1)).put("tutar", 340.73);
        ObjectNode threeDecimals = cari.client.invoiceContent(invoice, "C000001").put("genel_toplam", "788.680");
        ObjectNode noTaxes = cari.client.invoiceContent(invoice, "C000001");
        noTaxes.remove("kdv_toplamlari");

        assertRefused(invoice, asNumber, "fatura.satirlar[1].tutar");
        assertRefused(invoice, threeDecimals, "fatura.genel_toplam");
        assertRefused(invoice, noTaxes, "fatura.kdv_toplamlari");
        assertThat(cari.sandbox.requests(100)).isEmpty();
    }

    private static void assertRefused(Invoice invoice, ObjectNode content, String field) {
        CariException refused = catchThrowableOfType(CariException.class,
                () -> cari.client.createInvoice(invoice, content, CariCallContext.NONE));
        assertThat(refused.failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(refused.fieldErrors()).extracting(CariFieldError::field).containsExactly(field);
        assertThat(refused.getMessage()).contains(field, "not sent");
    }
}
