package com.caricomtr.agent.invoice;

import org.junit.jupiter.api.Test;

import static com.caricomtr.agent.invoice.OrderBuilder.KDV20;
import static com.caricomtr.agent.invoice.OrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceNumberFormatTest {

    @Test
    void gibNumberIsSixteenCharacters() {
        assertThat(InvoiceNumberFormat.gib("WOO", 2025, 42)).isEqualTo("WOO2025000000042").hasSize(16);
        assertThat(InvoiceNumberFormat.gib("A1B", 2026, 999_999_999)).isEqualTo("A1B2026999999999");
    }

    @Test
    void gibNumberRefusesWhatDoesNotFit() {
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("WO", 2025, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("woo", 2025, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("WOOO", 2025, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("ŞOK", 2025, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("WOO", 2025, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("WOO", 2025, 1_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumberFormat.gib("WOO", 999, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainNumberIsSeriesAndSequence() {
        assertThat(InvoiceNumberFormat.plain("WOO", 42)).isEqualTo("WOO42");
        assertThat(InvoiceNumberFormat.plain("", 42)).isEqualTo("42");
    }

    @Test
    void aSeriesIsCheckedLikeAConfiguredOne() {
        assertThat(InvoiceNumberFormat.isSeries("ABC", true)).isTrue();
        assertThat(InvoiceNumberFormat.isSeries("AB", true)).isFalse();
        assertThat(InvoiceNumberFormat.isSeries("abc", true)).isFalse();
        assertThat(InvoiceNumberFormat.isSeries("WEB-2025", false)).isTrue();
        assertThat(InvoiceNumberFormat.isSeries("", false)).isFalse();
        assertThat(InvoiceNumberFormat.isSeries("A".repeat(17), false)).isFalse();
        assertThat(InvoiceNumberFormat.isSeries("ŞOK", false)).isFalse();
        assertThat(InvoiceNumberFormat.isSeries(null, true)).isFalse();
    }

    @Test
    void aGibNumberIsReadBackOnlyForItsSeriesAndYear() {
        assertThat(InvoiceNumberFormat.gibSequence("WOO2025000000042", "WOO", 2025)).hasValue(42);
        assertThat(InvoiceNumberFormat.gibSequence("WOO2025000000042", "ABC", 2025)).isEmpty();
        assertThat(InvoiceNumberFormat.gibSequence("WOO2025000000042", "WOO", 2026)).isEmpty();
        assertThat(InvoiceNumberFormat.gibSequence("WOO2025000000000", "WOO", 2025)).isEmpty();
        assertThat(InvoiceNumberFormat.gibSequence("WOO202500000042", "WOO", 2025)).isEmpty();
        assertThat(InvoiceNumberFormat.gibSequence("WOO2025-00000042", "WOO", 2025)).isEmpty();
        assertThat(InvoiceNumberFormat.gibSequence(null, "WOO", 2025)).isEmpty();
    }

    @Test
    void aPlainNumberIsShortAndOfASafeAlphabet() {
        assertThat(InvoiceNumberFormat.isPlainNumber("WEB-2025_42")).isTrue();
        assertThat(InvoiceNumberFormat.isPlainNumber("W".repeat(32))).isTrue();
        assertThat(InvoiceNumberFormat.isPlainNumber("W".repeat(33))).isFalse();
        assertThat(InvoiceNumberFormat.isPlainNumber("")).isFalse();
        assertThat(InvoiceNumberFormat.isPlainNumber("WEB 42")).isFalse();
        assertThat(InvoiceNumberFormat.isPlainNumber("WEB/42")).isFalse();
    }

    @Test
    void anOrderCanBeNumberedInAnotherSeries() {
        Invoice invoice = new InvoiceMapper(InvoiceSettings.defaults()).map(order(32).number("32")
                .item("Kahve", "1", "100", KDV20, "20").taxLine(KDV20, "20", "0").total("120").build(), "ABC");

        assertThat(invoice.series()).isEqualTo("ABC");
        assertThat(invoice.number()).startsWith("ABC").endsWith("000000032");
    }

    @Test
    void settingsCheckTheSeriesForTheChosenFormat() {
        assertThatThrownBy(() -> InvoiceSettings.defaults().withSeries("WOOC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 3");
        assertThat(InvoiceSettings.defaults().withGibStyleNumber(false).withSeries("WEB-2025").series())
                .isEqualTo("WEB-2025");
        assertThatThrownBy(() -> InvoiceSettings.defaults().withGibStyleNumber(false).withSeries("A'; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderNumberStrategyUsesTheOrderNumber() {
        InvoiceMapper plain = new InvoiceMapper(InvoiceSettings.defaults().withGibStyleNumber(false)
                .withSeries("WEB"));

        Invoice invoice = plain.map(order(32).number("0032").item("Kahve", "1", "100", KDV20, "20")
                .taxLine(KDV20, "20", "0").total("120").build());

        assertThat(invoice.sequence()).isEqualTo(32);
        assertThat(invoice.number()).isEqualTo("WEB32");
        assertThat(invoice.orderNumber()).isEqualTo("0032");
    }

    @Test
    void gaplessNumberingNeedsAnAllocator() {
        assertThatThrownBy(() -> new InvoiceMapper(InvoiceSettings.defaults()
                .withNumbering(NumberingStrategy.GAPLESS_COUNTER))).isInstanceOf(IllegalArgumentException.class);
    }
}
