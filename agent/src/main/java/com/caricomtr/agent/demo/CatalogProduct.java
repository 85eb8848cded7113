package com.caricomtr.agent.demo;

import java.math.BigDecimal;

/**
 * A product or variation of the demo shop, stored as a {@code product}/{@code product_variation} post.
 *
 * @param sku            {@code ""} when the product has none (no {@code _sku} meta row at all, as WooCommerce does)
 * @param price          as entered in the shop: tax-inclusive, because the store option says prices include tax
 * @param taxClass       {@code ""} standard (20 %), {@code reduced-rate} (10 %), {@code kdv-1} (1 %)
 * @param taxable        false for tax status {@code none}
 * @param parentId       the variable product of a variation, else 0
 * @param attribute      variation attribute key, e.g. {@code beden}, else {@code ""}
 * @param attributeValue e.g. {@code M}
 */
record CatalogProduct(long id, String name, String slug, String sku, BigDecimal price, String taxClass,
                      boolean taxable, long parentId, String attribute, String attributeValue) {

    boolean isVariation() {
        return parentId != 0;
    }

    /** The order line's {@code _product_id}: the parent for a variation. */
    long lineProductId() {
        return isVariation() ? parentId : id;
    }

    long lineVariationId() {
        return isVariation() ? id : 0;
    }
}
