package com.caricomtr.agent.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link BulkInsert} per table the generator fills, for one prefix and connection. Rows for different tables
 * may go out in any order: WordPress has no foreign keys.
 */
final class ShopRows implements AutoCloseable {
    static final String SITE_URL = "https://magaza.example.test";

    final BulkInsert options;
    final BulkInsert users;
    final BulkInsert usermeta;
    final BulkInsert posts;
    final BulkInsert postmeta;
    final BulkInsert orders;
    final BulkInsert addresses;
    final BulkInsert operationalData;
    final BulkInsert ordersMeta;
    final BulkInsert orderItems;
    final BulkInsert orderItemMeta;
    final BulkInsert taxRates;
    final BulkInsert taxRateClasses;
    final String prefix;
    private final List<BulkInsert> all = new ArrayList<>();
    private final Statement statement;
    private final boolean backslashEscapes;

    ShopRows(Connection c, String prefix) throws SQLException {
        this.prefix = WooSchema.validatePrefix(prefix);
        this.statement = c.createStatement();
        this.backslashEscapes = BulkInsert.backslashEscapes(c);
        options = table("options", "option_name", "option_value", "autoload");
        users = table("users", "ID", "user_login", "user_pass", "user_nicename", "user_email", "user_url",
                "user_registered", "user_activation_key", "user_status", "display_name");
        usermeta = table("usermeta", "user_id", "meta_key", "meta_value");
        posts = table("posts", "ID", "post_author", "post_date", "post_date_gmt", "post_content", "post_title",
                "post_excerpt", "post_status", "comment_status", "ping_status", "post_password", "post_name", "to_ping",
                "pinged", "post_modified", "post_modified_gmt", "post_content_filtered", "post_parent", "guid",
                "menu_order", "post_type", "post_mime_type", "comment_count");
        postmeta = table("postmeta", "post_id", "meta_key", "meta_value");
        orders = table("wc_orders", "id", "status", "currency", "type", "tax_amount", "total_amount", "customer_id",
                "billing_email", "date_created_gmt", "date_updated_gmt", "parent_order_id", "payment_method",
                "payment_method_title", "transaction_id", "ip_address", "user_agent", "customer_note");
        addresses = table("wc_order_addresses", "order_id", "address_type", "first_name", "last_name", "company",
                "address_1", "address_2", "city", "state", "postcode", "country", "email", "phone");
        operationalData = table("wc_order_operational_data", "order_id", "created_via", "woocommerce_version",
                "prices_include_tax", "coupon_usages_are_counted", "download_permission_granted", "cart_hash",
                "new_order_email_sent", "order_key", "order_stock_reduced", "date_paid_gmt", "date_completed_gmt",
                "shipping_tax_amount", "shipping_total_amount", "discount_tax_amount", "discount_total_amount",
                "recorded_sales");
        ordersMeta = table("wc_orders_meta", "order_id", "meta_key", "meta_value");
        orderItems = table("woocommerce_order_items", "order_item_id", "order_item_name", "order_item_type",
                "order_id");
        orderItemMeta = table("woocommerce_order_itemmeta", "order_item_id", "meta_key", "meta_value");
        taxRates = table("woocommerce_tax_rates", "tax_rate_id", "tax_rate_country", "tax_rate_state", "tax_rate",
                "tax_rate_name", "tax_rate_priority", "tax_rate_compound", "tax_rate_shipping", "tax_rate_order",
                "tax_rate_class");
        taxRateClasses = table("wc_tax_rate_classes", "tax_rate_class_id", "name", "slug");
    }

    /**
     * A post row with WordPress's defaults for the columns orders and products leave empty. Dates are the local and
     * GMT forms of the same instants.
     */
    void post(long id, String date, String dateGmt, String modified, String modifiedGmt, String title, String excerpt,
              String status, String commentStatus, String password, String name, long parent, String guid,
              String type) {
        posts.add(id, 1L, date, dateGmt, "", title, excerpt, status, commentStatus, "closed", password, name, "", "",
                modified, modifiedGmt, "", parent, guid, 0, type, "", 0L);
    }

    void flush() {
        all.forEach(BulkInsert::flush);
    }

    long written() {
        return all.stream().mapToLong(BulkInsert::written).sum();
    }

    private BulkInsert table(String suffix, String... columns) {
        BulkInsert insert = new BulkInsert(statement, backslashEscapes, prefix + suffix, List.of(columns));
        all.add(insert);
        return insert;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
