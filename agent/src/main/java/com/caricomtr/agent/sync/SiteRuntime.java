package com.caricomtr.agent.sync;


import com.caricomtr.agent.cari.CariClient;
import com.caricomtr.agent.cari.CariExchangeListener;
import com.caricomtr.agent.cari.LoggingExchangeListener;
import com.caricomtr.agent.config.ConfigurationRefused;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.invoice.CustomerMapper;
import com.caricomtr.agent.invoice.ExchangeRates;
import com.caricomtr.agent.invoice.InvoiceMapper;
import com.caricomtr.agent.sync.state.JdbcInvoiceNumberAllocator;
import com.caricomtr.agent.sync.state.AgentState;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.ApiLogEntry;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.woo.OrderChanges;
import com.caricomtr.agent.woo.OrderReader;
import com.caricomtr.agent.woo.ReaderSettings;
import com.caricomtr.agent.woo.ShopTables;
import com.caricomtr.agent.woo.StorageDetector;
import com.caricomtr.agent.woo.StorageMode;

/**
 * Everything the agent holds for one site: its database pool, the reader of its authoritative storage, its state
 * stores, its mappers and its Cari client. Built once per site at start.
 */
public final class SiteRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SiteRuntime.class.getName());

    private final SiteConfig config;
    private final JdbcConnectionPool pool;
    private final StorageMode storage;
    private final OrderReader reader;
    private final OrderChanges changes;
    private final AgentState state;
    private final StateLocation location;
    private final CariExchangeListener exchangeLog;
    private final ApiLogWriter apiLog;
    private volatile SiteSettings settings;
    private volatile InvoiceMapper invoices;
    private volatile CustomerMapper customers;
    private volatile CariClient client;
    private volatile InvoiceDelivery delivery;
    private volatile SyncPolicy policy;

    private SiteRuntime(SiteConfig config, JdbcConnectionPool pool) {
        this.config = config;
        this.pool = pool;
        this.storage = detect();
        this.reader = OrderReader.create(pool.dataSource(), config.prefix(), storage.authoritative(),
                ReaderSettings.DEFAULTS.withBatchSize(200));
        this.changes = new OrderChanges(pool.dataSource(), config.prefix(), storage.authoritative());
        this.location = new StateLocation(config.stateSchema(), config.prefix().value());
        AgentStateSchema.Result migrated = AgentStateSchema.migrate(pool.dataSource(), location);
        if (migrated.migrationsApplied() > 0) {
            LOG.log(System.Logger.Level.INFO, "site " + config.id() + ": the agent's tables ("
                    + (location.separateSchema() ? location.schema() + "." : "") + location.tablePrefix()
                    + "caricomtr_*) migrated to version " + migrated.schemaVersion() + " (" + migrated.migrationsApplied()
                    + " migrations)");
        }
        this.state = AgentState.open(pool.dataSource(), location, config.id());
        LoggingExchangeListener log = new LoggingExchangeListener();
        this.apiLog = new ApiLogWriter(state.apiLog(), config.id());
        // Every exchange goes to the site's API log; the process log gets the failures, not every body.
        this.exchangeLog = exchange -> {
            if (!exchange.succeeded()) {
                log.onExchange(exchange);
            }
            apiLog.add(ApiLogEntry.from(exchange));
        };
        apply(SiteSettings.of(config).with(storedSettings()));
    }

    private java.util.Map<String, String> storedSettings() {
        java.util.Map<String, String> stored = new java.util.HashMap<>(state.settings().getAll());
        stored.keySet().retainAll(SiteSettings.NAMES);
        if (!SiteSettings.validate(stored, config.invoice().gibStyleNumber()).isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "site " + config.id() + ": stored settings are invalid; using the"
                    + " configured ones");
            return java.util.Map.of();
        }
        return stored;
    }

    /**
     * Puts settings into effect at once: new mappers, a new Cari client when the firma kodu changed, the new trigger
     * statuses and retention. Deliveries under way finish with what they started with.
     */
    public synchronized void apply(SiteSettings newSettings) {
        var invoiceSettings = newSettings.applyTo(config.invoice());
        this.invoices = new InvoiceMapper(invoiceSettings,
                new JdbcInvoiceNumberAllocator(pool.dataSource(), location, config.id()), ExchangeRates.NONE);
        this.customers = new CustomerMapper(invoiceSettings);
        if (client == null || !newSettings.firmaKodu().equals(settings.firmaKodu())) {
            CariClient old = client;
            var cari = config.cari();
            this.client = CariClient.forSite(config.id(), new com.caricomtr.agent.cari.CariSettings(cari.baseUrl(),
                    newSettings.firmaKodu(), cari.apiToken(), cari.connectTimeout(), cari.readTimeout(),
                    cari.writeTimeout(), cari.callTimeout(), cari.maxIdleConnections(), cari.keepAlive(),
                    cari.maxConcurrentCalls()), exchangeLog);
            this.delivery = new InvoiceDelivery(client, new CachedCustomerIds(state.customers(), cari.baseUrl(),
                    newSettings.firmaKodu(), customerLockWait(config.policy())));
            if (old != null) {
                old.close();
            }
        }
        this.policy = newSettings.applyTo(policy == null ? config.policy() : policy);
        this.settings = newSettings;
    }

    /** A delivery waiting for a customer gives up well within its order's lease: put back, it keeps its order. */
    private static java.time.Duration customerLockWait(SyncPolicy policy) {
        java.time.Duration halfLease = policy.lease().dividedBy(2);
        return halfLease.compareTo(CustomerIds.LOCK_WAIT) < 0 ? halfLease : CustomerIds.LOCK_WAIT;
    }

    public SiteSettings settings() {
        return settings;
    }

    /**
     * @throws ConfigurationRefused when the site's database cannot be reached or holds no WooCommerce shop under its
     *                              prefix, naming the site and the setting to fix
     */
    public static SiteRuntime open(SiteConfig config) {
        JdbcConnectionPool pool = connect(config);
        try {
            return new SiteRuntime(config, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The site's pool; a database that cannot be reached is refused, naming the site and what to check. */
    static JdbcConnectionPool connect(SiteConfig config) {
        var db = config.database();
        try {
            return JdbcConnectionPool.open(db);
        } catch (RuntimeException e) {
            throw new ConfigurationRefused("site " + config.id() + ": cannot connect to " + db.jdbcUrl() + " as "
                    + db.user() + ": " + rootMessage(e) + " (check database.url, database.user and the password)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }

    private StorageMode detect() {
        try (var c = pool.dataSource().getConnection()) {
            ShopTables.check(c, config.prefix(), config.id());
            return StorageDetector.detect(c, config.prefix());
        } catch (java.sql.SQLException e) {
            throw new ConfigurationRefused("site " + config.id() + ": cannot read WooCommerce's options: "
                    + e.getMessage());
        }
    }

    public String id() {
        return config.id();
    }

    public SiteConfig config() {
        return config;
    }

    public StorageMode storage() {
        return storage;
    }

    public OrderReader reader() {
        return reader;
    }

    public OrderChanges changes() {
        return changes;
    }

    public AgentState state() {
        return state;
    }

    public InvoiceMapper invoices() {
        return invoices;
    }

    public CustomerMapper customers() {
        return customers;
    }

    public CariClient client() {
        return client;
    }

    public InvoiceDelivery delivery() {
        return delivery;
    }

    public SyncPolicy policy() {
        return policy;
    }

    @Override
    public void close() {
        client.close();
        apiLog.close();
        pool.close();
    }
}
