package com.caricomtr.agent.woo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Loads complete orders of one site from one storage, in batches that cost a fixed number of SQL statements
 * whatever their size: the order ids, the headers (with addresses), the order meta, the items, their meta and
 * the products, plus an index-only look at where each meta table holds the batch's rows ({@link MetaSpan}): eight,
 * and the tax rates once per reader. No statement is issued per order.
 *
 * <p>An order whose data is unusable is rejected with the field that made it so; the rest of the batch loads.
 * Thread-safe: each call takes its own connection.
 */
public final class OrderReader {
    private final DataSource dataSource;
    private final TablePrefix prefix;
    private final OrderStorage storage;
    private final ReaderSettings settings;
    private final OrderSource source;
    private final Sql sql = new Sql();
    private static final int BATCHES_IN_FLIGHT = 2;
    /** WooCommerce shows items in the order they were added. */
    private static final java.util.Comparator<RawItem> ITEM_ORDER = java.util.Comparator.comparingLong(i -> i.id);
    private volatile TaxRateTable rates;

    private OrderReader(DataSource dataSource, TablePrefix prefix, OrderStorage storage, ReaderSettings settings) {
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.storage = storage;
        this.settings = settings;
        this.source = storage == OrderStorage.HPOS
                ? new HposOrderSource(prefix, settings)
                : new PostsOrderSource(prefix, settings);
    }

    /** A reader of the given storage (normally the site's authoritative one, see {@link StorageDetector}). */
    public static OrderReader create(DataSource dataSource, TablePrefix prefix, OrderStorage storage,
                                     ReaderSettings settings) {
        return new OrderReader(dataSource, prefix, storage, settings);
    }

    public OrderStorage storage() {
        return storage;
    }

    /** SQL statements issued so far by this reader. */
    public long statementCount() {
        return sql.statements();
    }

    /** Up to {@code limit} order ids above {@code afterId}, ascending (refunds are not orders). */
    public List<Long> orderIds(long afterId, int limit) {
        List<Long> ids = new ArrayList<>(Math.min(limit, 10_000));
        try (Connection c = dataSource.getConnection()) {
            sql.query(c, source.idQuery(afterId, limit), rs -> ids.add(rs.getLong(1)));
        } catch (SQLException e) {
            throw new WooReadException("cannot list orders of " + prefix + " (" + storage + ")", e);
        }
        return ids;
    }

