package com.caricomtr.agent.sync;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Cari customer a customer key maps to, and a hash of what was last sent for it, so that an unchanged
 * customer costs no call and a changed one is updated rather than duplicated.
 */
public interface CustomerIds {
    record Known(String cariId, String payloadHash) {
    }

    Optional<Known> find(String customerKey);

    void put(String customerKey, Known known);

    /** A cache that lives as long as the process: for dry runs, benchmarks and tests. */
    static CustomerIds inMemory() {
        ConcurrentHashMap<String, Known> map = new ConcurrentHashMap<>();
        return new CustomerIds() {
            @Override
            public Optional<Known> find(String customerKey) {
                return Optional.ofNullable(map.get(customerKey));
            }

            @Override
            public void put(String customerKey, Known known) {
                map.put(customerKey, known);
            }
        };
    }
}
