package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.caricomtr.agent.cari.CariPayloads;
import com.caricomtr.agent.testing.FixtureOrders;
import com.caricomtr.agent.testing.SharedFixtures;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.TaxLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order of every real fixture maps to a Cari payload whose grand total, subtotal and KDV per rate equal the
 * figures WooCommerce stored; the orders that cannot be mapped get a precise error.
 */
class FixturePayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Orders whose TCKN fails its checksum (fixture README); in hpos_bulk their clones carry the same TCKN. */
    private static final List<String> INVALID_TCKNS = List.of("11122233323", "11122233332");

    static List<String> fixtures() {
        return SharedFixtures.ALL;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyOrderMapsToAPayloadEqualToWooCommercesFigures(String fixture) throws Exception {
        InvoiceMapper invoices = new InvoiceMapper(InvoiceSettings.defaults());
        CustomerMapper customers = new CustomerMapper(InvoiceSettings.defaults());
        List<Order> orders = FixtureOrders.read(fixture, null).orders();
        List<MappingException> failures = new ArrayList<>();
        int mapped = 0;
        for (Order order : orders) {
            try {
                CustomerRecord customer = customers.map(order);
                Invoice invoice = invoices.map(order);
                JsonNode fatura = JSON.readTree(CariPayloads.invoice(invoice, "C1")).get("fatura");
                JSON.readTree(CariPayloads.customer(customer));
                assertPayloadMatches(order, fatura);
                mapped++;
            } catch (MappingException e) {
                failures.add(e);
            }
        }
        assertThat(mapped + failures.size()).isEqualTo(orders.size());
        assertThat(failures).allSatisfy(e -> {
            assertThat(e.field()).isEqualTo("billing.tckn");
            Order order = orders.stream().filter(o -> o.id() == e.orderId()).findFirst().orElseThrow();
            assertThat(TaxIds.isValidTckn(order.taxIdentity().tckn())).isFalse();
            assertThat(e.getMessage()).contains(Long.toString(e.orderId()));
        });
        if (fixture.equals("hpos_bulk")) {
            assertThat(mapped).isGreaterThan(1900);
        } else {
            assertThat(failures).extracting(MappingException::orderId).containsExactlyInAnyOrder(39L, 64L);
        }
    }

    private static void assertPayloadMatches(Order order, JsonNode fatura) {
        String what = "order " + order.id();
        BigDecimal total = order.totals().total();
        BigDecimal tax = order.totals().totalTax();
        assertThat(money(fatura, "genel_toplam")).as(what + " grand total").isEqualByComparingTo(total);
        assertThat(money(fatura, "kdv_toplam")).as(what + " tax total").isEqualByComparingTo(tax);
        assertThat(money(fatura, "ara_toplam")).as(what + " subtotal").isEqualByComparingTo(total.subtract(tax));
        assertThat(fatura.get("genel_toplam").asText()).matches("-?\\d+\\.\\d{2}");

        Map<BigDecimal, BigDecimal> stored = new TreeMap<>();
        for (TaxLine line : order.taxLines()) {
            BigDecimal amount = line.taxAmount().add(line.shippingTaxAmount());
            if (amount.signum() != 0) {
                stored.merge(line.ratePercent().stripTrailingZeros(), amount.setScale(2), BigDecimal::add);
            }
        }
        Map<BigDecimal, BigDecimal> sent = new TreeMap<>();
        for (JsonNode rate : fatura.get("kdv_toplamlari")) {
            BigDecimal amount = money(rate, "tutar");
            if (amount.signum() != 0) {
                sent.merge(new BigDecimal(rate.get("oran").asText()).stripTrailingZeros(), amount, BigDecimal::add);
            }
        }
        assertThat(sent).as(what + " KDV per rate").isEqualTo(stored);
    }

    private static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }
}
