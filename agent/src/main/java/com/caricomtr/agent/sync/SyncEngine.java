package com.caricomtr.agent.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.caricomtr.agent.config.ConfigurationRefused;
import com.caricomtr.agent.sync.state.AgentState;

/**
 * The agent's sync: one {@link SiteSync} per configured site. Built in two steps, so that what applies the shop's
 * hooks can be built over the sites' state in between: {@link #open} the sites, then {@link #start} them.
 */
public final class SyncEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SyncEngine.class.getName());
    /** How long {@link #close()} lets each site's deliveries under way finish before giving them back. */
    public static final java.time.Duration STOP_GRACE = SyncWorker.STOP_GRACE;
    private final String agentId;
    private final Map<String, SiteRuntime> runtimes;
    private volatile Map<String, SiteSync> sites = Map.of();

    private SyncEngine(String agentId, Map<String, SiteRuntime> runtimes) {
        this.agentId = agentId;
        this.runtimes = runtimes;
    }

    /**
     * Opens every site (migrating its state tables), syncing nothing yet.
     *
     * @throws ConfigurationRefused when two sites would print the same invoice numbers into one Cari company
     *
     * @param agentId names this agent's claims, so that several agents on one database can be told apart
     */
    public static SyncEngine open(List<SiteConfig> configs, String agentId) {
        Map<String, SiteRuntime> runtimes = new LinkedHashMap<>();
        try {
            for (SiteConfig config : configs) {
                runtimes.put(config.id(), SiteRuntime.open(config));
            }
            runtimes.values().forEach(SyncEngine::checkTriggerStatuses);
            List<SharedNumbering.Overlap> overlaps = SharedNumbering.overlaps(numberings(runtimes).values());
            List<String> refused = overlaps.stream().filter(o -> !o.onPurpose()).map(SharedNumbering.Overlap::problem)
                    .toList();
            if (!refused.isEmpty()) {
                throw new ConfigurationRefused(String.join("; ", refused));
            }
            overlaps.forEach(o -> LOG.log(System.Logger.Level.WARNING, o.warning()));
        } catch (RuntimeException e) {
            runtimes.values().forEach(SiteRuntime::close);
            throw e;
        }
        return new SyncEngine(agentId, runtimes);
    }

    /** A configured trigger status the shop does not have stops the start: the trigger would never fire. */
    private static void checkTriggerStatuses(SiteRuntime runtime) {
        ShopStatuses shop = ShopStatuses.of(runtime.state().hooks().find());
        List<String> unknown = shop.unknown(runtime.config().policy().triggerStatuses());
        if (!unknown.isEmpty()) {
            throw new ConfigurationRefused("site " + runtime.id() + ": sync.trigger-statuses: " + shop.explain(unknown)
                    + "; fix sync.trigger-statuses");
        }
    }

    /**
     * Why {@code siteId} may not take these settings: its invoice numbers would coincide with another site's in
     * one Cari company ({@link SharedNumbering}); empty when it may.
     */
    public Optional<String> numberingConflict(String siteId, SiteSettings candidate) {
        SiteRuntime runtime = runtimes.get(siteId);
        if (runtime == null) {
            return Optional.empty();
        }
        return SharedNumbering.overlaps(SharedNumbering.with(numberings(runtimes),
                        SharedNumbering.Numbering.of(runtime.config(), candidate))).stream()
                .filter(o -> o.involves(siteId) && !o.onPurpose())
                .map(SharedNumbering.Overlap::problem)
                .findFirst();
    }

    private static Map<String, SharedNumbering.Numbering> numberings(Map<String, SiteRuntime> runtimes) {
        Map<String, SharedNumbering.Numbering> numberings = new LinkedHashMap<>();
        runtimes.forEach((id, runtime) -> numberings.put(id,
                SharedNumbering.Numbering.of(runtime.config(), runtime.settings())));
        return numberings;
    }

    /**
     * The trigger statuses the site syncs by now (without {@code wc-}), the configured ones or the dashboard's;
     * empty for a site this agent does not sync.
     */
    public List<String> triggerStatuses(String siteId) {
        SiteRuntime runtime = runtimes.get(siteId);
        return runtime == null ? List.of() : runtime.policy().triggerStatuses();
    }

    /** {@link #open} and {@link #start} without hooks: for an agent that has no bridge (demo, benchmarks, tests). */
    public static SyncEngine start(List<SiteConfig> configs, String agentId, boolean polling) {
        return open(configs, agentId).start(polling, SyncHooks.NONE);
    }

    /** Each opened site's state, by site id: what is stored per site besides the sync (e.g. hook registrations). */
    public Map<String, AgentState> states() {
        Map<String, AgentState> states = new LinkedHashMap<>();
        runtimes.forEach((id, runtime) -> states.put(id, runtime.state()));
        return states;
    }

    /**
     * Starts every site's worker, poller and cleanup, applying {@code hooks}.
     *
     * @param polling false to rely on notify, manual sync and backfills alone
     */
    public synchronized SyncEngine start(boolean polling, SyncHooks hooks) {
        if (!sites.isEmpty()) {
            throw new IllegalStateException("the sync engine is started already");
        }
        Map<String, SiteSync> started = new LinkedHashMap<>();
        runtimes.forEach((id, runtime) -> started.put(id, new SiteSync(runtime, agentId, hooks)));
        started.values().forEach(s -> s.start(polling));
        sites = started;
        return this;
    }

    /** The started site; empty for a site this agent does not sync, and before {@link #start}. */
    public Optional<SiteSync> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    public Collection<SiteSync> sites() {
        return sites.values();
    }

    @Override
    public synchronized void close() {
        if (sites.isEmpty()) {
            runtimes.values().forEach(SiteRuntime::close);
        } else {
            sites.values().forEach(SiteSync::close);
        }
    }
}
