package com.caricomtr.agent.invoice;

import java.math.BigDecimal;

/**
 * An invoice line before rounding: WooCommerce's amounts at stored precision, tax-exclusive net and its tax.
 *
 * @param field   where it came from, e.g. {@code fee_lines[0]}, for error messages
 * @param rateId  the WooCommerce tax rate id, null for an untaxed line
 * @param percent the KDV percent, 0 for an untaxed line
 */
record DraftLine(LineKind kind,
                 String field,
                 String name,
                 String sku,
                 BigDecimal quantity,
                 Long rateId,
                 BigDecimal percent,
                 BigDecimal rawNet,
                 BigDecimal rawTax) {

    static DraftLine untaxed(LineKind kind, String field, String name, String sku, BigDecimal quantity,
                             BigDecimal net) {
        return new DraftLine(kind, field, name, sku, quantity, null, BigDecimal.ZERO, net, BigDecimal.ZERO);
    }
}
