package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads orders from legacy {@code posts}/{@code postmeta}. */
final class PostsOrderSource implements OrderSource {
    private static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "company", "address_1",
            "address_2", "city", "state", "postcode", "country", "email", "phone");
    private static final List<String> HEADER_KEYS = List.of("_order_currency", "_prices_include_tax",
            "_customer_user", "_payment_method", "_payment_method_title", "_transaction_id", "_order_total",
            "_order_tax", "_order_shipping", "_order_shipping_tax", "_cart_discount", "_cart_discount_tax",
            "_date_paid", "_date_completed");

    private final TablePrefix prefix;
    private final java.util.Set<String> metaKeys;

    PostsOrderSource(TablePrefix prefix, ReaderSettings settings) {
        this.prefix = prefix;
        List<String> keys = new ArrayList<>(HEADER_KEYS);
        for (String type : List.of("_billing_", "_shipping_")) {
            ADDRESS_FIELDS.forEach(f -> keys.add(type + f));
        }
        keys.addAll(settings.orderMetaKeys());
        this.metaKeys = java.util.Set.copyOf(keys);
    }

    @Override
    public String idQuery(long afterId, int limit) {
        return "SELECT ID FROM " + prefix.table("posts") + " WHERE post_type = 'shop_order' AND ID > " + afterId
                + " ORDER BY ID LIMIT " + limit;
    }

    @Override
    public Map<Long, RawOrder> loadHeaders(Connection connection, Sql sql, List<Long> ids) throws SQLException {
        String idList = Sql.idList(ids);
        Map<Long, RawOrder> orders = new LinkedHashMap<>();
        Map<Long, RawOrder> all = new HashMap<>();
        String select = "SELECT ID, post_type, post_parent, post_status, post_date_gmt, post_modified_gmt,"
                + " post_excerpt FROM " + prefix.table("posts");
        sql.query(connection, select + " WHERE ID IN (" + idList + ") AND post_type = 'shop_order' UNION ALL "
                + select + " WHERE post_parent IN (" + idList + ") AND post_type = 'shop_order_refund'", rs -> {
                    RawOrder raw = new RawOrder();
                    raw.id = rs.getLong(1);
                    raw.refund = "shop_order_refund".equals(rs.getString(2));
                    raw.parentId = rs.getLong(3);
                    raw.status = rs.getString(4);
                    raw.createdAt = rs.getString(5);
                    raw.updatedAt = rs.getString(6);
                    raw.customerNote = rs.getString(7);
                    all.put(raw.id, raw);
                    if (!raw.refund) {
                        orders.put(raw.id, raw);
                    }
                });
        if (all.isEmpty()) {
            return orders;
        }
        MetaSpan.readOrderMeta(connection, sql, prefix.table("postmeta"), "meta_id", "post_id", all, metaKeys);
        for (RawOrder raw : all.values()) {
            fromMeta(raw);
            if (raw.refund && orders.containsKey(raw.parentId)) {
                orders.get(raw.parentId).refunds.add(raw);
            }
        }
        return orders;
    }

    private static void fromMeta(RawOrder raw) {
        Map<String, String> m = raw.meta;
        raw.currency = m.get("_order_currency");
        String includesTax = m.get("_prices_include_tax");
        raw.pricesIncludeTax = includesTax == null ? null : "yes".equals(includesTax);
        raw.customerId = m.get("_customer_user");
        raw.paymentMethod = m.get("_payment_method");
        raw.paymentMethodTitle = m.get("_payment_method_title");
        raw.transactionId = m.get("_transaction_id");
        raw.total = m.get("_order_total");
        raw.cartTax = m.get("_order_tax");
        raw.shippingTotal = m.get("_order_shipping");
        raw.shippingTax = m.get("_order_shipping_tax");
        raw.discountTotal = m.get("_cart_discount");
        raw.discountTax = m.get("_cart_discount_tax");
        raw.paidAt = m.get("_date_paid");
        raw.completedAt = m.get("_date_completed");
        raw.paidCompletedAsEpoch = true;
        if (!raw.refund) {
            raw.billing = address(m, "_billing_");
            raw.shipping = address(m, "_shipping_");
        }
    }

    private static Address address(Map<String, String> m, String type) {
        return new Address(m.get(type + "first_name"), m.get(type + "last_name"), m.get(type + "company"),
                m.get(type + "address_1"), m.get(type + "address_2"), m.get(type + "city"), m.get(type + "state"),
                m.get(type + "postcode"), m.get(type + "country"), m.get(type + "email"), m.get(type + "phone"));
    }
}
