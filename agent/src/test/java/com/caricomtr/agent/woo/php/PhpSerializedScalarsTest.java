package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhpSerializedScalarsTest {

    @Test
    void nullAndBools() {
        assertThat(PhpSerialized.decode("N;")).isEqualTo(PhpNull.INSTANCE);
        assertThat(PhpSerialized.decode("b:1;")).isEqualTo(PhpBool.TRUE);
        assertThat(PhpSerialized.decode("b:0;")).isEqualTo(PhpBool.FALSE);
    }

    @ParameterizedTest
    @CsvSource({
            "i:0;, 0",
            "i:42;, 42",
            "i:-7;, -7",
            "i:+7;, 7",
            "i:007;, 7",
            "i:-0;, 0",
            "i:9223372036854775807;, 9223372036854775807",
            "i:-9223372036854775808;, -9223372036854775808",
    })
    void ints(String serialized, long expected) {
        assertThat(PhpSerialized.decode(serialized)).isEqualTo(new PhpInt(expected));
    }

    @ParameterizedTest
    @CsvSource({"i:9223372036854775808;", "i:-9223372036854775809;", "i:100000000000000000000000000000;"})
    void intsBeyond64BitsAreRejected(String serialized) {
        assertThatThrownBy(() -> PhpSerialized.decode(serialized))
                .isInstanceOf(PhpSerializedException.class)
                .hasMessageContaining("64 bits");
    }

    @ParameterizedTest
    @CsvSource({
            "d:0.1;, 0.1",
            "d:63.3;, 63.3",
            "d:1;, 1",
            "d:-0;, 0",
            "d:0.30000000000000004;, 0.30000000000000004",
            "d:1.0E+25;, 10000000000000000000000000",
            "d:1.5e-3;, 0.0015",
            "d:.5;, 0.5",
            "d:5.;, 5",
            "d:+2.50;, 2.50",
    })
    void finiteFloatsKeepTheirExactDecimal(String serialized, BigDecimal expected) {
        PhpDouble value = (PhpDouble) PhpSerialized.decode(serialized);

        assertThat(value.isFinite()).isTrue();
        assertThat(value.decimal()).isEqualByComparingTo(expected);
        assertThat(value.doubleValue()).isEqualTo(expected.doubleValue());
    }

    @Test
    void floatDecimalIsTheTextNotTheNearestDouble() {
        PhpDouble value = (PhpDouble) PhpSerialized.decode("d:0.1;");

        assertThat(value.text()).isEqualTo("0.1");
        assertThat(value.decimal()).isEqualTo(new BigDecimal("0.1"));
        assertThat(value.decimal()).isNotEqualTo(new BigDecimal(0.1));
    }

    @Test
    void infinityAndNanHaveNoDecimal() {
        assertThat(((PhpDouble) PhpSerialized.decode("d:INF;")).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((PhpDouble) PhpSerialized.decode("d:-INF;")).doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((PhpDouble) PhpSerialized.decode("d:NAN;")).doubleValue()).isNaN();
        for (String special : new String[] {"d:INF;", "d:-INF;", "d:NAN;", "d:1e400;"}) {
            PhpDouble value = (PhpDouble) PhpSerialized.decode(special);
            assertThat(value.isFinite()).as(special).isFalse();
            assertThatThrownBy(value::decimal).isInstanceOf(PhpSerializedException.class);
        }
    }

    @Test
    void floatTextIsValidatedEvenWhenBuiltByHand() {
        assertThatThrownBy(() -> new PhpDouble("1,5")).isInstanceOf(PhpSerializedException.class);
        assertThatThrownBy(() -> new PhpDouble(null)).isInstanceOf(PhpSerializedException.class);
    }

    @Test
    void typeNamesAndShortcuts() {
        assertThat(PhpSerialized.decode("i:1;").typeName()).isEqualTo("int");
        assertThat(PhpSerialized.decode("s:1:\"x\";").asString()).isEqualTo("x");
        assertThatThrownBy(() -> PhpSerialized.decode("i:1;").asArray())
                .isInstanceOf(PhpSerializedException.class)
                .hasMessage("expected an array but found int");
        assertThatThrownBy(() -> PhpSerialized.decode("a:0:{}").asString())
                .isInstanceOf(PhpSerializedException.class)
                .hasMessage("expected a string but found array");
    }
}
