package com.caricomtr.agent.sync.state;

import java.time.Instant;

/** A WooCommerce customer the agent already created in Cari, and a hash of the data it sent then. */
public record CachedCustomer(String customerKey, String cariCustomerId, String payloadHash, Instant updatedAt) {
}
