package com.caricomtr.agent.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agent's sync: one {@link SiteSync} per configured site. */
public final class SyncEngine implements AutoCloseable {
    private final Map<String, SiteSync> sites;

    private SyncEngine(Map<String, SiteSync> sites) {
        this.sites = sites;
    }

    /**
     * Opens every site (migrating its state tables) and starts its worker, poller and cleanup.
     *
     * @param agentId names this agent's claims, so that several agents on one database can be told apart
     * @param polling false to rely on notify, manual sync and backfills alone
     */
    public static SyncEngine start(List<SiteConfig> configs, String agentId, boolean polling) {
        Map<String, SiteSync> sites = new LinkedHashMap<>();
        try {
            for (SiteConfig config : configs) {
                SiteSync sync = new SiteSync(SiteRuntime.open(config), agentId);
                sites.put(config.id(), sync);
            }
        } catch (RuntimeException e) {
            sites.values().forEach(SiteSync::close);
            throw e;
        }
        sites.values().forEach(s -> s.start(polling));
        return new SyncEngine(sites);
    }

    public Optional<SiteSync> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    public Collection<SiteSync> sites() {
        return sites.values();
    }

    @Override
    public void close() {
        sites.values().forEach(SiteSync::close);
    }
}
