package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.Map;

import com.caricomtr.agent.woo.Order;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.invoice.OrderBuilder.KDV1;
import static com.caricomtr.agent.invoice.OrderBuilder.KDV10;
import static com.caricomtr.agent.invoice.OrderBuilder.KDV20;
import static com.caricomtr.agent.invoice.OrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * WooCommerce taxes a negative fee in proportion to the order's tax classes, so on a mixed cart it carries several
 * rates and an untaxed share; the invoice shows one fee line per share.
 */
class NegativeFeeSplitTest {
    private final InvoiceMapper mapper = new InvoiceMapper(InvoiceSettings.defaults());

    @Test
    void mixedCartGivesOneFeeLinePerRatePlusTheUntaxedShare() {
        Order order = order(90).pricesIncludeTax(false)
                .item("Kahve", "1", "100", KDV20, "20")
                .item("Lokum", "1", "100", KDV10, "10")
                .untaxedItem("Bağış", "1", "100")
                .fee("İndirim", "-30", Map.of(KDV20, "-2", KDV10, "-1"))
                .taxLine(KDV20, "18", "0")
                .taxLine(KDV10, "9", "0")
                .total("297")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.FEE)
                .extracting(InvoiceLine::name, InvoiceLine::taxRate, InvoiceLine::netAmount, InvoiceLine::taxAmount,
                        InvoiceLine::grossAmount)
                .containsExactly(tuple("İndirim (%20 KDV)", bd("20"), bd("-10.00"), bd("-2.00"), bd("-12.00")),
                        tuple("İndirim (%10 KDV)", bd("10"), bd("-10.00"), bd("-1.00"), bd("-11.00")),
                        tuple("İndirim (KDV'siz)", BigDecimal.ZERO, bd("-10.00"), bd("0.00"), bd("-10.00")));
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("20"), bd("90.00"), bd("18.00")),
                new TaxSummary(bd("10"), bd("90.00"), bd("9.00")), new TaxSummary(bd("0"), bd("90.00"), bd("0.00")));
    }

    @Test
    void singleRateFeeThatAlsoCoversUntaxedItemsIsSplitToo() {
        Order order = order(91).pricesIncludeTax(false)
                .item("Kahve", "1", "100", KDV20, "20")
                .untaxedItem("Bağış", "1", "100")
                .fee("İndirim", "-20", Map.of(KDV20, "-2"))
                .taxLine(KDV20, "18", "0")
                .total("198")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.FEE)
                .extracting(InvoiceLine::name, InvoiceLine::netAmount, InvoiceLine::taxAmount)
                .containsExactly(tuple("İndirim (%20 KDV)", bd("-10.00"), bd("-2.00")),
                        tuple("İndirim (KDV'siz)", bd("-10.00"), bd("0.00")));
    }

    @Test
    void proportionalSharesAtSixDecimalsAddUpToTheFee() {
        // WooCommerce's own split of −25 over 158.25 at 20% and 29.70297 at 1%, taxes kept to 6 decimals.
        Order order = order(92).pricesIncludeTax(true)
                .item("Türk Kahvesi 250 g", "1", "158.25", KDV20, "31.65")
                .item("Köy Ekmeği", "2", "29.70297", KDV1, "0.29703")
                .fee("Sadakat İndirimi", "-25", Map.of(KDV20, "-4.20983", KDV1, "-0.039509"))
                .taxLine(KDV20, "27.44", "0")
                .taxLine(KDV1, "0.26", "0")
                .total("190.65")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.FEE)
                .extracting(InvoiceLine::name, InvoiceLine::netAmount, InvoiceLine::taxAmount)
                .containsExactly(tuple("Sadakat İndirimi (%20 KDV)", bd("-21.05"), bd("-4.21")),
                        tuple("Sadakat İndirimi (%1 KDV)", bd("-3.95"), bd("-0.04")));
    }

    @Test
    void positiveFeeIsNeverSplit() {
        Order order = order(93).item("Kahve", "1", "100", KDV20, "20").untaxedItem("Bağış", "1", "100")
                .fee("Kapıda Ödeme Ücreti", "15", Map.of(KDV20, "3")).taxLine(KDV20, "23", "0").total("238")
                .build();

        Invoice invoice = mapper.map(order);

        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.FEE).extracting(InvoiceLine::name)
                .containsExactly("Kapıda Ödeme Ücreti");
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
