package com.caricomtr.agent.cari;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.caricomtr.agent.invoice.CustomerMapper;
import com.caricomtr.agent.invoice.Invoice;
import com.caricomtr.agent.invoice.InvoiceMapper;
import com.caricomtr.agent.invoice.InvoiceSettings;
import com.caricomtr.agent.invoice.MappingException;
import com.caricomtr.agent.sync.CustomerIds;
import com.caricomtr.agent.sync.InvoiceDelivery;
import com.caricomtr.agent.testing.FixtureOrders;
import com.caricomtr.agent.testing.SharedFixtures;
import com.caricomtr.agent.woo.Order;
import com.caricomtr.sandbox.admin.SandboxStats;
import com.caricomtr.sandbox.store.StoredInvoice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mappable order of every real fixture goes through the real client, over HTTP, into the real sandbox, which
 * validates it strictly and accepts it; what it stored equals WooCommerce's totals to the kuruş.
 */
class CariSandboxDeliveryTest {
    private static CariFixtures.DemoSandbox cari;

    @BeforeAll
    static void start() {
        cari = new CariFixtures.DemoSandbox();
    }

    @AfterAll
    static void stop() {
        cari.close();
    }

    static List<String> fixtures() {
        return SharedFixtures.ALL;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyMappableFixtureOrderIsAcceptedWithWooCommercesTotals(String fixture) throws Exception {
        cari.sandbox.reset();
        InvoiceMapper invoices = new InvoiceMapper(InvoiceSettings.defaults());
        CustomerMapper customers = new CustomerMapper(InvoiceSettings.defaults());
        InvoiceDelivery delivery = new InvoiceDelivery(cari.client, CustomerIds.inMemory());
        List<Order> orders = FixtureOrders.read(fixture, null).orders();
        List<Order> sent = new ArrayList<>();
        for (Order order : orders) {
            Invoice invoice;
            try {
                customers.map(order);
                invoice = invoices.map(order);
            } catch (MappingException e) {
                assertThat(e.field()).isEqualTo("billing.tckn");
                continue;
            }
            InvoiceDelivery.Outcome outcome = delivery.deliver(invoice, CariCallContext.forOrder(order.id(), 1));
            assertThat(outcome.adopted()).isFalse();
            sent.add(order);
        }

        SandboxStats stats = cari.sandbox.stats();
        assertThat(stats.rejections()).isZero();
        assertThat(stats.invoices()).isEqualTo(sent.size());
        assertThat(stats.ordersInvoicedMoreThanOnce()).isEmpty();
        assertThat(sent.size()).isGreaterThanOrEqualTo(orders.size() - orders.size() / 15);
        Map<String, StoredInvoice> byOrder = new java.util.HashMap<>();
        cari.sandbox.invoices().forEach(i -> byOrder.put(i.siparisNo().orElseThrow(), i));
        for (Order order : sent) {
            StoredInvoice stored = byOrder.get(order.number());
            assertThat(stored.amount("genel_toplam")).as("order %d", order.id())
                    .isEqualByComparingTo(order.totals().total());
            assertThat(stored.amount("kdv_toplam")).as("order %d", order.id())
                    .isEqualByComparingTo(order.totals().totalTax());
        }

        // Sending the same invoice again is answered "exists" and adopted as the same invoice.
        Order first = sent.getFirst();
        InvoiceDelivery.Outcome again = delivery.deliver(invoices.map(first), CariCallContext.forOrder(first.id(), 2));
        assertThat(again.adopted()).isTrue();
        assertThat(again.cariInvoiceId()).isEqualTo(byOrder.get(first.number()).id());
        assertThat(cari.sandbox.stats().invoices()).isEqualTo(sent.size());
    }
}
