package com.caricomtr.agent.api;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.caricomtr.agent.sync.ShopStatuses;

/**
 * What one site's bridge asked to be called for: its relay URL, and the filters and actions that have callbacks;
 * and what it said of the shop: its order statuses. An empty registration is meaningful: the bridge spoke, and
 * nothing is hooked.
 *
 * @param orderStatuses what {@code wc_get_order_statuses()} returned, key ({@code wc-processing}) to label, in the
 *                      shop's order; empty when the bridge did not say
 */
public record HookRegistration(URI callbackUrl, Set<Hook> filters, Set<Hook> actions,
                               Map<String, String> orderStatuses) {

    public HookRegistration {
        filters = inDeclarationOrder(filters);
        actions = inDeclarationOrder(actions);
        orderStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(orderStatuses));
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

    /** Hooks only, saying nothing of the shop's order statuses. */
    public HookRegistration(URI callbackUrl, Set<Hook> filters, Set<Hook> actions) {
        this(callbackUrl, filters, actions, Map.of());
    }

    public static HookRegistration none() {
        return new HookRegistration(null, Set.of(), Set.of());
    }

    public boolean has(Hook hook) {
        return filters.contains(hook) || actions.contains(hook);
    }

    /** The shop's statuses as trigger statuses are kept: without {@code wc-}, in the shop's order. */
    public Set<String> statusSlugs() {
        Set<String> slugs = new LinkedHashSet<>();
        orderStatuses.keySet().forEach(key -> slugs.add(slug(key)));
        return slugs;
    }

    /**
     * The trigger statuses the shop does not have, in their order: such a trigger never fires. Empty when the bridge
     * did not say which statuses the shop has.
     */
    public List<String> unknownStatuses(List<String> triggerStatuses) {
        Set<String> known = statusSlugs();
        return known.isEmpty() ? List.of() : triggerStatuses.stream().map(HookRegistration::slug)
                .filter(status -> !known.contains(status)).distinct().toList();
    }

    private static String slug(String status) {
        return ShopStatuses.slug(status);
    }

    private static Set<Hook> inDeclarationOrder(Set<Hook> hooks) {
        EnumSet<Hook> ordered = EnumSet.noneOf(Hook.class);
        ordered.addAll(hooks);
        return Collections.unmodifiableSet(ordered);
    }
}
