package com.caricomtr.agent.woo.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and malicious input: each must fail fast with the decoder's own exception and a message that says why. */
class PhpSerializedHostileInputTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                // nothing, or not a value
                Arguments.of("", "the text is empty"),
                Arguments.of(" ", "expected a value (N, b, i, d, s, a, O, C, E, r or R) but found ' '"),
                Arguments.of("x:1;", "expected a value"),
                Arguments.of("{", "expected a value"),
                Arguments.of("}", "found '}'"),
                Arguments.of("S:1:\"\\61\";", "escaped strings (S:) are not supported"),
                // trailing garbage
                Arguments.of("N;N;", "unexpected data after the end of the value"),
                Arguments.of("i:1;x", "unexpected data after the end of the value"),
                Arguments.of("a:0:{};", "unexpected data after the end of the value"),
                Arguments.of("a:0:{}a:0:{}", "unexpected data after the end of the value"),
                Arguments.of(PhpSamples.LINE_TAX_DATA + "\n", "unexpected data after the end of the value"),
                // truncated
                Arguments.of("N", "expected ';' after N but the input ends"),
                Arguments.of("i:1", "expected ';' after an int but the input ends"),
                Arguments.of("d:1.5", "expected ';' after a float but the input ends"),
                Arguments.of("s:3:\"ab", "string declares 3 bytes but the input ends first"),
                Arguments.of("s:3:\"abc", "string does not end with '\"'"),
                Arguments.of("s:3:\"abc\"", "expected ';' after the string but the input ends"),
                Arguments.of("a:1:{i:0;N;", "expected '}' to close the array after its 1 declared entries but the input ends"),
                Arguments.of("a:1:{s:5:\"abcde\";", "expected a value but the input ends"),
                Arguments.of("O:8:\"stdClass\":0:{", "to close the object"),
                // missing or wrong separators
                Arguments.of("i1;", "expected ':' after the type letter but found '1'"),
                Arguments.of("s:3\"abc\";", "expected ':' after the string length but found '\"'"),
                Arguments.of("s:3:abc\";", "expected '\"' to open the string but found 'a'"),
                Arguments.of("s:3:\"abc';", "string does not end with '\"'"),
                Arguments.of("a:1{i:0;N;}", "expected ':' after the array size but found '{'"),
                Arguments.of("a:1:i:0;N;}", "expected '{' to open the array but found 'i'"),
                Arguments.of("a:1:{i:0N;}", "expected ';' after an int but found 'N'"),
                Arguments.of("a:1:{i:0;N}", "expected ';' after N but found '}'"),
                Arguments.of("O:8:\"stdClass\"0:{}", "expected ':' after the class name but found '0'"),
                Arguments.of("b:1", "expected ';' after a bool but the input ends"),
                // wrong values
                Arguments.of("b:2;", "expected 0 or 1 for a bool but found '2'"),
                Arguments.of("b:;", "expected 0 or 1 for a bool"),
                Arguments.of("i:;", "expected digits of an int but found ';'"),
                Arguments.of("i:--1;", "expected digits of an int but found '-'"),
                Arguments.of("i:1.5;", "expected ';' after an int but found '.'"),
                Arguments.of("i:99999999999999999999;", "int does not fit in 64 bits"),
                Arguments.of("d:;", "float is not a decimal number"),
                Arguments.of("d:.;", "float is not a decimal number"),
                Arguments.of("d:1.2.3;", "float is not a decimal number"),
                Arguments.of("d:1e;", "float is not a decimal number"),
                Arguments.of("d:0x1A;", "float is not a decimal number"),
                Arguments.of("d:inf;", "float is not a decimal number"),
                Arguments.of("d:1e999999;", "float is not a decimal number"),
                Arguments.of("d:1e99999999999999999999;", "float is not a decimal number"),
                Arguments.of("d:" + "9".repeat(5000) + ";", "float is longer than 400 characters"),
                // lengths and counts
                Arguments.of("s:-1:\"\";", "expected digits of the string length but found '-'"),
                Arguments.of("s::\"\";", "expected digits of the string length but found ':'"),
                Arguments.of("s:1:\"\";", "string does not end with '\"' after its declared 1 bytes"),
                Arguments.of("s:0:\"a\";", "string does not end with '\"' after its declared 0 bytes"),
                Arguments.of("s:5:\"abc\";", "string does not end with '\"' after its declared 5 bytes"),
                Arguments.of("s:20:\"abc\";", "string declares 20 bytes, more than the rest of the input"),
                Arguments.of("s:2147483647:\"a\";", "more than the rest of the input"),
                Arguments.of("s:2147483648:\"a\";", "string length is too large"),
                Arguments.of("s:99999999999999999999999:\"a\";", "string length is too large"),
                Arguments.of("a:-1:{}", "expected digits of the array size but found '-'"),
                Arguments.of("a:1000000000:{", "array declares 1000000000 entries but the rest of the input could hold at most 0"),
                Arguments.of("a:1000000000:{i:0;N;}", "array declares 1000000000 entries"),
                Arguments.of("a:2147483647:{i:0;N;}", "array declares 2147483647 entries"),
                Arguments.of("a:4294967296:{}", "array size is too large"),
                Arguments.of("a:1:{}", "array declares 1 entries but the rest of the input could hold at most 0"),
                Arguments.of("a:2:{i:0;s:5:\"abcde\";}", "found '}' after 1 of the 2 declared entries"),
                Arguments.of("a:2:{i:0;N;i:1;N;i:2;N;}", "expected '}' to close the array after its 2 declared entries"),
                Arguments.of("a:0:{i:0;N;}", "expected '}' to close the array after its 0 declared entries but found 'i'"),
                Arguments.of("a:1:{i:0;N;}}", "unexpected data after the end of the value"),
                Arguments.of("O:8:\"stdClass\":1000000:{}", "object declares 1000000 entries"),
                Arguments.of("C:11:\"ArrayObject\":-1:{}", "expected digits of the payload length but found '-'"),
                Arguments.of("C:11:\"ArrayObject\":5:{abc}", "payload declares 5 bytes but the input ends first"),
                Arguments.of("C:11:\"ArrayObject\":2:{abc}", "payload does not end with '}'"),
                Arguments.of("C:11:\"ArrayObject\":2147483647:{}", "more than the rest of the input"),
                // keys
                Arguments.of("a:1:{N;s:3:\"abc\";}", "expected an array key (i: or s:) but found 'N'"),
                Arguments.of("a:1:{a:0:{}N;}", "expected an array key (i: or s:) but found 'a'"),
                Arguments.of("a:1:{d:1.5;N;}", "expected an array key"),
                Arguments.of("a:1:{b:1;N;}", "expected an array key"),
                Arguments.of("a:1:{r:1;N;}", "expected an array key"),
                Arguments.of("O:8:\"stdClass\":1:{N;s:3:\"abc\";}", "expected a property name (i: or s:) but found 'N'"),
                Arguments.of("O:8:\"stdClass\":1:{}", "object declares 1 entries but the rest of the input could hold at most 0"),
                Arguments.of("O:8:\"stdClass\":2:{i:0;s:5:\"abcde\";}", "found '}' after 1 of the 2 declared entries"),
                // class names
                Arguments.of("O:0:\"\":0:{}", "class name is empty"),
                Arguments.of("O:3:\"a b\":0:{}", "class name is empty or has characters PHP does not allow"),
                Arguments.of("O:4:\"\\Foo\":0:{}", "class name is empty or has characters PHP does not allow"),
                Arguments.of("O:4:\"\0Foo\":0:{}", "class name is empty or has characters PHP does not allow"),
                Arguments.of("O:9:\"stdClass\":0:{}", "class name does not end with '\"'"),
                Arguments.of("C:0:\"\":0:{}", "class name is empty"),
                Arguments.of("E:4:\"Suit\";", "enum name is not Class:Case"),
                Arguments.of("E:5:\"Suit:\";", "enum name is not Class:Case"),
                Arguments.of("E:7:\":Hearts\";", "enum name is not Class:Case"),
                Arguments.of("E:0:\"\";", "enum name is not Class:Case"),
                // references
                Arguments.of("r:0;", "reference index must be at least 1"),
                Arguments.of("r:1;", "reference to value 1 but only 0 came before it"),
                Arguments.of("R:1;", "reference to value 1 but only 0 came before it"),
                Arguments.of("r:-1;", "expected digits of the reference index but found '-'"),
                Arguments.of("r:99999999999;", "reference index is too large"),
                Arguments.of("a:1:{i:0;r:3;}", "reference to value 3 but only 1 came before it"),
                Arguments.of("a:1:{i:0;R:2;}", "reference to value 2 but only 1 came before it"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedInputIsRejectedWithAClearMessage(String input, String messageFragment) {
        assertThatThrownBy(() -> PhpSerialized.decode(input))
                .isExactlyInstanceOf(PhpSerializedException.class)
                .hasMessageStartingWith("Invalid PHP-serialized value at byte ")
                .hasMessageContaining(messageFragment)
                .hasNoCause();
    }

    @Test
    void nullIsRejectedWithTheDecodersOwnException() {
        assertThatThrownBy(() -> PhpSerialized.decode(null)).isExactlyInstanceOf(PhpSerializedException.class);
    }

    @ParameterizedTest
    @FieldSource("com.caricomtr.agent.woo.php.PhpSamples#ALL")
    void everyTruncationOfAValidSampleIsRejected(String sample) {
        for (int length = 0; length < sample.length(); length++) {
            String truncated = sample.substring(0, length);
            assertThatThrownBy(() -> PhpSerialized.decode(truncated))
                    .as("truncated to %d chars", length)
                    .isExactlyInstanceOf(PhpSerializedException.class);
        }
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        assertThat(PhpSerialized.decode(nestedArrays(PhpSerialized.MAX_DEPTH))).isInstanceOf(PhpArray.class);
        assertThat(PhpSerialized.decode(nestedObjectsAndArrays(PhpSerialized.MAX_DEPTH))).isInstanceOf(PhpArray.class);
    }

    @Test
    void nestingBeyondTheLimitIsRejected() {
        assertThatThrownBy(() -> PhpSerialized.decode(nestedArrays(PhpSerialized.MAX_DEPTH + 1)))
                .isExactlyInstanceOf(PhpSerializedException.class)
                .hasMessageContaining("nested deeper than 64");
        assertThatThrownBy(() -> PhpSerialized.decode(nestedObjectsAndArrays(PhpSerialized.MAX_DEPTH + 1)))
                .isExactlyInstanceOf(PhpSerializedException.class)
                .hasMessageContaining("nested deeper than 64");
    }

    @Test
    void extremeNestingFailsFastWithoutStackOverflow() {
        String deep = "a:1:{i:0;".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> PhpSerialized.decode(deep))
                        .isExactlyInstanceOf(PhpSerializedException.class)
                        .hasMessageContaining("nested deeper than 64"));
    }

    @Test
    void hugeDeclaredSizesAllocateNothingAndFailFast() {
        List<String> inputs = new ArrayList<>();
        for (String count : new String[] {"1000000000", "2147483647", "178956970", "99999999"}) {
            inputs.add("a:" + count + ":{" + "i:0;N;".repeat(1000) + "}");
            inputs.add("O:8:\"stdClass\":" + count + ":{" + "i:0;N;".repeat(1000) + "}");
            inputs.add("s:" + count + ":\"" + "x".repeat(1000) + "\";");
            inputs.add("C:3:\"Foo\":" + count + ":{" + "x".repeat(1000) + "}");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String input : inputs) {
                assertThatThrownBy(() -> PhpSerialized.decode(input))
                        .isExactlyInstanceOf(PhpSerializedException.class);
            }
        });
    }

    @Test
    void aLongValidInputDecodesInLinearTime() {
        String big = "a:100000:{" + "i:0;s:9:\"İstanbul\";".repeat(100_000) + "}";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(PhpSerialized.decode(big).asArray().size()).isEqualTo(1));
    }

    private static String nestedArrays(int depth) {
        return "a:1:{i:0;".repeat(depth - 1) + "a:0:{}" + "}".repeat(depth - 1);
    }

    /** Alternates arrays and objects, because the limit must count both. */
    private static String nestedObjectsAndArrays(int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int level = 1; level < depth; level++) {
            open.append(level % 2 == 1 ? "a:1:{i:0;" : "O:8:\"stdClass\":1:{s:1:\"p\";");
            close.append('}');
        }
        return open + "a:0:{}" + close;
    }
}
