package com.caricomtr.agent.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.caricomtr.agent.config.ConfigurationRefused;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.woo.SiteDiscovery;
import com.caricomtr.agent.woo.WooSite;

/**
 * The agent's sync: one {@link SiteSync} per configured site, and per blog of each configured multisite network
 * ({@link NetworkConfig}), a network's new blogs joining while it runs. Built in two steps, so that what applies the
 * shop's hooks can be built over the sites' state in between: {@link #open} the sites, then {@link #start} them.
 */
public final class SyncEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SyncEngine.class.getName());
    /** How long {@link #close()} lets each site's deliveries under way finish before giving them back. */
    public static final java.time.Duration STOP_GRACE = SyncWorker.STOP_GRACE;
    private final String agentId;
    private final List<NetworkConfig> networks;
    /** Replaced as a whole when a blog joins, so that readers never lock. */
    private volatile Map<String, SiteRuntime> runtimes;
    private volatile Map<String, SiteSync> sites = Map.of();
    private final List<Consumer<SiteRuntime>> siteListeners = new CopyOnWriteArrayList<>();
    private final List<Thread> watchers = new CopyOnWriteArrayList<>();
    private boolean polling;
    private SyncHooks hooks;
    private volatile boolean closed;

    private SyncEngine(String agentId, Map<String, SiteRuntime> runtimes, List<NetworkConfig> networks) {
        this.agentId = agentId;
        this.runtimes = runtimes;
        this.networks = List.copyOf(networks);
    }

    /**
     * Opens every site (migrating its state tables), syncing nothing yet.
     *
     * @throws ConfigurationRefused when two sites would print the same invoice numbers into one Cari company
     *
     * @param agentId names this agent's claims, so that several agents on one database can be told apart
     */
    public static SyncEngine open(List<SiteConfig> configs, String agentId) {
        return open(configs, List.of(), agentId);
    }

    /**
     * As {@link #open(List, String)}, with each network's blogs found now.
     *
     * @throws ConfigurationRefused also when a network has no blog with WooCommerce tables
     */
    public static SyncEngine open(List<SiteConfig> singleSites, List<NetworkConfig> networks, String agentId) {
        List<SiteConfig> configs = new ArrayList<>(singleSites);
        for (NetworkConfig network : networks) {
            List<SiteConfig> blogs = blogs(network);
            if (blogs.isEmpty()) {
                throw new ConfigurationRefused("network " + network.entry().id() + ": no blog of it has WooCommerce"
                        + " tables under the prefix " + network.entry().prefix().value() + ": check prefix, or"
                        + " that WooCommerce is active on a blog");
            }
            configs.addAll(blogs);
        }
        Map<String, SiteRuntime> runtimes = new LinkedHashMap<>();
        try {
            for (SiteConfig config : configs) {
                runtimes.put(config.id(), SiteRuntime.open(config));
            }
            runtimes.values().forEach(SyncEngine::checkTriggerStatuses);
            List<SharedNumbering.Overlap> overlaps = SharedNumbering.overlaps(numberings(runtimes, networks)
                    .values());
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
        return new SyncEngine(agentId, runtimes, networks);
    }

    /** The network's blogs with WooCommerce tables, as sites. */
    private static List<SiteConfig> blogs(NetworkConfig network) {
        try (JdbcConnectionPool pool = SiteRuntime.connect(network.entry())) {
            List<SiteConfig> blogs = new ArrayList<>();
            for (WooSite blog : SiteDiscovery.discover(pool.dataSource(), network.entry().prefix())) {
                blogs.add(network.blog(blog.blogId(), blog.prefix()));
            }
            return blogs;
        }
    }

    /** The secret each site's bridge signs with, by site id: the configured ones and each blog's, derived. */
    public Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        runtimes.forEach((id, runtime) -> secrets.put(id, runtime.config().secret()));
        return secrets;
    }

    /** Called with each site that joins after {@link #open}: a network's new blog. */
    public void onSiteAdded(Consumer<SiteRuntime> listener) {
        siteListeners.add(listener);
    }

    /**
     * A blog found after the start joins: opened, told to the listeners (its secret, its hook registrations), and
     * started like the others. A blog that cannot be opened is tried again at the next look.
     */
    private synchronized void add(SiteConfig blog) {
        if (closed || runtimes.containsKey(blog.id())) {
            return;
        }
        SiteRuntime runtime;
        try {
            runtime = SiteRuntime.open(blog);
            checkTriggerStatuses(runtime);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "site " + blog.id() + " (a new blog): not served yet: "
                    + e.getMessage());
            return;
        }
        Map<String, SiteRuntime> more = new LinkedHashMap<>(runtimes);
        more.put(blog.id(), runtime);
        runtimes = more;
        siteListeners.forEach(listener -> listener.accept(runtime));
        if (hooks != null) {
            SiteSync sync = new SiteSync(runtime, agentId, hooks);
            sync.start(polling);
            Map<String, SiteSync> started = new LinkedHashMap<>(sites);
            started.put(blog.id(), sync);
            sites = started;
        }
        LOG.log(System.Logger.Level.INFO, "site " + blog.id() + ": a new blog of its network (tables "
                + blog.prefix().value() + "*), served from now on");
    }

    /** Looks at a network again every {@code rediscoverEvery} for blogs that were not there before. */
    private void watch(NetworkConfig network) {
        while (!closed) {
            try {
                Thread.sleep(network.rediscoverEvery());
                for (SiteConfig blog : blogs(network)) {
                    if (!runtimes.containsKey(blog.id())) {
                        add(blog);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "network " + network.entry().id() + ": cannot look for new"
                        + " blogs: " + e.getMessage());
            }
        }
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
        return SharedNumbering.overlaps(SharedNumbering.with(numberings(runtimes, networks),
                        SharedNumbering.Numbering.of(runtime.config(), candidate, networkOf(siteId, networks))))
                .stream()
                .filter(o -> o.involves(siteId) && !o.onPurpose())
                .map(SharedNumbering.Overlap::problem)
                .findFirst();
    }

    private static Map<String, SharedNumbering.Numbering> numberings(Map<String, SiteRuntime> runtimes,
                                                                     List<NetworkConfig> networks) {
        Map<String, SharedNumbering.Numbering> numberings = new LinkedHashMap<>();
        runtimes.forEach((id, runtime) -> numberings.put(id,
                SharedNumbering.Numbering.of(runtime.config(), runtime.settings(), networkOf(id, networks))));
        return numberings;
    }

    private static String networkOf(String siteId, List<NetworkConfig> networks) {
        return networks.stream().filter(n -> n.owns(siteId)).map(n -> n.entry().id()).findFirst().orElse(null);
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
        this.polling = polling;
        this.hooks = hooks;
        for (NetworkConfig network : networks) {
            watchers.add(Thread.ofVirtual().name("network-" + network.entry().id()).start(() -> watch(network)));
        }
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
        closed = true;
        watchers.forEach(Thread::interrupt);
        if (sites.isEmpty()) {
            runtimes.values().forEach(SiteRuntime::close);
        } else {
            sites.values().forEach(SiteSync::close);
        }
    }
}
