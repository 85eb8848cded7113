package com.caricomtr.agent.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.HookStore;
import com.caricomtr.agent.sync.state.StateStoreException;
import com.caricomtr.agent.sync.state.StoredHooks;

/**
 * Each site's latest {@link HookRegistration}. For a site with a {@link HookStore} the registration is kept in the
 * site's state, so that a restarted agent knows the shop's hooks without waiting for its bridge, and agents sharing
 * the tables all know them. A cache answers the sync's frequent questions; it reads the store again after
 * {@code refreshAfter}, which is how a registration made through another agent arrives.
 */
public final class HookRegistry {
    /** How long a cached registration (or the absence of one) is used before the store is read again. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);
    private static final System.Logger LOGGER = System.getLogger(HookRelayClient.LOGGER_NAME);

    private record Cached(Optional<HookRegistration> registration, long readAtNanos) {
    }

    private final Map<String, HookStore> stores;
    private final long refreshNanos;
    private final Map<String, Cached> bySite = new ConcurrentHashMap<>();

    /** Registrations in memory only: a restarted agent knows none until each bridge registers again. */
    public HookRegistry() {
        this(Map.of(), DEFAULT_REFRESH);
    }

    /** Registrations of the sites in {@code stores} kept there; other sites' in memory only. */
    public HookRegistry(Map<String, HookStore> stores, Duration refreshAfter) {
        this.stores = new ConcurrentHashMap<>(stores);
        this.refreshNanos = refreshAfter.toNanos();
    }

    /** The store of a site that joined while the agent runs (a network's new blog). */
    public void addStore(String siteId, HookStore store) {
        stores.putIfAbsent(siteId, store);
    }

    /** Over the hook registrations stored in each site's state. */
    public static HookRegistry stored(Map<String, AgentState> states) {
        Map<String, HookStore> stores = new ConcurrentHashMap<>();
        states.forEach((site, state) -> stores.put(site, state.hooks()));
        return new HookRegistry(stores, DEFAULT_REFRESH);
    }

    /**
     * Replaces the site's registration as a whole: hooks missing from the new one are no longer called.
     *
     * @throws StateStoreException when it cannot be stored; the previous registration stays
     */
    public void register(String siteId, HookRegistration registration) {
        HookStore store = stores.get(siteId);
        if (store != null) {
            URI callback = registration.callbackUrl();
            store.save(new StoredHooks(callback == null ? null : callback.toString(), names(registration.filters()),
                    names(registration.actions()), registration.orderStatuses(), null));
        }
        bySite.put(siteId, new Cached(Optional.of(registration), System.nanoTime()));
    }

    /** The site's registration; empty when its bridge never registered (or, without a store, not since start). */
    public Optional<HookRegistration> registration(String siteId) {
        Cached cached = bySite.get(siteId);
        HookStore store = stores.get(siteId);
        if (store == null) {
            return cached == null ? Optional.empty() : cached.registration();
        }
        if (cached != null && System.nanoTime() - cached.readAtNanos() < refreshNanos) {
            return cached.registration();
        }
        Optional<HookRegistration> read;
        try {
            read = store.find().map(stored -> fromStored(siteId, stored));
        } catch (StateStoreException e) {
            if (cached == null) {
                throw e;
            }
            LOGGER.log(System.Logger.Level.WARNING, "Cannot read the hook registration of site " + siteId
                    + " again; using the one read before: " + e.getMessage());
            read = cached.registration();
        }
        Cached fresh = new Cached(read, System.nanoTime());
        // A registration stored meanwhile by this agent is newer than what was read: it stays.
        boolean current = cached == null ? bySite.putIfAbsent(siteId, fresh) == null
                : bySite.replace(siteId, cached, fresh);
        return current ? read : bySite.get(siteId).registration();
    }

    /** True once the site's bridge has registered (ever, for a stored site), even if it hooked nothing. */
    public boolean isRegistered(String siteId) {
        return registration(siteId).isPresent();
    }

    /** Where to relay the hook for the site; empty when the site has no callback for it. */
    public Optional<URI> callbackFor(String siteId, Hook hook) {
        return registration(siteId).filter(registration -> registration.has(hook))
                .map(HookRegistration::callbackUrl);
    }

    private static List<String> names(Set<Hook> hooks) {
        return hooks.stream().map(Hook::wordpressName).toList();
    }

    /** What was stored; a name this agent does not know (stored by a newer one) is left out, with a warning. */
    private static HookRegistration fromStored(String siteId, StoredHooks stored) {
        Set<Hook> filters = hooks(siteId, stored.filters(), Hook.Kind.FILTER);
        Set<Hook> actions = hooks(siteId, stored.actions(), Hook.Kind.ACTION);
        try {
            URI callback = stored.callbackUrl() == null ? null : new URI(stored.callbackUrl());
            return new HookRegistration(callback, filters, actions, stored.orderStatuses());
        } catch (URISyntaxException | IllegalArgumentException e) {
            LOGGER.log(System.Logger.Level.WARNING, "The stored hook registration of site " + siteId
                    + " is unusable (" + e.getMessage() + "); treating it as one that hooks nothing");
            return HookRegistration.none();
        }
    }

    private static Set<Hook> hooks(String siteId, List<String> names, Hook.Kind kind) {
        Set<Hook> hooks = EnumSet.noneOf(Hook.class);
        for (String name : names) {
            Optional<Hook> hook = Hook.byName(name).filter(found -> found.kind() == kind);
            if (hook.isPresent()) {
                hooks.add(hook.get());
            } else {
                LOGGER.log(System.Logger.Level.WARNING, "The stored hook registration of site " + siteId
                        + " names " + LogText.clean(name) + ", which this agent does not relay; ignored");
            }
        }
        return hooks;
    }
}
