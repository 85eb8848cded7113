package com.caricomtr.agent.invoice;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LargestRemainderTest {

    @Test
    void plainRoundingWhenItAlreadyHitsTheTarget() {
        LargestRemainder.Result r = LargestRemainder.distribute(amounts("63.3", "58.166667", "9.98"), bd("131.45"));

        assertThat(r.fits()).isTrue();
        assertThat(r.residue()).isZero();
        assertThat(r.amounts()).containsExactly(bd("63.30"), bd("58.17"), bd("9.98"));
    }

    @Test
    void missingKurusGoesToTheLinesThatLostMostInRounding() {
        // Three thirds of 1.00: each rounds to 0.33; the lost kuruş goes to the first of the equal ones.
        LargestRemainder.Result r = LargestRemainder.distribute(amounts("0.333333", "0.333334", "0.333333"),
                bd("1.00"));

        assertThat(r.amounts()).containsExactly(bd("0.33"), bd("0.34"), bd("0.33"));
        assertThat(r.residue()).isEqualTo(1);
    }

    @Test
    void extraKurusIsTakenFromTheLinesThatGainedMost() {
        // WooCommerce rounded 44.985 half down: the target is one kuruş below HALF_UP rounding.
        LargestRemainder.Result r = LargestRemainder.distribute(amounts("44.985", "89.97", "9.98"), bd("144.93"));

        assertThat(r.amounts()).containsExactly(bd("44.98"), bd("89.97"), bd("9.98"));
        assertThat(r.residue()).isEqualTo(-1);
    }

    @Test
    void tiesGoToTheLargerAmountThenTheEarlierLine() {
        LargestRemainder.Result larger = LargestRemainder.distribute(amounts("1.005", "100.005"), bd("101.01"));
        LargestRemainder.Result earlier = LargestRemainder.distribute(amounts("1.005", "1.005"), bd("2.01"));

        assertThat(larger.amounts()).containsExactly(bd("1.01"), bd("100.00"));
        assertThat(earlier.amounts()).containsExactly(bd("1.00"), bd("1.01"));
    }

    @Test
    void zeroLinesNeverReceiveAKurus() {
        LargestRemainder.Result r = LargestRemainder.distribute(amounts("0", "10.004", "0"), bd("10.01"));

        assertThat(r.amounts()).containsExactly(bd("0.00"), bd("10.01"), bd("0.00"));
    }

    @Test
    void negativeAmountsRoundHalfAwayFromZeroLikePhp() {
        LargestRemainder.Result r = LargestRemainder.distribute(amounts("-0.125", "10"), bd("9.87"));

        assertThat(r.amounts()).containsExactly(bd("-0.13"), bd("10.00"));
    }

    @Test
    void residueAboveAKurusPerLineDoesNotFit() {
        assertThat(LargestRemainder.distribute(amounts("1", "1"), bd("2.03")).fits()).isFalse();
        assertThat(LargestRemainder.distribute(amounts("1", "1"), bd("2.02")).fits()).isTrue();
        assertThat(LargestRemainder.distribute(amounts("0", "0"), bd("0.01")).fits()).isFalse();
        assertThat(LargestRemainder.distribute(List.of(), bd("0.00")).fits()).isTrue();
    }

    private static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
