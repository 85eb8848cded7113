package com.caricomtr.agent.api;

import java.util.List;

import com.caricomtr.agent.sync.SyncEngine;
import com.caricomtr.agent.sync.state.StateStoreException;

/**
 * Trigger statuses the shop does not have, by the order statuses its bridge registered: no order comes into such a
 * status, so the trigger never fires and orders the admin expects invoiced are not. The dashboard's setting refuses
 * them ({@link SettingsService}); a configured one, or one a registration leaves out, is warned of here.
 */
public final class UnknownTriggerStatuses {
    private static final System.Logger LOG = System.getLogger(UnknownTriggerStatuses.class.getName());

    private UnknownTriggerStatuses() {
    }

    /** The trigger statuses the registration's shop does not have; one warning when there are some. */
    static List<String> warnOf(String siteId, HookRegistration registration, List<String> triggerStatuses) {
        List<String> unknown = registration.unknownStatuses(triggerStatuses);
        if (!unknown.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "site " + siteId + ": trigger statuses not among the shop's order"
                    + " statuses: " + String.join(", ", unknown) + " (no order comes into them; the shop has "
                    + String.join(", ", registration.statusSlugs()) + ")");
        }
        return unknown;
    }

    /** At start: one warning per site whose stored registration leaves out some of its trigger statuses. */
    public static void warnAtStart(SyncEngine engine, HookRegistry registry) {
        for (String siteId : engine.states().keySet()) {
            try {
                registry.registration(siteId).ifPresent(registration ->
                        warnOf(siteId, registration, engine.triggerStatuses(siteId)));
            } catch (StateStoreException e) {
                // The database is away: the worker says so, and the registration is checked when it comes.
            }
        }
    }
}
