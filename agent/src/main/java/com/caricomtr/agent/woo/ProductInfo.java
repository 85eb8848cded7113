package com.caricomtr.agent.woo;

/** What the reader needs of a product or variation post: that it still exists, and its SKU. */
record ProductInfo(long id, String type, long parentId, String sku) {
}
