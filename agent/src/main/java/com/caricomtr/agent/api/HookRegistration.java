package com.caricomtr.agent.api;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one site's bridge asked to be called for: its relay URL, and the filters and actions that have callbacks.
 * An empty registration is meaningful: the bridge spoke, and nothing is hooked.
 */
public record HookRegistration(URI callbackUrl, Set<Hook> filters, Set<Hook> actions) {

    public HookRegistration {
        filters = inDeclarationOrder(filters);
        actions = inDeclarationOrder(actions);
        for (Hook filter : filters) {
            if (filter.kind() != Hook.Kind.FILTER) {
                throw new IllegalArgumentException(filter + " is an action, not a filter.");
            }
        }
        for (Hook action : actions) {
            if (action.kind() != Hook.Kind.ACTION) {
                throw new IllegalArgumentException(action + " is a filter, not an action.");
            }
        }
        if (callbackUrl == null && !(filters.isEmpty() && actions.isEmpty())) {
            throw new IllegalArgumentException("callback_url is required when a hook is registered.");
        }
    }

    public static HookRegistration none() {
        return new HookRegistration(null, Set.of(), Set.of());
    }

    public boolean has(Hook hook) {
        return filters.contains(hook) || actions.contains(hook);
    }

    private static Set<Hook> inDeclarationOrder(Set<Hook> hooks) {
        EnumSet<Hook> ordered = EnumSet.noneOf(Hook.class);
        ordered.addAll(hooks);
        return Collections.unmodifiableSet(ordered);
    }
}
