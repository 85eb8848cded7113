package com.caricomtr.agent.woo;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tax per WooCommerce tax rate id, as in the serialized {@code _line_tax_data}/{@code taxes} item meta. Amounts
 * keep WooCommerce's stored precision (often 6 decimals); nothing is rounded here.
 */
public record TaxAmounts(Map<Long, BigDecimal> byRateId) {
    public static final TaxAmounts NONE = new TaxAmounts(Map.of());

    public TaxAmounts {
        byRateId = Collections.unmodifiableMap(new TreeMap<>(byRateId));
    }

    public BigDecimal sum() {
        return byRateId.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isEmpty() {
        return byRateId.isEmpty();
    }
}
