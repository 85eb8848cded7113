package com.caricomtr.agent.woo.php;

import static com.caricomtr.agent.woo.php.WooTaxData.SUBTOTAL;
import static com.caricomtr.agent.woo.php.WooTaxData.TOTAL;
import static com.caricomtr.agent.woo.php.WooTaxData.taxAmounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link WooTaxData}: rate id to exact amount, from {@code _line_tax_data} and shipping {@code taxes}. */
class PhpSerializedTaxAmountsTest {

    @Test
    void lineTaxDataSections() {
        assertThat(taxAmounts(PhpSamples.LINE_TAX_DATA, TOTAL)).containsExactly(Map.entry(1L, new BigDecimal("63.3")));
        assertThat(taxAmounts(PhpSamples.LINE_TAX_DATA, SUBTOTAL)).containsExactly(Map.entry(1L, new BigDecimal("63.3")));
    }

    @Test
    void severalRatesKeepStoredOrderAndPrecision() {
        Map<Long, BigDecimal> total = taxAmounts(PhpSamples.LINE_TAX_DATA_TWO_RATES, TOTAL);

        assertThat(List.copyOf(total.keySet())).containsExactly(1L, 4L);
        assertThat(total.get(1L)).isEqualTo(new BigDecimal("16.666667"));
        assertThat(taxAmounts(PhpSamples.LINE_TAX_DATA_TWO_RATES, SUBTOTAL).get(4L)).isEqualTo(new BigDecimal("5.000000"));
    }

    @Test
    void shippingHasOnlyATotal() {
        assertThat(taxAmounts(PhpSamples.SHIPPING_TAXES, TOTAL)).containsExactly(Map.entry(1L, new BigDecimal("5.00")));
        assertThat(taxAmounts(PhpSamples.SHIPPING_TAXES, SUBTOTAL)).isEmpty();
    }

    @Test
    void refundsAreNegative() {
        assertThat(taxAmounts(PhpSamples.LINE_TAX_DATA_REFUND, TOTAL)).containsEntry(1L, new BigDecimal("-63.30"));
    }

    @Test
    void noTaxIsEmpty() {
        assertThat(taxAmounts(PhpSamples.LINE_TAX_DATA_NONE, TOTAL)).isEmpty();
        assertThat(taxAmounts("a:0:{}", TOTAL)).isEmpty();
        assertThat(taxAmounts("s:0:\"\";", TOTAL)).isEmpty();
        assertThat(taxAmounts("N;", TOTAL)).isEmpty();
        assertThat(taxAmounts("b:0;", TOTAL)).isEmpty();
        assertThat(taxAmounts("a:1:{s:5:\"total\";s:0:\"\";}", TOTAL)).isEmpty();
    }

    @Test
    void anEmptyOrNullAmountIsZeroAndKeepsItsRate() {
        assertThat(taxAmounts(PhpSamples.LINE_TAX_DATA_EMPTY_AMOUNT, TOTAL)).containsExactly(Map.entry(2L, BigDecimal.ZERO));
        assertThat(taxAmounts("a:1:{s:5:\"total\";a:1:{i:3;N;}}", TOTAL)).containsExactly(Map.entry(3L, BigDecimal.ZERO));
    }

    @Test
    void numericStringRateIdsAreRateIds() {
        assertThat(taxAmounts("a:1:{s:5:\"total\";a:2:{s:1:\"1\";s:3:\"1.5\";s:2:\"12\";s:1:\"2\";}}", TOTAL))
                .containsExactly(Map.entry(1L, new BigDecimal("1.5")), Map.entry(12L, new BigDecimal("2")));
    }

    @Test
    void amountsStoredAsNumbersAreExactToo() {
        Map<Long, BigDecimal> total = taxAmounts(
                "a:1:{s:5:\"total\";a:4:{i:1;i:7;i:2;d:0.1;i:3;s:6:\"1.5E-5\";i:4;s:6:\" 2.50\n\";}}", TOTAL);

        assertThat(total).containsExactly(
                Map.entry(1L, new BigDecimal("7")),
                Map.entry(2L, new BigDecimal("0.1")),
                Map.entry(3L, new BigDecimal("0.000015")),
                Map.entry(4L, new BigDecimal("2.50")));
    }

    @Test
    void theResultIsUnmodifiable() {
        assertThatThrownBy(() -> taxAmounts(PhpSamples.LINE_TAX_DATA, TOTAL).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "i:1;",
            "s:3:\"abc\";",
            "a:1:{i:1;s:4:\"5.00\";}",
            "a:1:{s:5:\"total\";s:3:\"abc\";}",
            "a:1:{s:5:\"total\";i:5;}",
            "a:1:{s:5:\"total\";a:1:{s:3:\"abc\";s:1:\"1\";}}",
            "a:1:{s:5:\"total\";a:1:{s:2:\"01\";s:1:\"1\";}}",
            "a:1:{s:5:\"total\";a:1:{i:-1;s:1:\"1\";}}",
            "a:1:{s:5:\"total\";a:1:{i:1;s:3:\"abc\";}}",
            "a:1:{s:5:\"total\";a:1:{i:1;s:3:\"1,5\";}}",
            "a:1:{s:5:\"total\";a:1:{i:1;s:3:\"INF\";}}",
            "a:1:{s:5:\"total\";a:1:{i:1;s:4:\"0x1A\";}}",
            "a:1:{s:5:\"total\";a:1:{i:1;d:INF;}}",
            "a:1:{s:5:\"total\";a:1:{i:1;d:NAN;}}",
            "a:1:{s:5:\"total\";a:1:{i:1;b:1;}}",
            "a:1:{s:5:\"total\";a:1:{i:1;a:0:{}}}",
            "a:1:{s:5:\"total\";a:1:{i:1;s:9:\"1e9999999\";}}",
    })
    void dataNotShapedLikeTaxIsReported(String serialized) {
        assertThatThrownBy(() -> taxAmounts(serialized, TOTAL))
                .isExactlyInstanceOf(PhpSerializedException.class)
                .extracting(e -> ((PhpSerializedException) e).byteOffset())
                .isEqualTo(-1L);
    }

    @Test
    void thePre30FlatFormatIsNamedRatherThanReadAsNoTax() {
        assertThatThrownBy(() -> taxAmounts("a:1:{i:1;s:4:\"5.00\";}", TOTAL))
                .hasMessageContaining("pre-3.0 format");
    }

    @Test
    void undecodableTextFailsWithItsOffset() {
        assertThatThrownBy(() -> taxAmounts("a:1:{s:5:\"total\";a:1:{i:1;s:9:\"63.3\";}}", TOTAL))
                .isExactlyInstanceOf(PhpSerializedException.class)
                .extracting(e -> ((PhpSerializedException) e).byteOffset())
                .isNotEqualTo(-1L);
    }
}
