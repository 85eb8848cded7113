package com.caricomtr.agent.sync;

import java.util.Optional;

import com.caricomtr.agent.sync.state.CustomerCache;

/** The durable customer cache, so that a restart or a second agent reuses the Cari customers already made. */
final class CachedCustomerIds implements CustomerIds {
    private final CustomerCache cache;

    CachedCustomerIds(CustomerCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<Known> find(String customerKey) {
        return cache.find(customerKey).map(c -> new Known(c.cariCustomerId(), c.payloadHash()));
    }

    @Override
    public void put(String customerKey, Known known) {
        cache.put(customerKey, known.cariId(), known.payloadHash());
    }
}
