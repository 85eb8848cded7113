package com.caricomtr.agent.woo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An order or refund header as a storage hands it over, before it is checked and assembled. Both storages fill
 * the same fields, so everything after this point is shared.
 */
final class RawOrder {
    long id;
    boolean refund;
    long parentId;
    String status;
    String currency;
    Boolean pricesIncludeTax;
    /** Dates as stored: GMT {@code DATETIME} text, except paid/completed in posts (unix seconds). */
    String createdAt;
    String updatedAt;
    String paidAt;
    String completedAt;
    boolean paidCompletedAsEpoch;
    String customerId;
    Address billing;
    Address shipping;
    String paymentMethod;
    String paymentMethodTitle;
    String transactionId;
    String customerNote;
    String total;
    String cartTax;
    String shippingTotal;
    String shippingTax;
    String discountTotal;
    String discountTax;
    final Map<String, String> meta = new HashMap<>();
    final List<RawItem> items = new ArrayList<>();
    final List<RawOrder> refunds = new ArrayList<>();

    /** First non-blank value of the given meta keys, else empty. */
    String firstMeta(List<String> keys) {
        for (String key : keys) {
            String v = meta.get(key);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
