package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;

import com.caricomtr.agent.woo.LineItem;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.TaxAmounts;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.invoice.OrderBuilder.KDV1;
import static com.caricomtr.agent.invoice.OrderBuilder.KDV10;
import static com.caricomtr.agent.invoice.OrderBuilder.KDV20;
import static com.caricomtr.agent.invoice.OrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders that cannot make a correct invoice fail with the order and the field to look at, nothing else. */
class InvoiceMapperErrorsTest {
    private final InvoiceMapper mapper = new InvoiceMapper(InvoiceSettings.defaults());

    @Test
    void lineTaxedAtSeveralRates() {
        Order order = order(7).item("Karışık", "1", "100", new TaxAmounts(
                        Map.of(KDV20, bd("20"), KDV10, bd("10"))))
                .taxLine(KDV20, "20", "0").taxLine(KDV10, "10", "0").total("130").build();

        assertFails(order, "line_items[0].taxes", "several rates");
    }

    @Test
    void compoundRate() {
        Order order = order(7).item("Kahve", "1", "100", 9, "20").taxLine(9, "20", true, "20", "0").total("120")
                .build();

        assertFails(order, "line_items[0].taxes", "compound");
    }

    @Test
    void rateWithoutTaxLine() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").total("120").build();

        assertFails(order, "line_items[0].taxes", "no tax line");
    }

    @Test
    void rateWithoutPercent() {
        Order order = order(7).item("Kahve", "1", "100", 9, "20").taxLine(9, null, false, "20", "0").total("120")
                .build();

        assertFails(order, "tax_lines[0].rate_percent", "no percent");
    }

    @Test
    void taxNotMatchingTheRate() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "15").taxLine(KDV20, "15", "0").total("115").build();

        assertFails(order, "line_items[0].taxes", "is not 20% of 100");
    }

    @Test
    void shippingTaxNotMatchingTheRate() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").shipping("Kargo", "50", KDV20, "1")
                .taxLine(KDV20, "20", "1").total("171").build();

        assertFails(order, "shipping_lines[0].taxes", "is not 20% of 50");
    }

    @Test
    void taxStoredWithoutRate() {
        Order order = order(7).item("Kahve", "1", "100", "100", TaxAmounts.NONE,
                TaxAmounts.NONE, bd("20")).total("120").build();

        assertFails(order, "line_items[0].taxes", "without a tax rate");
    }

    @Test
    void taxLineChargingMoreThanItsLines() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").item("Çay", "1", "50", KDV20, "10")
                .taxLine(KDV20, "30.05", "0").total("180.05").build();

        assertFails(order, "tax_lines[0]", "more than a kuruş per line");
    }

    @Test
    void taxLineWithoutAnyLineOfItsRate() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0")
                .taxLine(KDV10, "5", "0").total("125").build();

        assertFails(order, "tax_lines[1]", "no line is taxed at that rate");
    }

    @Test
    void totalThatTheLinesDoNotAddUpTo() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").item("Çay", "1", "50", KDV20, "10")
                .taxLine(KDV20, "30", "0").total("181").build();

        assertFails(order, "total", "more than a kuruş per line");
    }

    @Test
    void totalBelowKurus() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0").total("120.001")
                .build();

        assertFails(order, "total", "whole kuruş");
    }

    @Test
    void duplicateTaxLineForOneRate() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0")
                .taxLine(KDV20, "0", "0").total("120").build();

        assertFails(order, "tax_lines[1]", "second tax line");
    }

    @Test
    void negativeFeeWhoseTaxImpliesMoreThanTheFee() {
        Order order = order(7).item("Kahve", "1", "100", KDV20, "20").fee("İndirim", "-10", Map.of(KDV20, "-4"))
                .taxLine(KDV20, "16", "0").total("106").build();

        assertFails(order, "fee_lines[0].taxes", "more than the fee");
    }

    @Test
    void nonNumericOrderNumber() {
        Order order = order(7).number("WC-2025-7").item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0")
                .total("120").build();

        assertFails(order, "number", "not a plain number");
    }

    @Test
    void orderNumberTooLongForGib() {
        Order order = order(7).number("1000000000").item("Kahve", "1", "100", KDV20, "20")
                .taxLine(KDV20, "20", "0").total("120").build();

        assertFails(order, "number", "outside 1..999999999");
    }

    @Test
    void missingCurrency() {
        Order order = order(7).currency("").item("Kahve", "1", "100", KDV1, "1").taxLine(KDV1, "1", "0")
                .total("101").build();

        assertFails(order, "currency", "ISO 4217");
    }

    @Test
    void missingCreationDate() {
        Order order = order(7).createdAt(null).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0")
                .total("120").build();

        assertFails(order, "date_created", "missing");
    }

    @Test
    void invalidTcknFailsTheInvoiceToo() {
        Order order = order(39).taxIdentity("11122233323", "", "").item("Kahve", "1", "100", KDV20, "20")
                .taxLine(KDV20, "20", "0").total("120").build();

        assertFails(order, "billing.tckn", "not a valid TCKN");
    }

    @Test
    void anythingUnexpectedStillNamesTheOrder() {
        Order good = order(7).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0").total("120").build();
        Order broken = new Order(good.id(), good.number(), good.status(), good.currency(), true, good.createdAt(),
                null, null, null, 0, good.billing(), good.shipping(), "", "", "", "", good.taxIdentity(), good.totals(),
                Collections.singletonList(new LineItem(1, "Kahve", 1, 0, "", null,
                        "", bd("100"), bd("20"), bd("100"), bd("20"), null, null)),
                null, null, null, good.taxLines(), null, null);

        assertFails(broken, "line_items[0].quantity", "missing");
    }

    private void assertFails(Order order, String field, String reason) {
        assertThatThrownBy(() -> mapper.map(order))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.orderId()).isEqualTo(order.id());
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                })
                .hasMessageStartingWith("order " + order.id() + ": " + field + ": ");
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
