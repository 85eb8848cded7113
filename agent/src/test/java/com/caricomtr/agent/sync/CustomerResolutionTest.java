package com.caricomtr.agent.sync;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.caricomtr.agent.cari.CariCallContext;
import com.caricomtr.agent.cari.CariClient;
import com.caricomtr.agent.cari.CariException;
import com.caricomtr.agent.cari.CariExchange;
import com.caricomtr.agent.cari.CariExchangeListener;
import com.caricomtr.agent.cari.CariSettings;
import com.caricomtr.agent.cari.FailureClass;
import com.caricomtr.agent.db.JdbcConnectionPool;
import com.caricomtr.agent.invoice.CustomerRecord;
import com.caricomtr.agent.invoice.CustomerType;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceLine;
import com.caricomtr.agent.invoice.LineKind;
import com.caricomtr.agent.invoice.TaxSummary;
import com.caricomtr.agent.sync.state.AgentStateSchema;
import com.caricomtr.agent.sync.state.CustomerCache;
import com.caricomtr.agent.sync.state.CustomerLockTimeout;
import com.caricomtr.agent.sync.state.StateLocation;
import com.caricomtr.agent.testing.TestDatabase;
import com.caricomtr.sandbox.CariSandbox;
import com.caricomtr.sandbox.SandboxOptions;
import com.caricomtr.sandbox.faults.FaultSettings;
import com.caricomtr.sandbox.store.StoredCustomer;
import com.caricomtr.sandbox.store.StoredInvoice;
import com.caricomtr.sandbox.traffic.RequestRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Deliveries of invoices of one new buyer (one customer key) through {@link InvoiceDelivery}, sixteen at once, over
 * HTTP into the real sandbox, with the customer cache on the real database: one buyer is one customer in Cari,
 * whether Cari refuses duplicates or not.
 */
class CustomerResolutionTest {
    private static final int DELIVERIES = 16;
    private static final String BASE_SITE = "shop";

    private JdbcConnectionPool pool;
    private CustomerCache cache;
    private CariSandbox sandbox;
    private CariClient client;

    @BeforeEach
    void database() {
        pool = JdbcConnectionPool.open(TestDatabase.get().newDatabase("customer_resolution"));
        StateLocation location = StateLocation.inWordPressDatabase("wp_");
        AgentStateSchema.migrate(pool.dataSource(), location);
        cache = new CustomerCache(pool.dataSource(), location, BASE_SITE);
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        pool.close();
    }

