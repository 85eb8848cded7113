package com.caricomtr.agent.woo;

import java.util.Comparator;
import java.util.List;

import com.caricomtr.agent.testing.FixtureOrders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same orders read from HPOS and from posts are identical: across the {@code hpos} and {@code legacy}
 * databases, and within {@code hpos_sync}, where WooCommerce keeps both storages.
 */
class StorageIdentityTest {

    @Test
    void hposAndLegacyDatabasesYieldIdenticalOrders() {
        List<Order> hpos = comparable(FixtureOrders.read("hpos", null).orders());
        List<Order> legacy = comparable(FixtureOrders.read("legacy", null).orders());

        assertThat(hpos).hasSize(40);
        assertIdentical(hpos, legacy);
    }

    @Test
    void hposSyncReadsTheSameFromHposAndFromPosts() {
        FixtureOrders.Read fromHpos = FixtureOrders.read("hpos_sync", OrderStorage.HPOS);
        FixtureOrders.Read fromPosts = FixtureOrders.read("hpos_sync", OrderStorage.POSTS);

        assertThat(fromHpos.mode()).isEqualTo(StorageMode.HPOS_WITH_SYNC);
        assertThat(fromHpos.orders()).hasSize(40);
        assertIdentical(comparable(fromHpos.orders()), comparable(fromPosts.orders()));
    }

    private static void assertIdentical(List<Order> a, List<Order> b) {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).as("order %d", a.get(i).id()).usingRecursiveComparison().isEqualTo(a.get(i));
        }
    }

    /**
     * Drops what is a fact of the storage, not of the order: the modification time (each storage was last written
     * at a different moment) and the item ids (WooCommerce numbered shipping and tax items in another order in the
     * two databases, so only their content and their order within each list can be compared).
     */
    static List<Order> comparable(List<Order> orders) {
        return orders.stream().sorted(Comparator.comparingLong(Order::id)).map(StorageIdentityTest::strip).toList();
    }

    private static Order strip(Order o) {
        return new Order(o.id(), o.number(), o.status(), o.currency(), o.pricesIncludeTax(), o.createdAt(), null,
                o.paidAt(), o.completedAt(), o.customerId(), o.billing(), o.shipping(), o.paymentMethod(),
                o.paymentMethodTitle(), o.transactionId(), o.customerNote(), o.taxIdentity(), o.totals(),
                o.lineItems().stream().map(StorageIdentityTest::strip).toList(),
                o.shippingLines().stream().map(l -> new ShippingLine(0, l.name(), l.methodId(), l.instanceId(),
                        l.total(), l.totalTax(), l.taxes())).toList(),
                o.feeLines().stream().map(l -> new FeeLine(0, l.name(), l.taxClass(), l.taxStatus(), l.total(),
                        l.totalTax(), l.taxes())).toList(),
                o.couponLines().stream().map(l -> new CouponLine(0, l.code(), l.discount(), l.discountTax())).toList(),
                o.taxLines().stream().sorted(Comparator.comparingLong(TaxLine::rateId))
                        .map(l -> new TaxLine(0, l.rateId(), l.rateCode(), l.label(), l.compound(), l.taxAmount(),
                                l.shippingTaxAmount(), l.ratePercent())).toList(),
                o.refunds().stream().map(r -> new Refund(r.id(), r.amount(), r.reason(), r.createdAt(), r.totals(),
                        r.lineItems().stream().map(StorageIdentityTest::strip).toList(),
                        r.shippingLines().stream().map(l -> new ShippingLine(0, l.name(), l.methodId(),
                                l.instanceId(), l.total(), l.totalTax(), l.taxes())).toList(),
                        r.feeLines().stream().map(l -> new FeeLine(0, l.name(), l.taxClass(), l.taxStatus(),
                                l.total(), l.totalTax(), l.taxes())).toList())).toList(),
                o.problems());
    }

    private static LineItem strip(LineItem l) {
        return new LineItem(0, l.name(), l.productId(), l.variationId(), l.sku(), l.quantity(), l.taxClass(),
                l.subtotal(), l.subtotalTax(), l.total(), l.totalTax(), l.taxes(), l.subtotalTaxes());
    }
}
