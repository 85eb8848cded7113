package com.caricomtr.agent.demo;

import java.math.BigDecimal;

/** A {@code shop_coupon} post. {@code type} is WooCommerce's discount type: {@code percent} or {@code fixed_cart}. */
record CatalogCoupon(long id, String code, String type, BigDecimal amount) {
    boolean isPercent() {
        return "percent".equals(type);
    }

    /**
     * The coupon line's {@code coupon_info} meta (WooCommerce 8.7+ {@code WC_Coupon::get_short_info()}): JSON
     * {@code [id,"code","type",amount]} where the default type {@code fixed_cart} is written as {@code null}.
     */
    String couponInfo() {
        String typeJson = "fixed_cart".equals(type) ? "null" : "\"" + type + "\"";
        return "[" + id + ",\"" + code + "\"," + typeJson + "," + WooMath.php(amount) + "]";
    }
}