    private void start(boolean acceptDuplicates, CariExchangeListener listener) {
        sandbox = CariSandbox.start(SandboxOptions.builder().acceptDuplicateCustomerKeys(acceptDuplicates)
                // Enough latency that sixteen deliveries overlap in Cari, as they would against the real one.
                .faults(FaultSettings.builder().latencyMs(5, 25).build()).build());
        client = CariClient.create(CariSettings.of(sandbox.baseUrl(), "DEMO", "demo-token")
                .withConnections(DELIVERIES, Duration.ofSeconds(30), DELIVERIES)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)), listener);
    }

    private CustomerIds durable() {
        return new CachedCustomerIds(cache, sandbox.baseUrl(), "DEMO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"durable", "in-memory"})
    void sixteenConcurrentDeliveriesForOneNewBuyerMakeOneCustomer(String kind) throws Exception {
        start(true, CariExchangeListener.NONE);
        CustomerIds ids = kind.equals("durable") ? durable() : CustomerIds.inMemory();

        List<InvoiceDelivery.Outcome> outcomes = deliverAtOnce(new InvoiceDelivery(client, ids));

        assertThat(sandbox.stats().duplicateCustomerKeys()).isEmpty();
        assertThat(sandbox.customers()).hasSize(1);
        String customerId = sandbox.customers().getFirst().id();
        assertThat(outcomes).extracting(InvoiceDelivery.Outcome::cariCustomerId).containsOnly(customerId);
        assertThat(sandbox.invoices()).hasSize(DELIVERIES).extracting(StoredInvoice::cariId).containsOnly(customerId);
        assertThat(requests("POST", "/api/cariler")).as("one creation, nothing else touched the customer")
                .hasSize(1);
        assertThat(requests("GET", "/api/cariler")).hasSize(1);
        if (kind.equals("durable")) {
            assertThat(cache.find(OneBuyer.KEY).orElseThrow().cariCustomerId()).isEqualTo(customerId);
        }
    }

    /** The control: what the lock prevents is real here, and the sandbox reports it. */
    @Test
    void withoutTheLockTheSameDeliveriesMakeSixteenCustomers() throws Exception {
        start(true, new LookupsTogether(DELIVERIES));

        deliverAtOnce(new InvoiceDelivery(client, unlocked(cache)));

        assertThat(sandbox.customers()).hasSize(DELIVERIES);
        assertThat(sandbox.stats().duplicateCustomerKeys()).singleElement()
                .satisfies(repeated -> assertThat(repeated.ids()).hasSize(DELIVERIES));
    }

    /**
     * A Cari that refuses a second customer with a known key, reached by deliveries that do not share our lock (as
     * two agents whose state lives on two database servers): every delivery misses the lookup and creates; all but
     * one are answered {@code CARI_MEVCUT}, adopt the existing customer and update it with their own content.
     */
    @Test
    void aRefusedDuplicateIsAdoptedAndTheInvoicesAllPointAtTheOneCustomer() throws Exception {
        start(false, new LookupsTogether(DELIVERIES));

        List<InvoiceDelivery.Outcome> outcomes = deliverAtOnce(new InvoiceDelivery(client, unlocked(cache)));

        assertThat(sandbox.customers()).hasSize(1);
        StoredCustomer customer = sandbox.customers().getFirst();
        assertThat(outcomes).extracting(InvoiceDelivery.Outcome::cariCustomerId).containsOnly(customer.id());
        assertThat(sandbox.invoices()).hasSize(DELIVERIES).extracting(StoredInvoice::cariId)
                .containsOnly(customer.id());
        assertThat(requests("POST", "/api/cariler")).extracting(RequestRecord::status)
                .containsOnly(201, 409).filteredOn(status -> status == 409).hasSize(DELIVERIES - 1);
        assertThat(requests("PUT", "/api/cariler/" + customer.id())).hasSize(DELIVERIES - 1)
                .extracting(RequestRecord::status).containsOnly(200);
        assertThat(customer.cari()).isEqualTo(client.customerContent(buyer()));
        assertThat(cache.find(OneBuyer.KEY).orElseThrow().cariCustomerId()).isEqualTo(customer.id());
    }

    /**
     * A customer creation that may have reached Cari although we got no answer: the retried delivery finds it by its
     * key and updates it rather than creating a second one. The sandbox accepts duplicates, so a blind second
     * creation would show.
     */
    @ParameterizedTest
    @ValueSource(strings = {"customer-store-then-error", "customer-store-then-drop", "timeout-answer"})
    void aCustomerCreateThatMayHaveReachedCariIsLookedUpBeforeCreatingAgain(String fault) throws Exception {
        start(true, CariExchangeListener.NONE);
        sandbox.faults().update(sandbox.faults().settings().toBuilder().hangMs(1_500).build());
        // timeout-answer takes the next request of any kind: let the lookup through, hold the creation's answer.
        sandbox.faults().script(fault.startsWith("timeout") ? List.of("none", fault) : List.of(fault));
        InvoiceDelivery delivery = new InvoiceDelivery(client, durable());
        Invoice invoice = invoice(1);

        CariException lost = catchThrowableOfType(CariException.class,
                () -> delivery.deliver(invoice, CariCallContext.forOrder(1, 1)));

        assertThat(lost.failureClass()).isEqualTo(FailureClass.RETRYABLE);
        awaitRequests(2); // the lookup and the creation, a held one included
        assertThat(sandbox.customers()).hasSize(1);
        assertThat(sandbox.invoices()).isEmpty();
        assertThat(cache.find(OneBuyer.KEY)).as("nothing cached without an answer").isEmpty();
        int before = sandbox.requests(1000).size();

        InvoiceDelivery.Outcome retried = delivery.deliver(invoice, CariCallContext.forOrder(1, 2));

        assertThat(sandbox.customers()).hasSize(1);
        String customerId = sandbox.customers().getFirst().id();
        assertThat(retried.cariCustomerId()).isEqualTo(customerId);
        assertThat(sandbox.invoices()).singleElement().extracting(StoredInvoice::cariId).isEqualTo(customerId);
        assertThat(sandbox.requests(1000).subList(before, sandbox.requests(1000).size()))
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /api/cariler", "PUT /api/cariler/" + customerId, "POST /api/faturalar");
        assertThat(sandbox.stats().duplicateCustomerKeys()).isEmpty();
    }

    @Test
    void aKeyHeldLongerThanTheWaitIsRetryLaterAndSendsNothing() throws Exception {
        start(true, CariExchangeListener.NONE);
        CustomerIds ids = new CachedCustomerIds(cache, sandbox.baseUrl(), "DEMO", Duration.ofMillis(300));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService other = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<CustomerIds.Known> holder = other.submit(() -> ids.resolve(OneBuyer.KEY, current -> {
                held.countDown();
                awaitQuietly(release);
                return new CustomerIds.Known("C999999", "hash");
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            CustomerLockTimeout busy = catchThrowableOfType(CustomerLockTimeout.class,
                    () -> new InvoiceDelivery(client, ids).deliver(invoice(1), CariCallContext.forOrder(1, 1)));

            assertThat(busy.customerKey()).isEqualTo(OneBuyer.KEY);
            assertThat(sandbox.requests(1000)).as("nothing was sent").isEmpty();
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS).cariId()).isEqualTo("C999999");
        }
    }

    private List<InvoiceDelivery.Outcome> deliverAtOnce(InvoiceDelivery delivery) throws Exception {
        List<InvoiceDelivery.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<InvoiceDelivery.Outcome>> running = new ArrayList<>();
            for (int n = 1; n <= DELIVERIES; n++) {
                Invoice invoice = invoice(n);
                running.add(deliveries.submit(() -> {
                    start.await();
                    return delivery.deliver(invoice, CariCallContext.forOrder(invoice.orderId(), 1));
                }));
            }
            start.countDown();
            for (Future<InvoiceDelivery.Outcome> outcome : running) {
                outcomes.add(outcome.get(60, TimeUnit.SECONDS));
            }
        }
        return outcomes;
    }

    private List<RequestRecord> requests(String method, String path) {
        return sandbox.requests(1000).stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    private void awaitRequests(int count) throws InterruptedException {
        // A held answer is logged once it is sent, after the client has given up.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sandbox.requests(1000).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sandbox.requests(1000)).hasSize(count);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The durable cache without any lock: what two agents on two database servers amount to. */
    private static CustomerIds unlocked(CustomerCache cache) {
        return new CustomerIds() {
            @Override
            public Optional<Known> find(String customerKey) {
                return cache.find(customerKey).map(c -> new Known(c.cariCustomerId(), c.payloadHash()));
            }

            @Override
            public Known resolve(String customerKey, Resolver work) throws CariException {
                Known known = work.resolve(find(customerKey));
                cache.put(customerKey, known.cariId(), known.payloadHash());
                return known;
            }
        };
    }

    /** Holds every customer lookup until all deliveries have looked up: each then misses, and each creates. */
    private static final class LookupsTogether implements CariExchangeListener {
        private final CountDownLatch lookups;

        LookupsTogether(int deliveries) {
            this.lookups = new CountDownLatch(deliveries);
        }

        @Override
        public void onExchange(CariExchange exchange) {
            if (exchange.method().equals("GET") && exchange.url().contains("/cariler?")) {
                lookups.countDown();
                awaitQuietly(lookups);
            }
        }
    }

    /** The company of {@link OneBuyer}, as the customer mapper makes it. */
    static CustomerRecord buyer() {
        return new CustomerRecord(OneBuyer.KEY, CustomerType.COMPANY, "Mehmet Öztürk", "Öztürk Gıda Ltd. Şti.",
                OneBuyer.VKN, "Çankaya Vergi Dairesi", "Atatürk Bulvarı No:45 Kat 3", "Çankaya", "TR06", "06420",
                "TR", "satinalma@ozturkgida.example", "0312 444 55 66");
    }

    /** Invoice {@code n} of the buyer: order n, number WOO2025 and n in nine digits, one line of 100.00 + 20% KDV. */
    private static Invoice invoice(int n) {
        InvoiceLine line = new InvoiceLine(LineKind.PRODUCT, "Türk Kahvesi 250 g", "TK-250", BigDecimal.ONE,
                new BigDecimal("100.00"), new BigDecimal("20"), new BigDecimal("100.00"), new BigDecimal("20.00"),
                new BigDecimal("120.00"));
        return new Invoice(n, Integer.toString(n), "WOO", n, String.format("WOO2025%09d", n),
                LocalDate.of(2025, 1, 7), "TRY", null, buyer(), List.of(line), new BigDecimal("100.00"),
                List.of(new TaxSummary(new BigDecimal("20"), new BigDecimal("100.00"), new BigDecimal("20.00"))),
                new BigDecimal("20.00"), new BigDecimal("120.00"), "WooCommerce sipariş #" + n);
    }
}
