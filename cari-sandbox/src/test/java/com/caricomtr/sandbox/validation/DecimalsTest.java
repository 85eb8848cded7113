package com.caricomtr.sandbox.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.00", "788.68", "-12.50", "1000000.01"})
    void moneyHasExactlyTwoDecimals(String text) {
        assertThat(Decimals.isMoney(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"788.6", "788", "788.680", "788,68", "1e2", "+1.00", "01.00", " 1.00", ".50", "1.00 "})
    void anythingElseIsNotMoney(String text) {
        assertThat(Decimals.isMoney(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "1.5", "0.25", "10"})
    void quantitiesArePlainDecimals(String text) {
        assertThat(Decimals.isPlainDecimal(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1,5", "1e3", "01", ".5", "1."})
    void quantitiesRejectOtherSpellings(String text) {
        assertThat(Decimals.isPlainDecimal(text)).isFalse();
    }
}
