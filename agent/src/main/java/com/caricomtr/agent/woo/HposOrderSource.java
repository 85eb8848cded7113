package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads orders from the HPOS tables. The placeholder posts WooCommerce keeps with the same ids (and their stale
 * {@code _billing_*} meta) are never looked at.
 */
final class HposOrderSource implements OrderSource {
    private static final String ADDRESS_COLUMNS = "first_name,last_name,company,address_1,address_2,city,state,"
            + "postcode,country,email,phone";

    private final TablePrefix prefix;
    private final java.util.Set<String> metaKeys;

    HposOrderSource(TablePrefix prefix, ReaderSettings settings) {
        this.prefix = prefix;
        this.metaKeys = java.util.Set.copyOf(settings.orderMetaKeys());
    }

    @Override
    public String idQuery(long afterId, int limit) {
        return "SELECT id FROM " + prefix.table("wc_orders") + " WHERE type = 'shop_order' AND id > " + afterId
                + " ORDER BY id LIMIT " + limit;
    }

    @Override
    public Map<Long, RawOrder> loadHeaders(Connection connection, Sql sql, List<Long> ids) throws SQLException {
        String idList = Sql.idList(ids);
        Map<Long, RawOrder> orders = new LinkedHashMap<>();
        Map<Long, RawOrder> all = new HashMap<>();
        String select = headerSelect();
        sql.query(connection, select + " WHERE o.id IN (" + idList + ") AND o.type = 'shop_order' UNION ALL "
                + select + " WHERE o.parent_order_id IN (" + idList + ") AND o.type = 'shop_order_refund'", rs -> {
                    RawOrder raw = header(rs);
                    all.put(raw.id, raw);
                    if (!raw.refund) {
                        orders.put(raw.id, raw);
                    }
                });
        for (RawOrder raw : all.values()) {
            if (raw.refund && orders.containsKey(raw.parentId)) {
                orders.get(raw.parentId).refunds.add(raw);
            }
        }
        if (!all.isEmpty()) {
            // Filtered by key here: with the keys in SQL the server may pick the key index and walk every order's
            // rows of those keys, which a sync batch of 32 orders in a large shop measured at 10,000 rows.
            MetaSpan.readOrderMeta(connection, sql, prefix.table("wc_orders_meta"), "id", "order_id", all, metaKeys);
        }
        return orders;
    }

    private String headerSelect() {
        return "SELECT o.id, o.type, o.parent_order_id, o.status, o.currency, o.customer_id, o.billing_email,"
                + " o.date_created_gmt, o.date_updated_gmt, o.payment_method, o.payment_method_title,"
                + " o.transaction_id, o.customer_note, o.total_amount, o.tax_amount,"
                + " od.prices_include_tax, od.date_paid_gmt, od.date_completed_gmt, od.shipping_total_amount,"
                + " od.shipping_tax_amount, od.discount_total_amount, od.discount_tax_amount,"
                + " b.id, " + prefixed("b") + ", s.id, " + prefixed("s")
                + " FROM " + prefix.table("wc_orders") + " o"
                + " LEFT JOIN " + prefix.table("wc_order_operational_data") + " od ON od.order_id = o.id"
                + " LEFT JOIN " + prefix.table("wc_order_addresses")
                + " b ON b.order_id = o.id AND b.address_type = 'billing'"
                + " LEFT JOIN " + prefix.table("wc_order_addresses")
                + " s ON s.order_id = o.id AND s.address_type = 'shipping'";
    }

    private static String prefixed(String alias) {
        return alias + "." + ADDRESS_COLUMNS.replace(",", "," + alias + ".");
    }

    private static RawOrder header(ResultSet rs) throws SQLException {
        RawOrder raw = new RawOrder();
        raw.id = rs.getLong(1);
        raw.refund = "shop_order_refund".equals(rs.getString(2));
        raw.parentId = rs.getLong(3);
        raw.status = rs.getString(4);
        raw.currency = rs.getString(5);
        raw.customerId = rs.getString(6);
        String billingEmail = rs.getString(7);
        raw.createdAt = rs.getString(8);
        raw.updatedAt = rs.getString(9);
        raw.paymentMethod = rs.getString(10);
        raw.paymentMethodTitle = rs.getString(11);
        raw.transactionId = rs.getString(12);
        raw.customerNote = rs.getString(13);
        raw.total = rs.getString(14);
        raw.cartTax = rs.getString(15);
        String includesTax = rs.getString(16);
        raw.pricesIncludeTax = includesTax == null ? null : !"0".equals(includesTax);
        raw.paidAt = rs.getString(17);
        raw.completedAt = rs.getString(18);
        raw.shippingTotal = rs.getString(19);
        raw.shippingTax = rs.getString(20);
        raw.discountTotal = rs.getString(21);
        raw.discountTax = rs.getString(22);
        raw.billing = address(rs, 23);
        raw.shipping = address(rs, 35);
        if (raw.billing == null && billingEmail != null && !billingEmail.isBlank()) {
            // No address row, but the order row still knows the e-mail: keep it, the assembler flags the rest.
            raw.billing = new Address(null, null, null, null, null, null, null, null, null, billingEmail, null);
        }
        return raw;
    }

    /** The address at {@code first} (its id column), or null when the LEFT JOIN found no row. */
    private static Address address(ResultSet rs, int first) throws SQLException {
        rs.getLong(first);
        if (rs.wasNull()) {
            return null;
        }
        return new Address(rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7),
                rs.getString(first + 8), rs.getString(first + 9), rs.getString(first + 10),
                rs.getString(first + 11));
    }
}
