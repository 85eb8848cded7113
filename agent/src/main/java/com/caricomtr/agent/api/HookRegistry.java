package com.caricomtr.agent.api;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each site's latest {@link HookRegistration}, in memory: a restarted agent knows none until each bridge registers
 * again, which is why {@link #isRegistered(String)} exists for the sync engine to wait on.
 */
public final class HookRegistry {
    private final Map<String, HookRegistration> bySite = new ConcurrentHashMap<>();

    /** Replaces the site's registration as a whole: hooks missing from the new one are no longer called. */
    public void register(String siteId, HookRegistration registration) {
        bySite.put(siteId, registration);
    }

    public Optional<HookRegistration> registration(String siteId) {
        return Optional.ofNullable(bySite.get(siteId));
    }

    /** True once the site's bridge has registered since the agent started, even if it hooked nothing. */
    public boolean isRegistered(String siteId) {
        return bySite.containsKey(siteId);
    }

    /** Where to relay the hook for the site; empty when the site has no callback for it. */
    public Optional<URI> callbackFor(String siteId, Hook hook) {
        return registration(siteId).filter(registration -> registration.has(hook))
                .map(HookRegistration::callbackUrl);
    }
}
