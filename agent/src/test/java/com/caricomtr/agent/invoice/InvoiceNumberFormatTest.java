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
