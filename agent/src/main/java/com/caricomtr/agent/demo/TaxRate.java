package com.caricomtr.agent.demo;

import java.math.BigDecimal;

/**
 * A row of {@code woocommerce_tax_rates} for Turkey (no state, priority 1, not compound, applies to shipping).
 *
 * @param taxClass WooCommerce tax class slug; {@code ""} is the standard class
 */
record TaxRate(int id, String name, BigDecimal percent, String taxClass) {
    /** WooCommerce's rate code, the tax line's {@code order_item_name}: country-state-name-priority. */
    String code() {
        return "TR-" + name + "-1";
    }

    /** As stored in {@code woocommerce_tax_rates.tax_rate}, e.g. {@code 20.0000}. */
    String storedRate() {
        return percent.setScale(4).toPlainString();
    }
}
