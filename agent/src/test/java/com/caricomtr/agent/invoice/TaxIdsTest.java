package com.caricomtr.agent.invoice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TaxIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678950", "34567891238", "86420975326", "24681357994", "70324659994",
            "19876543238", "97531864294", "10000000146"})
    void validTcknsOfTheFixtures(String tckn) {
        assertThat(TaxIds.isValidTckn(tckn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11122233323", "70000003373", "12345678951", "12345678940", "02345678950",
            "1234567895", "123456789500", "1234567895a", "", " 12345678950"})
    void invalidTckns(String tckn) {
        assertThat(TaxIds.isValidTckn(tckn)).isFalse();
    }

    @Test
    void tcknWhoseTenthDigitSumIsNegativeUsesATrueModulo() {
        // Odd digits 1,0,0,0,0 and even digits 9,9,9,9: 1·7 − 36 = −29; −29 mod 10 is 1 (Java's % would say −9).
        assertThat(TaxIds.isValidTckn("19090909018")).isTrue();
        assertThat(TaxIds.isValidTckn("19090909096")).isFalse();
    }

    @Test
    void placeholderTcknHasAnInvalidChecksum() {
        // d10 = (5·7 − 4) mod 10 = 1 holds, but d11 = 10 mod 10 = 0, not 1.
        assertThat(TaxIds.isValidTckn("11111111111")).isFalse();
        assertThat(TaxIds.isValidTckn("11111111110")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6789123457", "4561237896", "1122334455", "5002058948", "5002296512", "5002534084",
            "5002850845", "5003088416", "1234567890", "0000000019"})
    void validVkns(String vkn) {
        assertThat(TaxIds.isValidVkn(vkn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6789123458", "1122334456", "0000000000", "123456789", "12345678901", "12345678a0", ""})
    void invalidVkns(String vkn) {
        assertThat(TaxIds.isValidVkn(vkn)).isFalse();
    }

    @Test
    void nullIsNeverValid() {
        assertThat(TaxIds.isValidTckn(null)).isFalse();
        assertThat(TaxIds.isValidVkn(null)).isFalse();
    }

    @Test
    void normalizeDropsWhatPeopleTypeBetweenDigits() {
        assertThat(TaxIds.normalize(" 123 456-789.50 ")).isEqualTo("12345678950");
        assertThat(TaxIds.normalize(null)).isEmpty();
    }
}
