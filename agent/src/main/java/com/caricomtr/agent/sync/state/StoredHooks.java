package com.caricomtr.agent.sync.state;

import java.time.Instant;
import java.util.List;

/**
 * A site's hook registration as stored: the bridge's callback URL and the names of the hooks it has callbacks for.
 * The names are the bridge's (e.g. {@code caricomtr_invoice_data}); this package does not know what they mean.
 *
 * @param callbackUrl  null when nothing is hooked
 * @param registeredAt when it was stored, by the database clock; null before that
 */
public record StoredHooks(String callbackUrl, List<String> filters, List<String> actions, Instant registeredAt) {
    public StoredHooks {
        filters = List.copyOf(filters);
        actions = List.copyOf(actions);
    }
}
