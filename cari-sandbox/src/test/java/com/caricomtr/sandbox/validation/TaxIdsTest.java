package com.caricomtr.sandbox.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TaxIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"12345678950", "10000000146"})
    void validTcknPasses(String tckn) {
        assertThat(TaxIds.isValidTckn(tckn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11122233323",   // tenth digit right, eleventh wrong
            "12345678960",   // tenth digit wrong
            "02345678950",   // leading zero
            "1234567895",    // 10 digits
            "123456789500",  // 12 digits
            "1234567895a",
            ""})
    void invalidTcknFails(String tckn) {
        assertThat(TaxIds.isValidTckn(tckn)).isFalse();
    }

    @Test
    void placeholderIsNotAValidTcknByChecksum() {
        // It is accepted for individuals by the customer rules, not by the checksum.
        assertThat(TaxIds.isValidTckn(TaxIds.TCKN_PLACEHOLDER)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6789123457", "0000000001"})
    void validVknPasses(String vkn) {
        assertThat(TaxIds.isValidVkn(vkn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6789123458", "0000000000", "678912345", "67891234570", "678912345a", ""})
    void invalidVknFails(String vkn) {
        assertThat(TaxIds.isValidVkn(vkn)).isFalse();
    }
}
