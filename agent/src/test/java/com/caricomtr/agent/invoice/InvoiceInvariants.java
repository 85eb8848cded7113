package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.TreeMap;
import java.util.Map;

import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.TaxLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation promises of {@link Invoice}, checked against the order it came from. */
final class InvoiceInvariants {
    private InvoiceInvariants() {
    }

    static void assertReconciles(Order order, Invoice invoice) {
        BigDecimal nets = BigDecimal.ZERO;
        BigDecimal grosses = BigDecimal.ZERO;
        Map<BigDecimal, BigDecimal> taxByPercent = new TreeMap<>();
        Map<BigDecimal, BigDecimal> baseByPercent = new TreeMap<>();
        for (InvoiceLine line : invoice.lines()) {
            assertThat(line.netAmount().scale()).as("net scale of %s", line).isEqualTo(2);
            assertThat(line.taxAmount().scale()).as("tax scale of %s", line).isEqualTo(2);
            assertThat(line.netAmount().add(line.taxAmount())).as("net + tax of %s", line)
                    .isEqualTo(line.grossAmount());
            nets = nets.add(line.netAmount());
            grosses = grosses.add(line.grossAmount());
            taxByPercent.merge(line.taxRate(), line.taxAmount(), BigDecimal::add);
            baseByPercent.merge(line.taxRate(), line.netAmount(), BigDecimal::add);
        }
        BigDecimal orderTotal = order.totals().total();
        assertThat(nets).as("lines' nets").isEqualByComparingTo(invoice.subtotal());
        assertThat(grosses).as("lines' grosses").isEqualByComparingTo(orderTotal);
        assertThat(invoice.subtotal().add(invoice.taxTotal())).as("subtotal + tax").isEqualTo(invoice.grandTotal());
        assertThat(invoice.grandTotal()).as("grand total").isEqualByComparingTo(orderTotal);
        assertThat(invoice.grandTotal().scale()).isEqualTo(2);

        Map<BigDecimal, BigDecimal> charged = new TreeMap<>();
        for (TaxLine t : order.taxLines()) {
            charged.merge(t.ratePercent(), t.taxAmount().add(t.shippingTaxAmount()),
                    BigDecimal::add);
        }
        BigDecimal summaryTax = BigDecimal.ZERO;
        for (TaxSummary summary : invoice.taxes()) {
            assertThat(summary.amount()).as("tax of %s%%", summary.rate())
                    .isEqualByComparingTo(taxByPercent.get(summary.rate()));
            assertThat(summary.base()).as("base of %s%%", summary.rate())
                    .isEqualByComparingTo(baseByPercent.get(summary.rate()));
            assertThat(summary.amount()).as("tax of %s%% against the order's tax lines", summary.rate())
                    .isEqualByComparingTo(charged.getOrDefault(summary.rate(), BigDecimal.ZERO));
            summaryTax = summaryTax.add(summary.amount());
        }
        assertThat(invoice.taxes()).hasSameSizeAs(taxByPercent.keySet());
        assertThat(summaryTax).as("summaries' tax").isEqualByComparingTo(invoice.taxTotal());
        charged.forEach((percent, amount) -> {
            if (amount.signum() != 0) {
                assertThat(taxByPercent.get(percent)).as("invoice tax at %s%%", percent).isEqualByComparingTo(amount);
            }
        });
    }
}