    /** Loads the given orders; ids that are not orders of this storage come back as rejections. */
    public LoadResult load(Collection<Long> orderIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(orderIds));
        if (ids.isEmpty()) {
            return new LoadResult(List.of(), List.of());
        }
        Map<Long, RawOrder> orders;
        Map<Long, ProductInfo> products;
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            TaxRateTable rateTable = rates(c);
            orders = source.loadHeaders(c, sql, ids);
            Map<Long, RawOrder> owners = new HashMap<>();
            for (RawOrder order : orders.values()) {
                owners.put(order.id, order);
                order.refunds.forEach(r -> owners.put(r.id, r));
            }
            loadItems(c, owners);
            products = loadProducts(c, owners.values());
            return assemble(ids, orders, new OrderAssembler(settings, new ItemAssembler(products, rateTable)));
        } catch (SQLException e) {
            throw new WooReadException("cannot load orders " + summary(ids) + " of " + prefix + " (" + storage + ")", e);
        }
    }

    /**
     * Reads every order, batch by batch, handing each batch's result to {@code consumer} in id order. The next
     * batch loads while the current one is assembled and consumed: the database server and the agent then work
     * at the same time instead of taking turns.
     */
    public void readAll(Consumer<LoadResult> consumer) {
        try (ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor()) {
            Deque<Future<LoadResult>> inFlight = new ArrayDeque<>();
            long after = 0;
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < BATCHES_IN_FLIGHT) {
                    List<Long> ids = orderIds(after, settings.batchSize());
                    if (ids.isEmpty()) {
                        more = false;
                    } else {
                        after = ids.getLast();
                        inFlight.add(loader.submit(() -> load(ids)));
                    }
                }
                if (!inFlight.isEmpty()) {
                    consumer.accept(await(inFlight.removeFirst()));
                }
            }
        }
    }

    private static LoadResult await(Future<LoadResult> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading orders", e);
        }
    }

    private LoadResult assemble(List<Long> ids, Map<Long, RawOrder> raw, OrderAssembler assembler) {
        List<Order> loaded = new ArrayList<>(raw.size());
        List<Rejection> rejected = new ArrayList<>();
        for (Long id : ids) {
            RawOrder order = raw.get(id);
            if (order == null) {
                rejected.add(new Rejection(id, "id", "no order with this id in " + storage + " storage"));
                continue;
            }
            try {
                loaded.add(assembler.assemble(order));
            } catch (OrderDataException e) {
                rejected.add(new Rejection(id, e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                // A bug must not cost the rest of the batch; the rejection says what happened.
                rejected.add(new Rejection(id, "order", "unexpected " + e));
            }
        }
        return new LoadResult(loaded, rejected);
    }

    /**
     * Items, then their meta, in two statements: joining them would repeat each item's name on every meta row and
     * force a sort, which measured twice as slow.
     */
    private void loadItems(Connection c, Map<Long, RawOrder> owners) throws SQLException {
        if (owners.isEmpty()) {
            return;
        }
        Map<Long, RawItem> byId = new HashMap<>();
        sql.query(c, "SELECT order_id, order_item_id, order_item_type, order_item_name FROM "
                + prefix.table("woocommerce_order_items") + " WHERE order_id IN (" + Sql.idList(owners.keySet())
                + ")", rs -> {
                    RawItem item = new RawItem(rs.getLong(2), rs.getString(3), rs.getString(4));
                    RawOrder owner = owners.get(rs.getLong(1));
                    if (owner != null) {
                        byId.put(item.id, item);
                        owner.items.add(item);
                    }
                });
        if (byId.isEmpty()) {
            return;
        }
        for (RawOrder owner : owners.values()) {
            owner.items.sort(ITEM_ORDER);
        }
        MetaSpan.read(c, sql, prefix.table("woocommerce_order_itemmeta"), "meta_id", "order_item_id",
                " m JOIN " + prefix.table("woocommerce_order_items") + " i ON i.order_item_id = m.order_item_id"
                        + " WHERE i.order_id IN (" + Sql.idList(owners.keySet()) + ")", rs -> {
                    RawItem item = byId.get(rs.getLong(1));
                    ItemMeta key = item == null ? null : ItemMeta.of(rs.getString(2));
                    String value = key == null ? null : rs.getString(3);
                    if (value != null) {
                        item.put(key, value);
                    }
                });
    }

    private Map<Long, ProductInfo> loadProducts(Connection c, Collection<RawOrder> owners) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        for (RawOrder owner : owners) {
            for (RawItem item : owner.items) {
                if ("line_item".equals(item.type)) {
                    addId(ids, item.meta(ItemMeta.PRODUCT_ID));
                    addId(ids, item.meta(ItemMeta.VARIATION_ID));
                }
            }
        }
        Map<Long, ProductInfo> products = new HashMap<>();
        if (ids.isEmpty()) {
            return products;
        }
        sql.query(c, "SELECT p.ID, p.post_type, p.post_parent, m.meta_value FROM " + prefix.table("posts")
                + " p LEFT JOIN " + prefix.table("postmeta") + " m ON m.post_id = p.ID AND m.meta_key = '_sku'"
                + " WHERE p.ID IN (" + Sql.idList(ids) + ")", rs -> {
                    String sku = rs.getString(4);
                    products.putIfAbsent(rs.getLong(1), new ProductInfo(rs.getLong(1), rs.getString(2),
                            rs.getLong(3), sku == null ? "" : sku.strip()));
                });
        return products;
    }

    private static void addId(Set<Long> ids, String text) {
        if (text == null) {
            return;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                ids.add(id);
            }
        } catch (NumberFormatException e) {
            // Recorded as a problem on the line by the assembler.
        }
    }

    private TaxRateTable rates(Connection c) throws SQLException {
        TaxRateTable table = rates;
        if (table == null) {
            table = TaxRateTable.load(c, sql, prefix);
            rates = table;
        }
        return table;
    }

    private static String summary(List<Long> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.getFirst() + ".." + ids.getLast() + " (" + ids.size() + ")";
    }
}
