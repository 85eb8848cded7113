package com.caricomtr.agent.invoice;

import java.util.Locale;

import com.caricomtr.agent.woo.Address;
import com.caricomtr.agent.woo.Order;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.invoice.OrderBuilder.AYSE;
import static com.caricomtr.agent.invoice.OrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerMapperTest {
    private static final Address OZTURK_GIDA = new Address("Mehmet", "Öztürk", "Öztürk Gıda Ltd. Şti.",
            "Atatürk Bulvarı No:45", "Kat 3", "Çankaya", "TR06", "06420", "TR", "mehmet.ozturk@example.test",
            "0312 444 55 66");
    private static final Address HANS = new Address("Hans", "Müller", "Müller Handels GmbH", "Friedrichstraße 123",
            "", "Berlin", "BE", "10117", "DE", "hans.mueller@example.test", "+49 30 1234567");

    private final CustomerMapper allowing = new CustomerMapper(InvoiceSettings.defaults());
    private final CustomerMapper strict = new CustomerMapper(InvoiceSettings.defaults()
            .withAllowPlaceholderTckn(false));

    @Test
    void individualWithTckn() {
        CustomerRecord c = allowing.map(order(32).taxIdentity("12345678950", "", "").build());

        assertThat(c).isEqualTo(new CustomerRecord("tckn:12345678950", CustomerType.INDIVIDUAL, "Ayşe Yılmaz", "",
                "12345678950", "", "Bağdat Caddesi No:12 D:4", "Kadıköy", "İstanbul", "34710", "TR",
                "ayse.yilmaz@example.test", "+90 532 111 22 33"));
    }

    @Test
    void companyWithVknAndTaxOffice() {
        CustomerRecord c = allowing.map(order(43).billing(OZTURK_GIDA)
                .taxIdentity("", "6789123457", "Çankaya Vergi Dairesi").build());

        assertThat(c).isEqualTo(new CustomerRecord("vkn:6789123457", CustomerType.COMPANY, "Öztürk Gıda Ltd. Şti.",
                "Öztürk Gıda Ltd. Şti.", "6789123457", "Çankaya Vergi Dairesi", "Atatürk Bulvarı No:45 Kat 3",
                "Çankaya", "Ankara", "06420", "TR", "mehmet.ozturk@example.test", "0312 444 55 66"));
    }

    @Test
    void companyWithoutCompanyNameIsInvoicedToThePerson() {
        CustomerRecord c = allowing.map(order(1).taxIdentity("", "4561237896", "").build());

        assertThat(c.type()).isEqualTo(CustomerType.COMPANY);
        assertThat(c.name()).isEqualTo("Ayşe Yılmaz");
        assertThat(c.taxOffice()).isEmpty();
    }

    @Test
    void vknWinsOverTckn() {
        CustomerRecord c = allowing.map(order(1).taxIdentity("12345678950", "1122334455", "Nilüfer Vergi Dairesi")
                .build());

        assertThat(c.type()).isEqualTo(CustomerType.COMPANY);
        assertThat(c.key()).isEqualTo("vkn:1122334455");
    }

    @Test
    void soleProprietorsTcknInTheVknField() {
        CustomerRecord c = allowing.map(order(1).taxIdentity("", "34567891238", "Karşıyaka Vergi Dairesi").build());

        assertThat(c.type()).isEqualTo(CustomerType.COMPANY);
        assertThat(c.taxNumber()).isEqualTo("34567891238");
        assertThat(c.key()).isEqualTo("tckn:34567891238");
    }

    @Test
    void invalidVkn() {
        assertFails(allowing, order(9).taxIdentity("", "6789123458", "Çankaya").build(), "billing.vkn");
    }

    @Test
    void invalidTcknsOfTheFixtures() {
        assertFails(allowing, order(39).taxIdentity("11122233323", "", "").build(), "billing.tckn");
        assertFails(allowing, order(64).taxIdentity("70000003373", "", "").build(), "billing.tckn");
    }

    @Test
    void placeholderGivenAndAllowed() {
        CustomerRecord c = allowing.map(order(45).taxIdentity("11111111111", "", "").build());

        assertThat(c.type()).isEqualTo(CustomerType.INDIVIDUAL);
        assertThat(c.taxNumber()).isEqualTo(CustomerMapper.PLACEHOLDER_TCKN);
        assertThat(c.key()).isEqualTo("ayse.yilmaz@example.test");
    }

    @Test
    void placeholderGivenButNotAllowed() {
        assertFails(strict, order(45).taxIdentity("11111111111", "", "").build(), "billing.tckn");
    }

    @Test
    void noTaxIdGetsThePlaceholderOnlyWhenAllowed() {
        Order order = order(5).taxIdentity("", "", "").build();

        assertThat(allowing.map(order).taxNumber()).isEqualTo(CustomerMapper.PLACEHOLDER_TCKN);
        assertFails(strict, order, "billing.tckn");
    }

    @Test
    void keyIsTheLowerCasedEmailEvenInATurkishLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            CustomerRecord c = allowing.map(order(35).taxIdentity("", "", "")
                    .billing(withEmail(AYSE, "  UMIT.ISIK@Example.TEST ")).build());

            assertThat(c.key()).isEqualTo("umit.isik@example.test");
            assertThat(c.email()).isEqualTo("UMIT.ISIK@Example.TEST");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void keyFallsBackToTheOrderWithoutTaxIdOrEmail() {
        CustomerRecord c = allowing.map(order(77).taxIdentity("", "", "").billing(withEmail(AYSE, "")).build());

        assertThat(c.key()).isEqualTo("order:77");
    }

    @Test
    void foreignBuyerNeedsNoTurkishTaxId() {
        CustomerRecord c = allowing.map(order(41).billing(HANS).taxIdentity("", "", "").build());

        assertThat(c).isEqualTo(new CustomerRecord("hans.mueller@example.test", CustomerType.FOREIGN,
                "Müller Handels GmbH", "Müller Handels GmbH", "", "", "Friedrichstraße 123", "", "Berlin", "10117",
                "DE", "hans.mueller@example.test", "+49 30 1234567"));
    }

    @Test
    void foreignBuyerIgnoresTurkishIdsEvenInvalidOnes() {
        CustomerRecord c = strict.map(order(41).billing(HANS).taxIdentity("11122233323", "123", "").build());

        assertThat(c.type()).isEqualTo(CustomerType.FOREIGN);
        assertThat(c.taxNumber()).isEmpty();
    }

    @Test
    void emptyBillingCountryIsTheHomeCountry() {
        Address noCountry = new Address("Ayşe", "Yılmaz", "", "Bağdat Caddesi", "", "Kadıköy", "", "34710", "",
                "a@example.test", "");

        CustomerRecord c = allowing.map(order(1).billing(noCountry).build());

        assertThat(c.type()).isEqualTo(CustomerType.INDIVIDUAL);
        assertThat(c.country()).isEqualTo("TR");
        assertThat(c.city()).isEqualTo("Kadıköy");
        assertThat(c.district()).isEmpty();
    }

    @Test
    void provinceWrittenOutInTheStateField() {
        Address written = new Address("Ayşe", "Yılmaz", "", "Bağdat Caddesi", "", "Kadıköy", "İstanbul", "34710",
                "tr", "", "");

        CustomerRecord c = allowing.map(order(1).billing(written).build());

        assertThat(c.city()).isEqualTo("İstanbul");
        assertThat(c.district()).isEqualTo("Kadıköy");
    }

    @Test
    void tcknTypedWithSpaces() {
        CustomerRecord c = allowing.map(order(1).taxIdentity("123 456 789 50", "", "").build());

        assertThat(c.taxNumber()).isEqualTo("12345678950");
    }

    @Test
    void nobodyToInvoice() {
        Address nameless = new Address("", "", "", "Bağdat Caddesi", "", "Kadıköy", "TR34", "34710", "TR", "", "");

        assertFails(allowing, order(1).billing(nameless).build(), "billing.first_name");
    }

    @Test
    void allEightyOneProvinces() {
        assertThat(TurkishProvinces.byStateCode("TR01")).contains("Adana");
        assertThat(TurkishProvinces.byStateCode("TR33")).contains("Mersin");
        assertThat(TurkishProvinces.byStateCode("TR81")).contains("Düzce");
        assertThat(TurkishProvinces.byStateCode("TR82")).isEmpty();
        assertThat(TurkishProvinces.byStateCode("TR00")).isEmpty();
        assertThat(TurkishProvinces.byStateCode("BE")).isEmpty();
    }

    private static Address withEmail(Address a, String email) {
        return new Address(a.firstName(), a.lastName(), a.company(), a.address1(), a.address2(), a.city(), a.state(),
                a.postcode(), a.country(), email, a.phone());
    }

    private static void assertFails(CustomerMapper mapper, Order order, String field) {
        assertThatThrownBy(() -> mapper.map(order)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.orderId()).isEqualTo(order.id());
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
