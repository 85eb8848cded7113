package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.woo.Order;
import com.caricomtr.agent.woo.TaxLine;

/**
 * The order's tax lines by rate id: which KDV percent a rate id means, and how much tax WooCommerce charged for it
 * (items, fees and shipping together). Those charged amounts are what the invoice must show per rate.
 */
final class OrderTaxRates {

    /**
     * @param index  position in the order's tax lines, for error messages
     * @param target tax charged at this rate, in kuruş
     */
    record Rate(long rateId, int index, TaxLine line, BigDecimal target) {
        String field() {
            return "tax_lines[" + index + "]";
        }
    }

    private final long orderId;
    private final Map<Long, Rate> byId;

    private OrderTaxRates(long orderId, Map<Long, Rate> byId) {
        this.orderId = orderId;
        this.byId = byId;
    }

    static OrderTaxRates of(Order order) {
        List<TaxLine> lines = order.taxLines() == null ? List.of() : order.taxLines();
        Map<Long, Rate> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            TaxLine line = lines.get(i);
            String field = "tax_lines[" + i + "]";
            if (line == null) {
                throw new MappingException(order.id(), field, "tax line is missing");
            }
            BigDecimal target = amount(order.id(), field + ".tax_amount", line.taxAmount())
                    .add(amount(order.id(), field + ".shipping_tax_amount", line.shippingTaxAmount()));
            Rate previous = byId.put(line.rateId(), new Rate(line.rateId(), i, line, Kurus.round(target)));
            if (previous != null) {
                // Two tax lines for one rate would make the charged tax ambiguous; WooCommerce never writes that.
                throw new MappingException(order.id(), field, "rate id " + line.rateId()
                        + " has a second tax line (first is " + previous.field() + ")");
            }
        }
        return new OrderTaxRates(order.id(), byId);
    }

    /** The KDV percent of {@code rateId}, or a mapping error naming the line that uses it. */
    BigDecimal percentOf(long rateId, String lineField) {
        Rate rate = byId.get(rateId);
        if (rate == null) {
            throw new MappingException(orderId, lineField + ".taxes", "taxed at rate id " + rateId
                    + ", but the order has no tax line for that rate");
        }
        if (rate.line().compound()) {
            throw new MappingException(orderId, lineField + ".taxes", "taxed at compound rate id " + rateId + " ("
                    + rate.line().label() + "); KDV is never compound, so the invoice cannot show it");
        }
        BigDecimal percent = rate.line().ratePercent();
        if (percent == null) {
            throw new MappingException(orderId, rate.field() + ".rate_percent", "rate id " + rateId + " ("
                    + rate.line().label() + ") has no percent, so the KDV rate of " + lineField + " is unknown");
        }
        if (percent.signum() < 0) {
            throw new MappingException(orderId, rate.field() + ".rate_percent", "negative percent " + percent);
        }
        return normalized(percent);
    }

    Rate rate(long rateId) {
        return byId.get(rateId);
    }

    List<Rate> all() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    /** {@code 20.0000} becomes {@code 20}, so that equal percents compare and print alike. */
    static BigDecimal normalized(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal amount(long orderId, String field, BigDecimal value) {
        if (value == null) {
            throw new MappingException(orderId, field, "missing");
        }
        if (!Kurus.isWhole(value)) {
            throw new MappingException(orderId, field, value.toPlainString()
                    + " is not a whole kuruş amount; WooCommerce stores tax lines rounded");
        }
        return value;
    }
}
