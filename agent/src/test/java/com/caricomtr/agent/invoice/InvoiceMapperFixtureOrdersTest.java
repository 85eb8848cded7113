package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.caricomtr.agent.woo.Address;
import com.caricomtr.agent.woo.Order;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.invoice.OrderBuilder.KDV1;
import static com.caricomtr.agent.invoice.OrderBuilder.KDV10;
import static com.caricomtr.agent.invoice.OrderBuilder.KDV20;
import static com.caricomtr.agent.invoice.OrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The fixture store's special orders (ids as in ../shared/fixtures/woocommerce, hpos dump unless said). */
class InvoiceMapperFixtureOrdersTest {
    private final InvoiceMapper mapper = new InvoiceMapper(InvoiceSettings.defaults());

    @Test
    void order32PricesIncludingTaxKeepTheShelfPrices() {
        Order order = order(32).pricesIncludeTax(true)
                .item("Türk Kahvesi 250 g", "2", "316.5", KDV20, "63.3")
                .item("Çay Bardağı Seti (6'lı)", "1", "290.833333", KDV20, "58.166667")
                .taxLine(KDV20, "121.47", "9.98")
                .shipping("Yurtiçi Kargo", "49.90", KDV20, "9.98")
                .total("788.68")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::kind, InvoiceLine::name, InvoiceLine::quantity,
                        InvoiceLine::unitPrice, InvoiceLine::taxRate, InvoiceLine::netAmount, InvoiceLine::taxAmount,
                        InvoiceLine::grossAmount)
                .containsExactly(
                        tuple(LineKind.PRODUCT, "Türk Kahvesi 250 g", bd("2"), bd("158.25"), bd("20"), bd("316.50"),
                                bd("63.30"), bd("379.80")),
                        tuple(LineKind.PRODUCT, "Çay Bardağı Seti (6'lı)", bd("1"), bd("290.83"), bd("20"),
                                bd("290.83"), bd("58.17"), bd("349.00")),
                        tuple(LineKind.SHIPPING, "Yurtiçi Kargo", bd("1"), bd("49.90"), bd("20"), bd("49.90"),
                                bd("9.98"), bd("59.88")));
        assertThat(invoice.subtotal()).isEqualTo(bd("657.23"));
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("20"), bd("657.23"), bd("131.45")));
        assertThat(invoice.taxTotal()).isEqualTo(bd("131.45"));
        assertThat(invoice.grandTotal()).isEqualTo(bd("788.68"));
    }

    @Test
    void order32IsNumberedAndDatedFromTheOrder() {
        Invoice invoice = mapper.map(order(32).item("Türk Kahvesi 250 g", "2", "316.5", KDV20, "63.3")
                .taxLine(KDV20, "63.3", "0").total("379.8").createdAt("2025-12-31T21:30:00Z").build());

        // 21:30 UTC on 31 December is already 1 January in Istanbul.
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(invoice.series()).isEqualTo("WOO");
        assertThat(invoice.sequence()).isEqualTo(32);
        assertThat(invoice.number()).isEqualTo("WOO2026000000032");
        assertThat(invoice.orderNumber()).isEqualTo("32");
        assertThat(invoice.currency()).isEqualTo("TRY");
        assertThat(invoice.exchangeRate()).isNull();
        assertThat(invoice.customer().type()).isEqualTo(CustomerType.INDIVIDUAL);
    }

    @Test
    void order36HalfDownTaxOfATaxInclusiveStoreIsReproducedByTheResidue() {
        // WooCommerce rounds 44.985 down in stores with prices including tax; the tax line says 134.95.
        Order order = order(36).pricesIncludeTax(true)
                .discountedItem("Pamuklu Tişört - S", "1", "249.916667", "224.925", KDV20, "44.985")
                .discountedItem("Pamuklu Tişört - M", "2", "499.833333", "449.85", KDV20, "89.97")
                .taxLine(KDV20, "134.95", "9.98")
                .shipping("Yurtiçi Kargo", "49.90", KDV20, "9.98")
                .total("869.61")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::unitPrice, InvoiceLine::netAmount, InvoiceLine::taxAmount)
                .containsExactly(tuple(bd("224.93"), bd("224.93"), bd("44.98")),
                        tuple(bd("224.93"), bd("449.85"), bd("89.97")),
                        tuple(bd("49.90"), bd("49.90"), bd("9.98")));
    }

    @Test
    void order35CashOnDeliveryFeeIsTaxedAtItsOwnRate() {
        Order order = order(35).pricesIncludeTax(true)
                .item("Köy Ekmeği", "20", "297.029703", KDV1, "2.970297")
                .item("Ayvalık Zeytinyağı 1 L", "2", "772.257426", KDV1, "7.722574")
                .taxLine(KDV1, "10.69", "0.5")
                .taxLine(KDV20, "3", "0")
                .shipping("Yurtiçi Kargo", "49.90", KDV1, "0.499")
                .fee("Kapıda Ödeme Ücreti", "15", Map.of(KDV20, "3"))
                .total("1148.38")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::kind, InvoiceLine::taxRate, InvoiceLine::netAmount,
                        InvoiceLine::taxAmount)
                .containsExactly(tuple(LineKind.PRODUCT, bd("1"), bd("297.03"), bd("2.97")),
                        tuple(LineKind.PRODUCT, bd("1"), bd("772.26"), bd("7.72")),
                        tuple(LineKind.SHIPPING, bd("1"), bd("49.90"), bd("0.50")),
                        tuple(LineKind.FEE, bd("20"), bd("15.00"), bd("3.00")));
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("20"), bd("15.00"), bd("3.00")),
                new TaxSummary(bd("1"), bd("1119.19"), bd("11.19")));
    }

    @Test
    void order40FixedCartCouponIsAlreadyInTheLineTotals() {
        Order order = order(40).pricesIncludeTax(true)
                .discountedItem("Türk Kahvesi 250 g", "3", "474.75", "443.5", KDV20, "88.7")
                .discountedItem("Güllü Lokum Kutusu", "1", "250.454545", "239.090909", KDV10, "23.909091")
                .taxLine(KDV20, "88.7", "9.98")
                .taxLine(KDV10, "23.91", "0")
                .shipping("Yurtiçi Kargo", "49.90", KDV20, "9.98")
                .total("855.08")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::unitPrice, InvoiceLine::netAmount)
                .containsExactly(tuple(bd("147.83"), bd("443.50")), tuple(bd("239.09"), bd("239.09")),
                        tuple(bd("49.90"), bd("49.90")));
    }

    @Test
    void order41ForeignBuyerWithoutTaxIsAllZeroRate() {
        Order order = order(41).pricesIncludeTax(true)
                .billing(new Address("Hans", "Müller", "Müller Handels GmbH", "Friedrichstraße 123", "", "Berlin",
                        "BE", "10117", "DE", "hans.mueller@example.test", "+49 30 1234567"))
                .taxIdentity("", "", "")
                .untaxedItem("İpek Şal – El Yapımı", "1", "1041.666667")
                .untaxedItem("Türk Kahvesi 250 g", "2", "316.5")
                .untaxedShipping("DHL Express (Yurtdışı)", "350.00")
                .total("1708.17")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::taxRate, InvoiceLine::netAmount, InvoiceLine::taxAmount)
                .containsExactly(tuple(bd("0"), bd("1041.67"), bd("0.00")), tuple(bd("0"), bd("316.50"), bd("0.00")),
                        tuple(bd("0"), bd("350.00"), bd("0.00")));
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("0"), bd("1708.17"), bd("0.00")));
        assertThat(invoice.customer().type()).isEqualTo(CustomerType.FOREIGN);
        assertThat(invoice.customer().name()).isEqualTo("Müller Handels GmbH");
    }

    @Test
    void order43ThirtyTwoLinesThreeRatesAFeeAndUntaxedDonations() {
        OrderBuilder builder = order(43).pricesIncludeTax(true).taxIdentity("", "6789123457", "Çankaya Vergi Dairesi")
                .billing(new Address("Mehmet", "Öztürk", "Öztürk Gıda Ltd. Şti.", "Atatürk Bulvarı No:45", "Kat 3",
                        "Çankaya", "TR06", "06420", "TR", "mehmet.ozturk@example.test", "0312 444 55 66"));
        for (int copy = 0; copy < 2; copy++) {
            builder.item("Türk Kahvesi 250 g", "1", "158.25", KDV20, "31.65")
                    .item("Çay Bardağı Seti (6'lı)", "2", "581.666667", KDV20, "116.333333")
                    .item("İpek Şal – El Yapımı", "3", "3125", KDV20, "625")
                    .item("Güllü Lokum Kutusu", "4", "1001.818182", KDV10, "100.181818")
                    .item("Iğdır Kayısısı 1 kg", "1", "190.909091", KDV10, "19.090909")
                    .item("Köy Ekmeği", "2", "29.70297", KDV1, "0.29703")
                    .item("Ayvalık Zeytinyağı 1 L", "3", "1158.386139", KDV1, "11.583861")
                    .item("Öğrenci Defteri A4", "4", "133.3", KDV20, "26.66")
                    .item("Kitap: İstanbul Hatırası", "1", "109.090909", KDV10, "10.909091")
                    .item("Çiçek Buketi", "2", "750", KDV20, "150")
                    .untaxedItem("Bağış (vergisiz)", "3", "300")
                    .item("Özel Sipariş Hizmeti", "4", "1666.666667", KDV20, "333.333333")
                    .item("Pamuklu Tişört - S", "1", "249.916667", KDV20, "49.983333")
                    .item("Pamuklu Tişört - M", "2", "499.833333", KDV20, "99.966667")
                    .item("Pamuklu Tişört - L", "3", "799.75", KDV20, "159.95")
                    .item("Hediye Paketi", "4", "0", KDV20, "0");
        }
        Order order = builder.taxLine(KDV20, "3190.74", "29.98")
                .taxLine(KDV10, "260.36", "0")
                .taxLine(KDV1, "23.76", "0")
                .shipping("Ambar Nakliye", "149.90", KDV20, "29.98")
                .fee("Paketleme Ücreti", "25", Map.of(KDV20, "5"))
                .total("25188.34")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).hasSize(34);
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("20"), bd("16103.68"), bd("3220.72")),
                new TaxSummary(bd("10"), bd("2603.64"), bd("260.36")),
                new TaxSummary(bd("1"), bd("2376.18"), bd("23.76")),
                new TaxSummary(bd("0"), bd("600.00"), bd("0.00")));
        assertThat(invoice.lines().get(15)).extracting(InvoiceLine::name, InvoiceLine::netAmount,
                InvoiceLine::grossAmount).containsExactly("Hediye Paketi", bd("0.00"), bd("0.00"));
        assertThat(invoice.lines()).extracting(InvoiceLine::kind).endsWith(LineKind.SHIPPING, LineKind.FEE);
        assertThat(invoice.customer().type()).isEqualTo(CustomerType.COMPANY);
    }

    @Test
    void order44HundredPercentCouponGivesAZeroInvoice() {
        Order order = order(44).pricesIncludeTax(true)
                .discountedItem("Kitap: İstanbul Hatırası", "1", "109.090909", "0", KDV10, "0")
                .discountedItem("Öğrenci Defteri A4", "1", "33.325", "0", KDV20, "0")
                .taxLine(KDV10, "0", "0")
                .taxLine(KDV20, "0", "0")
                .shipping("Ücretsiz Kargo", "0", KDV20, "0")
                .total("0")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::taxRate, InvoiceLine::unitPrice, InvoiceLine::grossAmount)
                .containsExactly(tuple(bd("10"), bd("0.00"), bd("0.00")), tuple(bd("20"), bd("0.00"), bd("0.00")),
                        tuple(bd("20"), bd("0.00"), bd("0.00")));
        assertThat(invoice.grandTotal()).isEqualTo(bd("0.00"));
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("20"), bd("0.00"), bd("0.00")),
                new TaxSummary(bd("10"), bd("0.00"), bd("0.00")));
    }

    @Test
    void order45OnlyTheTaxFreeProductWithThePlaceholderTckn() {
        Order order = order(45).taxIdentity("11111111111", "", "")
                .untaxedItem("Bağış (vergisiz)", "1", "100")
                .total("100")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("0"), bd("100.00"), bd("0.00")));
        assertThat(invoice.customer().taxNumber()).isEqualTo(CustomerMapper.PLACEHOLDER_TCKN);
    }

    @Test
    void order56NegativeFeeIsANegativeLineAtTheRateWooCommerceTaxedIt() {
        // The fee's own class is standard (20%), but WooCommerce taxes a negative fee like the cart: 1% here.
        Order order = order(56).pricesIncludeTax(true)
                .item("Ayvalık Zeytinyağı 1 L", "3", "1158.386139", KDV1, "11.583861")
                .taxLine(KDV1, "11.38", "0.5")
                .shipping("Yurtiçi Kargo", "49.90", KDV1, "0.499")
                .fee("Sadakat İndirimi", "-20", Map.of(KDV1, "-0.2"))
                .total("1200.17")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::kind, InvoiceLine::name, InvoiceLine::unitPrice,
                        InvoiceLine::netAmount, InvoiceLine::taxAmount, InvoiceLine::grossAmount)
                .containsExactly(
                        tuple(LineKind.PRODUCT, "Ayvalık Zeytinyağı 1 L", bd("386.13"), bd("1158.39"), bd("11.58"),
                                bd("1169.97")),
                        tuple(LineKind.SHIPPING, "Yurtiçi Kargo", bd("49.90"), bd("49.90"), bd("0.50"), bd("50.40")),
                        tuple(LineKind.FEE, "Sadakat İndirimi", bd("-20.00"), bd("-20.00"), bd("-0.20"),
                                bd("-20.20")));
        assertThat(invoice.taxes()).containsExactly(new TaxSummary(bd("1"), bd("1188.29"), bd("11.88")));
    }

    @Test
    void order62PricesExcludingTax() {
        Order order = order(62).pricesIncludeTax(false)
                .item("Çiçek Buketi", "4", "1800", KDV20, "360")
                .item("Iğdır Kayısısı 1 kg", "5", "1050", KDV10, "105")
                .taxLine(KDV20, "360", "9.98")
                .taxLine(KDV10, "105", "0")
                .shipping("Yurtiçi Kargo", "49.90", KDV20, "9.98")
                .total("3374.88")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines()).extracting(InvoiceLine::unitPrice, InvoiceLine::netAmount, InvoiceLine::taxAmount)
                .containsExactly(tuple(bd("450.00"), bd("1800.00"), bd("360.00")),
                        tuple(bd("210.00"), bd("1050.00"), bd("105.00")),
                        tuple(bd("49.90"), bd("49.90"), bd("9.98")));
        assertThat(invoice.subtotal()).isEqualTo(bd("2899.90"));
        assertThat(invoice.taxTotal()).isEqualTo(bd("474.98"));
    }

    @Test
    void hposSyncOrder63TaxInclusiveOrderInATaxExclusiveStoreRoundsHalfUp() {
        // 33.325 + 6.665: both round up, the line shows 40.00 as WooCommerce does (33.325 + 6.67).
        Order order = order(63).pricesIncludeTax(true)
                .item("Ayvalık Zeytinyağı 1 L", "3", "1158.386139", KDV1, "11.583861")
                .item("Öğrenci Defteri A4", "1", "33.325", KDV20, "6.665")
                .item("Pamuklu Tişört - M", "3", "749.75", KDV20, "149.95")
                .untaxedItem("Bağış (vergisiz)", "3", "300")
                .taxLine(KDV1, "11.58", "0")
                .taxLine(KDV20, "156.62", "9.98")
                .shipping("Yurtiçi Kargo", "49.90", KDV20, "9.98")
                .total("2469.55")
                .build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.lines().get(1)).extracting(InvoiceLine::netAmount, InvoiceLine::taxAmount,
                InvoiceLine::grossAmount).containsExactly(bd("33.33"), bd("6.67"), bd("40.00"));
    }

    @Test
    void fullyRefundedOrderStillMapsToTheOriginalInvoice() {
        Order order = order(50).item("Türk Kahvesi 250 g", "2", "316.5", KDV20, "63.3")
                .taxLine(KDV20, "63.3", "0").total("379.8").refund("379.80").build();

        Invoice invoice = mapper.map(order);

        InvoiceInvariants.assertReconciles(order, invoice);
        assertThat(invoice.grandTotal()).isEqualTo(bd("379.80"));
    }

    @Test
    void foreignCurrencyStaysInItsCurrencyWithTheRateFromTheExtensionPoint() {
        Order order = order(80).currency("eur").item("Türk Kahvesi 250 g", "1", "10", KDV20, "2")
                .taxLine(KDV20, "2", "0").total("12").build();

        Invoice withoutRates = mapper.map(order);
        Invoice withRates = new InvoiceMapper(InvoiceSettings.defaults(), InvoiceNumberAllocator.NONE,
                (currency, date) -> java.util.Optional.of(bd("36.5123"))).map(order);

        assertThat(withoutRates.currency()).isEqualTo("EUR");
        assertThat(withoutRates.exchangeRate()).isNull();
        assertThat(withoutRates.grandTotal()).isEqualTo(bd("12.00"));
        assertThat(withRates.exchangeRate()).isEqualTo(bd("36.5123"));
        assertThat(withRates.grandTotal()).isEqualTo(bd("12.00"));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
