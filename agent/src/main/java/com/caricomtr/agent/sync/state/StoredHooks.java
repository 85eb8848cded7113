package com.caricomtr.agent.sync.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's hook registration as stored: the bridge's callback URL, the names of the hooks it has callbacks for, and
 * the shop's order statuses. The names and statuses are the bridge's (e.g. {@code caricomtr_invoice_data},
 * {@code wc-processing}); this package does not know what they mean.
 *
 * @param callbackUrl   null when nothing is hooked
 * @param orderStatuses status key to label, in the shop's order; empty when the bridge registered none
 * @param registeredAt  when it was stored, by the database clock; null before that
 */
public record StoredHooks(String callbackUrl, List<String> filters, List<String> actions,
                          Map<String, String> orderStatuses, Instant registeredAt) {
    public StoredHooks {
        filters = List.copyOf(filters);
        actions = List.copyOf(actions);
        orderStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(orderStatuses));
    }

    /** A registration without order statuses (as bridges registered before they sent them). */
    public StoredHooks(String callbackUrl, List<String> filters, List<String> actions, Instant registeredAt) {
        this(callbackUrl, filters, actions, Map.of(), registeredAt);
    }
}
