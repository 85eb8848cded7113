package com.caricomtr.agent.woo;

/**
 * One WooCommerce shop inside a database: a single site, or one blog of a multisite network.
 *
 * @param blogId 1 for a single site and for the network's main blog
 */
public record WooSite(long blogId, TablePrefix prefix, StorageMode storage, String siteUrl) {
}
