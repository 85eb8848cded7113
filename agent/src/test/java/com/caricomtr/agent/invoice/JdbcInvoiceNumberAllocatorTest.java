package com.caricomtr.agent.invoice;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.caricomtr.agent.db.DatabaseSettings;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.JdbcInvoiceNumberAllocator;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.agent.woo.Order;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.invoice.OrderBuilder.KDV20;
import static com.caricomtr.agent.invoice.OrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gapless counter on a real MariaDB/MySQL, with the agent's own Flyway migration. */
class JdbcInvoiceNumberAllocatorTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;
    private static final String SITE = "shop-a";

    private static JdbcConnectionPool pool;
    private static JdbcInvoiceNumberAllocator allocator;

    @BeforeAll
    static void migrate() {
        DatabaseSettings db = TestDatabase.get().newDatabase("invoice_numbers");
        pool = JdbcConnectionPool.open(db);
        AgentStateSchema.migrate(pool.dataSource(), StateLocation.inWordPressDatabase("wp_"));
        allocator = new JdbcInvoiceNumberAllocator(pool.dataSource(), "wp_", SITE);
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void sequencesStartAtOneAndCountUp() {
        assertThat(LongStream.rangeClosed(1, 3).map(order -> allocator.allocate(100 + order, "ONE", 2025).sequence()))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void anOrderKeepsItsFirstAssignment() {
        InvoiceNumberAssignment first = allocator.allocate(200, "TWO", 2025);

        assertThat(allocator.allocate(200, "TWO", 2025)).isEqualTo(first);
        assertThat(allocator.allocate(200, "XYZ", 2026)).as("settings changed since").isEqualTo(first);
        assertThat(allocator.find(200)).contains(first);
        assertThat(allocator.find(201)).isEmpty();
        assertThat(allocator.allocate(201, "TWO", 2025).sequence()).isEqualTo(2);
    }

    @Test
    void eachSeriesAndYearHasItsOwnCounter() {
        assertThat(allocator.allocate(300, "THR", 2025).sequence()).isEqualTo(1);
        assertThat(allocator.allocate(301, "THR", 2026).sequence()).isEqualTo(1);
        assertThat(allocator.allocate(302, "THS", 2025).sequence()).isEqualTo(1);
        assertThat(allocator.allocate(303, "THR", 2025).sequence()).isEqualTo(2);
        // Series compare byte for byte, not with the database's case-insensitive collation.
        assertThat(allocator.allocate(304, "thr", 2025).sequence()).isEqualTo(1);
    }

    @Test
    void concurrentAllocationsNeitherSkipNorDuplicate() throws Exception {
        Map<Long, Long> sequenceByOrder = new ConcurrentHashMap<>();
        runConcurrently(thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                long orderId = 10_000 + thread * PER_THREAD + i;
                sequenceByOrder.put(orderId, allocator.allocate(orderId, "CON", 2025).sequence());
            }
        });

        assertThat(sequenceByOrder).hasSize(THREADS * PER_THREAD);
        assertThat(new HashSet<>(sequenceByOrder.values()))
                .isEqualTo(LongStream.rangeClosed(1, THREADS * PER_THREAD).boxed().collect(Collectors.toSet()));
        assertThat(count("SELECT COUNT(*) FROM wp_caricomtr_invoice_numbers WHERE series = 'CON'"))
                .isEqualTo(THREADS * PER_THREAD);
        assertThat(count("SELECT next_value FROM wp_caricomtr_invoice_counters WHERE series = 'CON'"))
                .isEqualTo(THREADS * PER_THREAD + 1);
    }

    @Test
    void concurrentRetriesOfTheSameOrdersAgreeOnOneNumberEach() throws Exception {
        int orders = 150;
        Map<Long, Set<Long>> seen = new ConcurrentHashMap<>();
        runConcurrently(thread -> {
            List<Long> ids = new ArrayList<>(LongStream.range(50_000, 50_000 + orders).boxed().toList());
            Collections.shuffle(ids, new Random(thread));
            for (long orderId : ids) {
                long sequence = allocator.allocate(orderId, "RTR", 2025).sequence();
                seen.computeIfAbsent(orderId, o -> ConcurrentHashMap.newKeySet()).add(sequence);
            }
        });

        assertThat(seen).hasSize(orders);
        assertThat(seen.values()).allSatisfy(numbers -> assertThat(numbers).hasSize(1));
        assertThat(seen.values().stream().map(s -> s.iterator().next()).collect(Collectors.toSet()))
                .isEqualTo(LongStream.rangeClosed(1, orders).boxed().collect(Collectors.toSet()));
    }

    @Test
    void aCounterBehindTheAssignedNumbersFailsLoudly() throws Exception {
        allocator.allocate(400, "BHD", 2025);
        allocator.allocate(401, "BHD", 2025);
        execute("UPDATE wp_caricomtr_invoice_counters SET next_value = 2 WHERE series = 'BHD'");

        assertThatThrownBy(() -> allocator.allocate(402, "BHD", 2025)).isInstanceOf(NumberAllocationException.class)
                .hasMessageContaining("behind");
        assertThat(allocator.find(402)).isEmpty();
    }

    @Test
    void mapperWithGaplessNumberingReusesTheNumberOnRetry() {
        InvoiceMapper mapper = new InvoiceMapper(InvoiceSettings.defaults().withSeries("GAP")
                .withNumbering(NumberingStrategy.GAPLESS_COUNTER), allocator, ExchangeRates.NONE);
        Order good = order(500).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0").total("120")
                .createdAt("2025-03-01T10:00:00Z").build();
        Order bad = order(501).item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0").total("999")
                .createdAt("2025-03-01T10:00:00Z").build();
        Order next = order(502).number("custom-502").item("Kahve", "1", "100", KDV20, "20")
                .taxLine(KDV20, "20", "0").total("120").createdAt("2025-03-02T10:00:00Z").build();

        Invoice first = mapper.map(good);
        assertThatThrownBy(() -> mapper.map(bad)).isInstanceOf(MappingException.class);
        Invoice retried = mapper.map(good);
        Invoice following = mapper.map(next);

        assertThat(first.number()).isEqualTo("GAP2025000000001");
        assertThat(retried.number()).isEqualTo(first.number());
        assertThat(allocator.find(501)).as("a failed mapping takes no number").isEmpty();
        assertThat(following.number()).as("custom order numbers are fine with a counter")
                .isEqualTo("GAP2025000000002");
    }

    @Test
    void sitesSharingTheTablesNeitherShareCountersNorAssignments() throws Exception {
        JdbcInvoiceNumberAllocator other = new JdbcInvoiceNumberAllocator(pool.dataSource(), "wp_", "shop-b");

        InvoiceNumberAssignment mine = allocator.allocate(600, "SIT", 2025);
        assertThat(other.find(600)).as("same order id, other site").isEmpty();
        InvoiceNumberAssignment theirs = other.allocate(600, "SIT", 2025);
        InvoiceNumberAssignment theirNext = other.allocate(601, "SIT", 2025);

        assertThat(mine.sequence()).isEqualTo(1);
        assertThat(theirs.sequence()).as("shop-b's own counter").isEqualTo(1);
        assertThat(theirNext.sequence()).isEqualTo(2);
        assertThat(allocator.allocate(602, "SIT", 2025).sequence()).isEqualTo(2);
        assertThat(allocator.find(600)).contains(mine);
        assertThat(count("SELECT COUNT(*) FROM wp_caricomtr_invoice_counters WHERE series = 'SIT'")).isEqualTo(2);
    }

    @Test
    void concurrentAllocationsOfTwoSitesStayGaplessEach() throws Exception {
        JdbcInvoiceNumberAllocator other = new JdbcInvoiceNumberAllocator(pool.dataSource(), "wp_", "shop-b");
        Map<String, Set<Long>> sequences = new ConcurrentHashMap<>();
        runConcurrently(thread -> {
            JdbcInvoiceNumberAllocator mine = thread % 2 == 0 ? allocator : other;
            for (int i = 0; i < 50; i++) {
                long orderId = 70_000 + (thread / 2) * 50 + i;
                sequences.computeIfAbsent(thread % 2 == 0 ? SITE : "shop-b", s -> ConcurrentHashMap.newKeySet())
                        .add(mine.allocate(orderId, "TWS", 2025).sequence());
            }
        });

        Set<Long> expected = LongStream.rangeClosed(1, THREADS / 2 * 50).boxed().collect(Collectors.toSet());
        assertThat(sequences.get(SITE)).isEqualTo(expected);
        assertThat(sequences.get("shop-b")).isEqualTo(expected);
    }

    @Test
    void tablePrefixAndSiteIdAreCheckedBeforeTheyReachSql() {
        assertThatThrownBy(() -> new JdbcInvoiceNumberAllocator(pool.dataSource(), "wp_; DROP TABLE x", SITE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcInvoiceNumberAllocator(pool.dataSource(), "wp_", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcInvoiceNumberAllocator(pool.dataSource(), "wp_", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private interface PerThread {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(PerThread work) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    work.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
