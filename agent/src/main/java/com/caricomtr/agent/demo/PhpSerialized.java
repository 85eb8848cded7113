package com.caricomtr.agent.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The few PHP {@code serialize()} shapes WooCommerce stores for order items. PHP counts string lengths in bytes, so a
 * Turkish or emoji character counts 2 to 4; the agent's reader relies on that.
 */
final class PhpSerialized {
    private PhpSerialized() {
    }

    /** {@code _line_tax_data} of a product line: {@code a:2:{s:5:"total";a:n:{...}s:8:"subtotal";a:n:{...}}}. */
    static String lineTaxData(Map<Integer, BigDecimal> total, Map<Integer, BigDecimal> subtotal) {
        return "a:2:{" + string("total") + taxArray(total) + string("subtotal") + taxArray(subtotal) + "}";
    }

    /** {@code taxes} of a shipping line and {@code _line_tax_data} of a fee: {@code a:1:{s:5:"total";a:n:{...}}}. */
    static String totalOnly(Map<Integer, BigDecimal> total) {
        return "a:1:{" + string("total") + taxArray(total) + "}";
    }

    /** Tax by rate id; WooCommerce keeps the amounts as strings ({@code wc_format_decimal}): {@code s:4:"63.3"}. */
    static String taxArray(Map<Integer, BigDecimal> byRate) {
        StringBuilder s = new StringBuilder("a:").append(byRate.size()).append(":{");
        byRate.forEach((rate, amount) -> s.append("i:").append(rate).append(';').append(string(WooMath.php(amount))));
        return s.append('}').toString();
    }

    static String string(String value) {
        return "s:" + value.getBytes(StandardCharsets.UTF_8).length + ":\"" + value + "\";";
    }

    /** {@code a:1:{s:8:"customer";b:1;}}: a user's capabilities with one role. */
    static String singleRole(String role) {
        return "a:1:{" + string(role) + "b:1;}";
    }
}
