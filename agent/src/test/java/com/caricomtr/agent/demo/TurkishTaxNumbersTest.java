package com.caricomtr.agent.demo;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TurkishTaxNumbersTest {

    /** Numbers that real checkout plugins accepted in the WooCommerce fixtures. */
    @ParameterizedTest
    @ValueSource(strings = {"12345678950", "34567891238", "97531864294", "10000000146"})
    void validTckn(String tckn) {
        assertThat(TurkishTaxNumbers.isValidTckn(tckn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11111111111", "11122233323", "12345678951", "02345678950", "1234567895", "1234567895a",
            "123456789500", ""})
    void invalidTckn(String tckn) {
        assertThat(TurkishTaxNumbers.isValidTckn(tckn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6789123457", "4561237896", "1122334455", "5002058948", "0000000001"})
    void validVkn(String vkn) {
        assertThat(TurkishTaxNumbers.isValidVkn(vkn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6789123458", "1122334456", "112233445", "11223344555", "11223344a5", ""})
    void invalidVkn(String vkn) {
        assertThat(TurkishTaxNumbers.isValidVkn(vkn)).isFalse();
    }

    @Test
    void generatedNumbersAreValidAndAChangedDigitIsNot() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            String tckn = TurkishTaxNumbers.randomTckn(random);
            String vkn = TurkishTaxNumbers.randomVkn(random);
            assertThat(TurkishTaxNumbers.isValidTckn(tckn)).as(tckn).isTrue();
            assertThat(TurkishTaxNumbers.isValidVkn(vkn)).as(vkn).isTrue();
            assertThat(TurkishTaxNumbers.isValidTckn(lastDigitPlusOne(tckn))).isFalse();
            assertThat(TurkishTaxNumbers.isValidVkn(lastDigitPlusOne(vkn))).isFalse();
        }
        assertThat(TurkishTaxNumbers.isValidTckn(null)).isFalse();
        assertThat(TurkishTaxNumbers.isValidVkn(null)).isFalse();
    }

    private static String lastDigitPlusOne(String s) {
        int last = s.charAt(s.length() - 1) - '0';
        return s.substring(0, s.length() - 1) + (last + 1) % 10;
    }
}
