package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random WooCommerce-consistent orders (fixed seed, so a failure is reproducible) must all map, and
 * every invoice must keep every reconciliation promise.
 */
class InvoiceReconciliationPropertyTest {
    private static final long SEED = 20_250_107L;
    private static final int ORDERS = 5_000;
    private static final BigDecimal ONE_KURUS = new BigDecimal("0.01");
    /** Net and tax each within a kuruş of their raw value, plus the rounding of net × rate. */
    private static final BigDecimal RATE_SLACK = new BigDecimal("0.03");

    private final InvoiceMapper mapper = new InvoiceMapper(InvoiceSettings.defaults());

    @Test
    void randomWooCommerceOrdersReconcileExactly() {
        WooOrderGenerator generator = new WooOrderGenerator(SEED);
        int lines = 0;
        int splitFeeLines = 0;
        int movedTaxes = 0;
        int movedNets = 0;
        int zeroTotals = 0;
        for (int n = 0; n < ORDERS; n++) {
            WooOrderGenerator.Generated generated = generator.next(1_000 + n);
            Invoice invoice = mapper.map(generated.order());

            InvoiceInvariants.assertReconciles(generated.order(), invoice);
            assertEachLineStaysWithinAKurusOfWooCommerce(generated, invoice);
            for (InvoiceLine line : invoice.lines()) {
                BigDecimal expectedTax = line.netAmount().multiply(line.taxRate()).divide(BigDecimal.valueOf(100));
                assertThat(line.taxAmount().subtract(expectedTax).abs()).as("%s: KDV of %s", generated.description(),
                        line).isLessThanOrEqualTo(RATE_SLACK);
            }
            lines += invoice.lines().size();
            movedTaxes += moved(generated, invoice, true);
            movedNets += moved(generated, invoice, false);
            zeroTotals += invoice.grandTotal().signum() == 0 ? 1 : 0;
            splitFeeLines += (int) invoice.lines().stream().filter(l -> l.name().contains("KDV")).count();
        }
        // The generator must really exercise the interesting cases.
        System.out.printf("%d orders, %d lines, %d split fee lines, %d taxes and %d nets moved by residue, %d zero"
                + " totals%n", ORDERS, lines, splitFeeLines, movedTaxes, movedNets, zeroTotals);
        assertThat(lines).isGreaterThan(ORDERS * 5);
        assertThat(splitFeeLines).isGreaterThan(100);
        assertThat(movedTaxes).as("tax residues distributed").isGreaterThan(100);
        assertThat(movedNets).as("net residues distributed").isGreaterThan(100);
        assertThat(zeroTotals).as("zero-total orders").isPositive();
    }

    /** Product and shipping lines whose kuruş differ from plain HALF_UP rounding: residue actually distributed. */
    private static int moved(WooOrderGenerator.Generated generated, Invoice invoice, boolean tax) {
        int moved = 0;
        for (int i = 0; i < generated.productsAndShipping().size(); i++) {
            WooOrderGenerator.RawLine raw = generated.productsAndShipping().get(i);
            InvoiceLine line = invoice.lines().get(i);
            BigDecimal rounded = kurus(tax ? raw.tax() : raw.net());
            moved += rounded.compareTo(tax ? line.taxAmount() : line.netAmount()) != 0 ? 1 : 0;
        }
        return moved;
    }

    private static void assertEachLineStaysWithinAKurusOfWooCommerce(WooOrderGenerator.Generated generated,
                                                                    Invoice invoice) {
        List<WooOrderGenerator.RawLine> raw = generated.productsAndShipping();
        for (int i = 0; i < raw.size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            assertThat(line.netAmount().subtract(kurus(raw.get(i).net())).abs())
                    .as("%s: net of %s", generated.description(), line).isLessThanOrEqualTo(ONE_KURUS);
            assertThat(line.taxAmount().subtract(kurus(raw.get(i).tax())).abs())
                    .as("%s: tax of %s", generated.description(), line).isLessThanOrEqualTo(ONE_KURUS);
        }
        for (WooOrderGenerator.RawFee fee : generated.fees()) {
            List<InvoiceLine> parts = invoice.lines().stream().skip(raw.size())
                    .filter(l -> l.name().equals(fee.name()) || l.name().startsWith(fee.name() + " (")).toList();
            assertThat(parts).as("%s: lines of %s", generated.description(), fee.name()).isNotEmpty();
            BigDecimal slack = ONE_KURUS.multiply(BigDecimal.valueOf(parts.size()));
            BigDecimal net = parts.stream().map(InvoiceLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal tax = parts.stream().map(InvoiceLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(net.subtract(fee.total()).abs()).as("%s: net of %s", generated.description(), parts)
                    .isLessThanOrEqualTo(slack);
            assertThat(tax.subtract(kurus(fee.tax())).abs()).as("%s: tax of %s", generated.description(), parts)
                    .isLessThanOrEqualTo(slack);
        }
    }

    private static BigDecimal kurus(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
